package org.jodide.ui.editor;

import org.jodide.ui.dom.BrowserStorage;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.xml.NodeList;

import java.util.Locale;
import java.util.function.Consumer;

/**
 * Light, dark or automatic (the system's {@code prefers-color-scheme}) colours for the whole
 * page. The toolbar's {@code button[data-theme-choice]} choose; the choice is remembered in
 * localStorage under {@value #STORAGE_KEY} (index.html reads it before the first paint).
 *
 * <p>The theme is the root element's {@code data-theme} ({@code auto}, {@code light} or
 * {@code dark}), which sets its CSS {@code color-scheme}: jodide.css picks its colours with
 * {@code light-dark()}. The CodeMirror editor and the report (told by a protocol message, as a
 * frame's prefers-color-scheme follows the system, not the page) get the choice through
 * {@code editorTheme}; a new report frame is also given it in its URL, to paint in it from the start.
 */
final class ThemeSwitcher {
    static final String STORAGE_KEY = "jodide.theme";

    private final HTMLDocument document;
    private final Consumer<CodeMirrorEditor.Theme> editorTheme;
    private CodeMirrorEditor.Theme current;

    ThemeSwitcher(HTMLDocument document, Consumer<CodeMirrorEditor.Theme> editorTheme) {
        this.document = document;
        this.editorTheme = editorTheme;
    }

    /** Applies the remembered choice (else {@code auto}) and makes the toolbar buttons choose. */
    void start() {
        apply(parse(BrowserStorage.read(STORAGE_KEY)));
        NodeList<? extends HTMLElement> buttons = document.querySelectorAll("button[data-theme-choice]");
        for (int i = 0; i < buttons.getLength(); i++) {
            HTMLElement button = buttons.item(i);
            CodeMirrorEditor.Theme theme = parse(button.getAttribute("data-theme-choice"));
            button.addEventListener("click", event -> choose(theme));
        }
    }

    CodeMirrorEditor.Theme current() {
        return current;
    }

    /** Applies {@code theme} and remembers it for the next visit. */
    void choose(CodeMirrorEditor.Theme theme) {
        apply(theme);
        // Remembering is a convenience: without storage the theme still applies to this visit.
        BrowserStorage.write(STORAGE_KEY, id(theme));
    }

    private void apply(CodeMirrorEditor.Theme theme) {
        current = theme;
        document.getDocumentElement().setAttribute("data-theme", id(theme));
        NodeList<? extends HTMLElement> buttons = document.querySelectorAll("button[data-theme-choice]");
        for (int i = 0; i < buttons.getLength(); i++) {
            HTMLElement button = buttons.item(i);
            button.setAttribute("aria-pressed", String.valueOf(parse(button.getAttribute("data-theme-choice")) == theme));
        }
        editorTheme.accept(theme);
    }

    private static String id(CodeMirrorEditor.Theme theme) {
        return theme.name().toLowerCase(Locale.ROOT);
    }

    /** The theme named {@code id}; anything unknown (an old or damaged stored value) is {@code auto}. */
    private static CodeMirrorEditor.Theme parse(String id) {
        for (CodeMirrorEditor.Theme theme : CodeMirrorEditor.Theme.values()) {
            if (id(theme).equals(id)) {
                return theme;
            }
        }
        return CodeMirrorEditor.Theme.AUTO;
    }
}

package org.jodide.ui.editor;

import org.jodide.ui.output.MarkdownToHtml;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

/**
 * Fenced code blocks of the report's markdown, highlighted as the editor highlights chunks
 * ({@code static/src/main/js/editor/code-blocks.js}, on {@code window.jodideCodeMirror}), once the
 * chunks' languages have loaded: markdown rendered before then is rendered again when they have.
 */
final class CodeBlocks {
    private CodeBlocks() {
    }

    /** {@code html} with its code blocks highlighted; as it is (null too) when there is nothing to highlight yet. */
    static String highlighted(String html) {
        return html == null ? null : highlight(html);
    }

    /** {@code markdown}'s HTML with its code blocks highlighted (for text/markdown outputs, which render once). */
    static MarkdownToHtml highlighting(MarkdownToHtml markdown) {
        return (text, html) -> markdown.render(text, rendered -> html.accept(highlighted(rendered)));
    }

    /** {@code ready} runs once the languages have loaded (at once if they have). */
    static void whenHighlighting(Runnable ready) {
        whenHighlighting((Ready) ready::run);
    }

    @JSFunctor
    private interface Ready extends JSObject {
        void ready();
    }

    @JSBody(params = "html", script = "const cm = window.jodideCodeMirror;"
            + " return cm && cm.highlightCodeBlocks ? cm.highlightCodeBlocks(html) : html;")
    private static native String highlight(String html);

    @JSBody(params = "ready", script = "const cm = window.jodideCodeMirror; if (cm && cm.whenHighlighting) cm.whenHighlighting(ready);")
    private static native void whenHighlighting(Ready ready);
}

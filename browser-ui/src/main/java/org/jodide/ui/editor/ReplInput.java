package org.jodide.ui.editor;

import org.jodide.core.Language;
import org.jodide.ui.codemirror.CodeMirrorModule;
import org.jodide.ui.codemirror.ConsoleEditor;
import org.teavm.jso.JSBody;
import org.teavm.jso.dom.html.HTMLElement;

import java.util.Locale;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The input under the console: a CodeMirror editor (console-editor.js) in place of the page's
 * textarea, in the language chosen beside it, with completion and Shift+Tab help from the kernel as
 * in chunks. Enter runs its code, Shift+Enter adds a line, ↑ and ↓ walk the history
 * ({@link ConsoleHistory}) from the first and last line.
 */
final class ReplInput {
    private final HTMLElement languageSelect;
    private final ConsoleHistory history = new ConsoleHistory();
    private final ConsoleEditor input;

    /**
     * @throws IllegalStateException when the page did not load {@code codemirror.js}
     */
    ReplInput(HTMLElement textarea, HTMLElement languageSelect, BiConsumer<Language, String> run, Completer completer,
              HelpSource help) {
        this.languageSelect = languageSelect;
        CodeMirrorModule module = CodeMirrorModule.current();
        if (module == null) {
            throw new IllegalStateException("codemirror.js is not loaded: the page must set window.jodideCodeMirror");
        }
        ConsoleEditor.Options options = ConsoleEditor.Options.create();
        options.setLanguage(language().id());
        options.setOnEnter(text -> {
            if (text.isBlank()) {
                return;
            }
            history.add(text);
            input().show("");
            run.accept(language(), text);
        });
        options.setOnHistory(step -> {
            Optional<String> shown = step < 0 ? history.earlier(input().text()) : history.later();
            shown.ifPresent(text -> input().show(text));
            return shown.isPresent();
        });
        options.setComplete(KernelNames.complete(completer));
        options.setInspect(KernelNames.inspect(help));
        this.input = module.createConsoleEditor(textarea, options);
        languageSelect.addEventListener("change", event -> input.setLanguage(language().id(),
                (language() == Language.PYTHON ? "Python" : "JavaScript") + ": Enter runs, ↑↓ history"));
    }

    private ConsoleEditor input() {
        return input;
    }

    void setTheme(CodeMirrorEditor.Theme theme) {
        input.setTheme(theme.name().toLowerCase(Locale.ROOT));
    }

    private Language language() {
        return "JAVASCRIPT".equals(valueOf(languageSelect)) ? Language.JAVASCRIPT : Language.PYTHON;
    }

    @JSBody(params = "select", script = "return String(select.value);")
    private static native String valueOf(HTMLElement select);
}

package org.jodide.ui.editor;

import org.jodide.core.Language;
import org.teavm.jso.JSBody;
import org.teavm.jso.dom.events.KeyboardEvent;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLTextAreaElement;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The input line under the console: Enter runs its code in the chosen language, Shift+Enter adds
 * a line, Up and Down walk the history (from the first and last line of the input).
 */
final class ReplInput {
    private final HTMLTextAreaElement input;
    private final HTMLElement languageSelect;
    private final List<String> history = new ArrayList<>();
    /** Position in the history while browsing; history.size() means "the draft". */
    private int browsing;
    private String draft = "";

    ReplInput(HTMLTextAreaElement input, HTMLElement languageSelect, BiConsumer<Language, String> run) {
        this.input = input;
        this.languageSelect = languageSelect;
        input.addEventListener("keydown", event -> onKey((KeyboardEvent) event, run));
        languageSelect.addEventListener("change", event -> input.setAttribute("placeholder",
                (language() == Language.PYTHON ? "Python" : "JavaScript") + ": Enter runs, ↑↓ history"));
    }

    private Language language() {
        return "JAVASCRIPT".equals(valueOf(languageSelect)) ? Language.JAVASCRIPT : Language.PYTHON;
    }

    @JSBody(params = "select", script = "return String(select.value);")
    private static native String valueOf(HTMLElement select);

    private void onKey(KeyboardEvent event, BiConsumer<Language, String> run) {
        String text = input.getValue();
        switch (event.getKey()) {
            case "Enter":
                if (event.isShiftKey()) {
                    return;
                }
                event.preventDefault();
                if (text.isBlank()) {
                    return;
                }
                if (history.isEmpty() || !history.get(history.size() - 1).equals(text)) {
                    history.add(text);
                }
                browsing = history.size();
                draft = "";
                input.setValue("");
                run.accept(language(), text);
                break;
            case "ArrowUp":
                if (browsing > 0 && !text.substring(0, input.getSelectionStart()).contains("\n")) {
                    event.preventDefault();
                    if (browsing == history.size()) {
                        draft = text;
                    }
                    browsing--;
                    show(history.get(browsing));
                }
                break;
            case "ArrowDown":
                if (browsing < history.size() && !text.substring(input.getSelectionEnd()).contains("\n")) {
                    event.preventDefault();
                    browsing++;
                    show(browsing == history.size() ? draft : history.get(browsing));
                }
                break;
            default:
        }
    }

    private void show(String text) {
        input.setValue(text);
        input.setSelectionRange(text.length(), text.length());
    }
}

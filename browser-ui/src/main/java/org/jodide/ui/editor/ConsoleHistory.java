package org.jodide.ui.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The console input's history, as a shell keeps one: each input run once (the same input twice in a
 * row once), walked back and forth; what was typed and not run yet (the draft) comes back after the
 * newest input.
 */
final class ConsoleHistory {
    private final List<String> inputs = new ArrayList<>();
    /** The input shown while walking the history; inputs.size() means "the draft". */
    private int shown;
    private String draft = "";

    /** An input that runs; the walk starts again after it. */
    void add(String input) {
        if (inputs.isEmpty() || !inputs.get(inputs.size() - 1).equals(input)) {
            inputs.add(input);
        }
        shown = inputs.size();
        draft = "";
    }

    /** The input before the one shown (kept as the draft when that is what it was); empty at the oldest. */
    Optional<String> earlier(String showing) {
        if (shown == 0) {
            return Optional.empty();
        }
        if (shown == inputs.size()) {
            draft = showing;
        }
        shown--;
        return Optional.of(inputs.get(shown));
    }

    /** The input after the one shown, the draft after the newest; empty when the draft is shown. */
    Optional<String> later() {
        if (shown >= inputs.size()) {
            return Optional.empty();
        }
        shown++;
        return Optional.of(shown == inputs.size() ? draft : inputs.get(shown));
    }
}

package org.jodide.ui.output;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The runs of one page that showed a display with each display id (IPython's {@code display_id}),
 * so that an update ({@code update_display}, a display handle's {@code update}) reaches the
 * displays of every run that showed that id, as in Jupyter, and not only those of the run that
 * updates: a chunk can redraw a display an earlier chunk made. A run whose views no longer show
 * the id (cleared, re-run, or its lines dropped) is forgotten at the next update of it.
 */
public final class DisplayIds {
    private final Map<String, List<RunOutput>> shownBy = new HashMap<>();

    /** {@code run} showed a display of {@code displayId}. */
    void shown(String displayId, RunOutput run) {
        List<RunOutput> runs = shownBy.computeIfAbsent(displayId, id -> new ArrayList<>());
        if (!runs.contains(run)) {
            runs.add(run);
        }
    }

    /** Shows the new content in every display of {@code displayId}, in every run that showed one. */
    public void update(String displayId, String mimeType, String data) {
        List<RunOutput> runs = shownBy.get(displayId);
        if (runs == null) {
            return;
        }
        runs.removeIf(run -> !run.updateShown(displayId, mimeType, data));
        if (runs.isEmpty()) {
            shownBy.remove(displayId);
        }
    }
}

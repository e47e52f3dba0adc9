package org.jodide.ui.output;

import org.teavm.jso.dom.html.HTMLElement;

/**
 * The attributes every view of a run's output (console entry, output under the chunk, the
 * chunk's place in the report) carries on its element, and the styles key on:
 * {@code data-state} ({@code running}, {@code done}, {@code error}) and {@code data-stale}.
 */
public final class RunMarks {
    private RunMarks() {
    }

    /** Marks the run as ended: {@code done}, or {@code error} when {@code error} is not null. */
    public static void finished(HTMLElement view, String error) {
        view.setAttribute("data-state", error == null ? "done" : "error");
    }

    /** Marks the output as stale (its chunk was edited after it ran) or fresh again; the output is kept. */
    public static void stale(HTMLElement view, boolean stale) {
        if (stale) {
            view.setAttribute("data-stale", "true");
            view.setAttribute("title", "The chunk was edited after this output was produced");
        } else {
            view.removeAttribute("data-stale");
            view.removeAttribute("title");
        }
    }
}

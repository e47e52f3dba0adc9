package org.jodide.ui.output;

import org.jodide.core.output.RunDuration;
import org.jodide.iomd.ipynb.CellOutput;
import org.jodide.ui.dom.LocalTimes;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * How long a run took, in the header of its output (the console entry, the output under the
 * chunk), as Jupyter's and VS Code's cells show it: empty while it runs, then {@code 1.2 s}, with
 * when it started in its tooltip. A view's run is timed by the view from when it began to when it
 * ended; an output saved with the notebook shows the times it was saved with.
 */
public final class RunTimeLabel {
    private final HTMLElement element;
    private final double startedAt;
    private final double startedEpochMillis;

    private RunTimeLabel(HTMLElement element, double startedAt, double startedEpochMillis) {
        this.element = element;
        this.startedAt = startedAt;
        this.startedEpochMillis = startedEpochMillis;
    }

    /** A label for a run that starts now; {@link #finished} fills it in. */
    public static RunTimeLabel startingNow(HTMLDocument document, String className) {
        return new RunTimeLabel(span(document, className), LocalTimes.monotonic(), LocalTimes.now());
    }

    /** The element to put in the header. */
    public HTMLElement element() {
        return element;
    }

    /** The run ended now. */
    public void finished() {
        show(element, startedEpochMillis, LocalTimes.monotonic() - startedAt);
    }

    /** A label for an output saved with the notebook, from the times it was saved with; empty when they are not known. */
    public static HTMLElement saved(HTMLDocument document, String className, CellOutput.RunTimes times) {
        HTMLElement element = span(document, className);
        if (times != null) {
            double started = LocalTimes.parse(times.started());
            double ended = LocalTimes.parse(times.ended());
            if (!Double.isNaN(started) && !Double.isNaN(ended)) {
                show(element, started, ended - started);
            }
        }
        return element;
    }

    private static void show(HTMLElement element, double startedEpochMillis, double milliseconds) {
        String took = RunDuration.describe(milliseconds);
        element.setTextContent(took);
        element.setAttribute("title", "Ran " + LocalTimes.dateTime(startedEpochMillis) + ", took " + took);
    }

    private static HTMLElement span(HTMLDocument document, String className) {
        HTMLElement element = document.createElement("span");
        element.setClassName(className);
        return element;
    }
}

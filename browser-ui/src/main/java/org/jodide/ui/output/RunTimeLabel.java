package org.jodide.ui.output;

import org.jodide.core.kernel.RunTiming;
import org.jodide.core.output.RunDuration;
import org.jodide.iomd.ipynb.CellOutput;
import org.jodide.ui.dom.LocalTimes;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * How long a run took, in the header of its output (the console entry, the output under the
 * chunk), as Jupyter's and VS Code's cells show it: empty while it runs, then {@code 1.2 s}, with
 * when it started in its tooltip. Every view of a run shows its one {@link RunTiming}: the
 * kernel's own measure when it gave one, else the time the page waited; an output saved with the
 * notebook shows the times it was saved with.
 */
public final class RunTimeLabel {
    private final HTMLElement element;

    private RunTimeLabel(HTMLElement element) {
        this.element = element;
    }

    /** An empty label for a run in progress; {@link #show} fills it in. */
    public static RunTimeLabel pending(HTMLDocument document, String className) {
        return new RunTimeLabel(span(document, className));
    }

    /** The element to put in the header. */
    public HTMLElement element() {
        return element;
    }

    /** Shows how long the run took, once {@code timing} has ended (a skipped run's never does: the label stays empty). */
    public void show(RunTiming timing) {
        if (timing.hasEnded()) {
            show(element, timing.startedEpochMillis(), timing.took(), timing.measuredByKernel());
        }
    }

    /** A label for an output saved with the notebook, from the times it was saved with; empty when they are not known. */
    public static HTMLElement saved(HTMLDocument document, String className, CellOutput.RunTimes times) {
        HTMLElement element = span(document, className);
        if (times != null) {
            double started = LocalTimes.parse(times.started());
            double ended = LocalTimes.parse(times.ended());
            if (!Double.isNaN(started) && !Double.isNaN(ended)) {
                show(element, started, ended - started, true);
            }
        }
        return element;
    }

    private static void show(HTMLElement element, double startedEpochMillis, double milliseconds, boolean byKernel) {
        String took = RunDuration.describe(milliseconds);
        element.setTextContent(took);
        element.setAttribute("title", "Ran " + LocalTimes.dateTime(startedEpochMillis) + ", took " + took
                + (byKernel ? "" : " (until the page heard its end)"));
    }

    private static HTMLElement span(HTMLDocument document, String className) {
        HTMLElement element = document.createElement("span");
        element.setClassName(className);
        return element;
    }
}

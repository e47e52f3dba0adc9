package org.jodide.ui.output;

import org.jodide.core.kernel.ExecutionListener;
import org.jodide.core.kernel.OutputStream;
import org.jodide.core.output.LineCap;
import org.jodide.core.output.LongLines;
import org.jodide.ui.dom.Downloads;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A run's output, shown in one or more {@link OutputPane}s at once (the console entry and the
 * output under the chunk), capped to the last lines by one {@link LineCap}. What each view does
 * when the run finishes (states, the value's place) is given as {@link Finisher}s.
 */
public final class RunOutput implements ExecutionListener {
    /** Shows the end of a run in one view. */
    @FunctionalInterface
    public interface Finisher {
        void finished(String value, String error);
    }

    private final LineCap cap;
    private final LongLines longLines = new LongLines(LongLines.MAX_LINE_CHARS);
    private final Supplier<String> downloadName;
    private final List<OutputPane> panes = new ArrayList<>();
    private final List<Finisher> finishers = new ArrayList<>();
    /** Removes the input fields of the question asked, if any. */
    private final List<Runnable> questions = new ArrayList<>();
    /** The page's displays by id, which an update of this run reaches; null: this run's own only. */
    private DisplayIds displayIds;

    /**
     * @param downloadName file name of the full text offered once lines are hidden, asked only then
     *                     (a run that hides none never needs it); null offers none
     */
    public RunOutput(LineCap cap, Supplier<String> downloadName) {
        this.cap = cap;
        this.downloadName = downloadName;
    }

    /** Updates of display ids reach the displays of every run of the page that shares {@code ids}. */
    public RunOutput sharingDisplayIds(DisplayIds ids) {
        this.displayIds = ids;
        return this;
    }

    public RunOutput add(OutputPane pane, Finisher finisher) {
        panes.add(pane);
        finishers.add(finisher);
        return this;
    }

    @Override
    public void output(OutputStream stream, String text) {
        String shown = longLines.shown(text);
        for (OutputPane pane : panes) {
            pane.text(stream, shown);
        }
        // The cap counts the lines shown (cutting keeps the line feeds) and keeps the full text for download.
        drop(cap.append(text));
    }

    @Override
    public void display(String mimeType, String data) {
        for (OutputPane pane : panes) {
            pane.display(mimeType, data);
        }
    }

    @Override
    public void display(String mimeType, String data, String displayId, boolean update) {
        if (!update) {
            for (OutputPane pane : panes) {
                pane.display(mimeType, data, displayId, false);
            }
            if (displayIds != null && displayId != null) {
                displayIds.shown(displayId, this);
            }
        } else if (displayIds != null) {
            displayIds.update(displayId, mimeType, data);
        } else {
            updateShown(displayId, mimeType, data);
        }
    }

    /** Shows new content in this run's displays of {@code displayId}; returns whether it still shows any. */
    boolean updateShown(String displayId, String mimeType, String data) {
        boolean shows = false;
        for (OutputPane pane : panes) {
            pane.display(mimeType, data, displayId, true);
            shows |= pane.showsDisplay(displayId);
        }
        return shows;
    }

    /** Clears every view's output so far (the line cap goes on counting: it bounds the whole run). */
    @Override
    public void clearOutput() {
        for (OutputPane pane : panes) {
            pane.clear();
        }
    }

    /**
     * Asks for the line in every view (a text field after the output so far); Enter in any of them
     * answers, and all the fields go. The last view's field (the one under the chunk) gets the focus.
     */
    @Override
    public void inputRequested(String prompt, boolean password, Consumer<String> answer) {
        closeQuestions();
        boolean[] answered = {false};
        for (int i = 0; i < panes.size(); i++) {
            boolean focus = i == panes.size() - 1;
            questions.add(panes.get(i).askLine(prompt, password, focus, text -> {
                if (!answered[0]) {
                    answered[0] = true;
                    closeQuestions();
                    answer.accept(text);
                }
            }));
        }
    }

    private void closeQuestions() {
        questions.forEach(Runnable::run);
        questions.clear();
    }

    @Override
    public void finished(String value, String error) {
        closeQuestions();
        drop(cap.settle());
        for (Finisher finisher : finishers) {
            finisher.finished(value, error);
        }
    }

    private void drop(int lines) {
        if (lines == 0) {
            return;
        }
        boolean downloadable = downloadName != null && cap.keepsText();
        String label = cap.keptAll() ? "Download all output" : "Download the first " + (LineCap.MAX_KEPT_CHARS / (512 * 1024)) + " MB";
        for (OutputPane pane : panes) {
            pane.dropLines(lines);
            pane.showHidden(cap.hidden(), label, downloadable ? this::download : null);
        }
    }

    private void download() {
        Downloads.offerText(downloadName.get(), cap.keptText());
    }
}

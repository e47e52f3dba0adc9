package org.jodide.ui.frame;

import org.jodide.core.kernel.ExecutionListener;
import org.jodide.core.kernel.OutputStream;
import org.jodide.core.output.LineCap;
import org.jodide.core.protocol.EditorToFrame;
import org.jodide.ui.output.DisplayIds;
import org.jodide.ui.output.MarkdownToHtml;
import org.jodide.ui.output.OutputPane;
import org.jodide.ui.output.RichOutput;
import org.jodide.ui.output.RunMarks;
import org.jodide.ui.output.RunOutput;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * Shows a code chunk's output at the chunk's place in the report, as it runs: printed text, rich
 * displays (sanitized and isolated, as in the editor), then the value or error. The run's earlier
 * output there is replaced; a chunk flagged hideOutput shows nothing. Capped like the editor's
 * views, without a download (the sandboxed frame may not download; the editor's console offers it).
 */
final class ReportOutput {
    private final HTMLDocument document;
    private final ReportView report;
    private RichOutput rich;
    private RichOutput saved;
    /** The report's displays by id: an update reaches those of earlier runs too. */
    private final DisplayIds displayIds = new DisplayIds();

    private final MarkdownToHtml markdown;

    /** @param markdown draws text/markdown outputs (the editor's renderer: {@link MarkdownFromEditor}) */
    ReportOutput(HTMLDocument document, ReportView report, MarkdownToHtml markdown) {
        this.document = document;
        this.report = report;
        this.markdown = markdown;
    }

    /**
     * A listener that shows the run in the report, then passes everything on to {@code reply}. The
     * report's place for it is made on the first thing to show: a chunk that shows nothing
     * ({@code x = 1}) costs the report nothing, and Run All hands a worker a thousand such runs at
     * once. The place was emptied when the run was handed over; what {@code iodide.output} wrote
     * there meanwhile stays.
     */
    ExecutionListener around(EditorToFrame.RunCode run, ExecutionListener reply) {
        if (!run.showInReport()) {
            report.clearOutput(run.chunkId());
            return reply;
        }
        return new ExecutionListener() {
            private RunOutput shown;

            private RunOutput shown() {
                if (shown == null) {
                    shown = showingIn(report.outputArea(run.chunkId(), run.order()), rich());
                }
                return shown;
            }

            @Override
            public void output(OutputStream stream, String text) {
                shown().output(stream, text);
                reply.output(stream, text);
            }

            @Override
            public void display(String mimeType, String data) {
                shown().display(mimeType, data);
                reply.display(mimeType, data);
            }

            @Override
            public void display(String mimeType, String data, String displayId, boolean update) {
                if (update) {
                    // To the report's displays of that id, this run's or earlier runs' (a run that
                    // only updates needs no place of its own).
                    displayIds.update(displayId, mimeType, data);
                } else {
                    shown().display(mimeType, data, displayId, false);
                }
                reply.display(mimeType, data, displayId, update);
            }

            @Override
            public void clearOutput() {
                if (shown != null) {
                    shown.clearOutput();
                }
                reply.clearOutput();
            }

            @Override
            public void inputRequested(String prompt, boolean password, java.util.function.Consumer<String> answer) {
                reply.inputRequested(prompt, password, answer);
            }

            @Override
            public void timed(double milliseconds) {
                reply.timed(milliseconds);
            }

            @Override
            public void blocking() {
                reply.blocking();
            }

            @Override
            public void finished(String value, String error) {
                if (shown != null || value != null || error != null) {
                    shown().finished(value, error);
                }
                reply.finished(value, error);
            }
        };
    }

    /**
     * Shows a run at chunk {@code chunkId}'s place ({@code order}), replacing what it showed before:
     * runs of another kernel the editor reports ({@code EditorToFrame.RemoteRun*}), or ({@code saved})
     * the outputs saved with the notebook.
     */
    RunOutput showing(String chunkId, int order, boolean saved) {
        HTMLElement area = report.outputArea(chunkId, order);
        area.setInnerHTML("");
        return showingIn(area, saved ? saved() : rich());
    }

    private RunOutput showingIn(HTMLElement area, RichOutput outputs) {
        area.setAttribute("data-state", "running");
        OutputPane pane = new OutputPane(document, area, "report-output", outputs, () -> { });
        return new RunOutput(new LineCap(LineCap.MAX_LINES, LineCap.SLACK, 0), null).sharingDisplayIds(displayIds)
                .add(pane, (value, error) -> {
                    RunMarks.finished(area, error);
                    pane.result(area, value, error);
                });
    }

    /** Made on first use: nothing is needed until a run shows output here. */
    private RichOutput rich() {
        if (rich == null) {
            rich = RichOutput.ofRuns(document, markdown);
        }
        return rich;
    }

    /** For the outputs saved with the notebook, shown again as it opens: their HTML keeps no frames. */
    private RichOutput saved() {
        if (saved == null) {
            saved = RichOutput.ofSavedOutputs(document, markdown);
        }
        return saved;
    }
}

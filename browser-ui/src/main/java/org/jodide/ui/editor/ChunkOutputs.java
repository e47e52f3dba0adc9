package org.jodide.ui.editor;

import org.jodide.iomd.Chunk;
import org.jodide.iomd.Notebook;
import org.jodide.iomd.ipynb.CellOutput;
import org.jodide.ui.output.OutputPane;
import org.jodide.ui.output.RichOutput;
import org.jodide.ui.output.RunMarks;
import org.jodide.ui.output.RunOutput;
import org.jodide.ui.output.RunTimeLabel;
import org.jodide.core.kernel.RunTiming;
import org.jodide.ui.output.Scroller;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The output of each chunk's latest run, shown in the editor under the chunk's last line (as in
 * Jupyter): a header that collapses it, then what the run printed and displayed, then its value or
 * error. Kept and marked stale on edit like the console entry.
 */
final class ChunkOutputs {
    private static final String TIME_CLASS = "chunk-output-time";
    private final HTMLDocument document;
    private final SourceEditor editor;
    private final RichOutput rich;
    private final RichOutput savedRich;
    private final Map<String, HTMLElement> shown = new HashMap<>();
    private Consumer<String> clearClicked = chunkId -> { };

    /**
     * @param rich      shows the outputs of runs
     * @param savedRich shows outputs saved with the notebook (no frames: opening a notebook runs nothing)
     */
    ChunkOutputs(HTMLDocument document, SourceEditor editor, RichOutput rich, RichOutput savedRich) {
        this.document = document;
        this.editor = editor;
        this.rich = rich;
        this.savedRich = savedRich;
    }

    /** Called with the chunk id of an output whose Clear button the user presses. */
    void onClearClicked(Consumer<String> listener) {
        clearClicked = listener;
    }

    /** Replaces the output under {@code chunk} with a fresh one that {@code run} fills in; its header says how long {@code timing} says it took. */
    void begin(Chunk chunk, RunOutput run, RunTiming timing) {
        RunTimeLabel took = RunTimeLabel.pending(document, TIME_CLASS);
        begin(chunk, run, "Output", rich, took.element(), () -> took.show(timing));
    }

    /**
     * {@link #begin} for an output saved with the notebook, its header saying "Saved output" (not
     * from a run of this page) and how long that run took, when the notebook kept its {@code times}.
     */
    void beginSaved(Chunk chunk, RunOutput run, CellOutput.RunTimes times) {
        begin(chunk, run, "Saved output", savedRich, RunTimeLabel.saved(document, TIME_CLASS, times), () -> { });
    }

    private void begin(Chunk chunk, RunOutput run, String label, RichOutput outputs, HTMLElement took, Runnable ended) {
        HTMLElement previous = shown.get(chunk.id());
        boolean collapsed = previous != null && "true".equals(previous.getAttribute("data-collapsed"));
        HTMLElement box = element("div", "chunk-output");
        box.setAttribute("data-chunk-id", chunk.id());
        box.setAttribute("data-state", "running");
        box.setAttribute("data-collapsed", Boolean.toString(collapsed));
        HTMLElement toggle = element("button", "chunk-output-toggle");
        toggle.setAttribute("type", "button");
        toggle.setAttribute("aria-expanded", Boolean.toString(!collapsed));
        toggle.setAttribute("title", "Show or hide this chunk's output");
        toggle.setTextContent(label);
        toggle.addEventListener("click", event -> {
            boolean nowCollapsed = !"true".equals(box.getAttribute("data-collapsed"));
            box.setAttribute("data-collapsed", Boolean.toString(nowCollapsed));
            toggle.setAttribute("aria-expanded", Boolean.toString(!nowCollapsed));
        });
        HTMLElement clear = element("button", "chunk-output-clear");
        clear.setAttribute("type", "button");
        clear.setAttribute("title", "Clear this chunk's output (here, in the report and in what is kept)");
        clear.setTextContent("Clear");
        clear.addEventListener("click", event -> clearClicked.accept(chunk.id()));
        HTMLElement header = element("div", "chunk-output-header");
        header.appendChild(toggle);
        header.appendChild(took);
        header.appendChild(clear);
        HTMLElement body = element("div", "chunk-output-body");
        box.appendChild(header);
        box.appendChild(body);
        shown.put(chunk.id(), box);
        editor.showOutput(chunk.id(), lastLineEnd(chunk), box);
        Scroller scroller = new Scroller(body);
        OutputPane pane = new OutputPane(document, body, "chunk-output", outputs, scroller::request);
        run.add(pane, (value, error) -> {
            RunMarks.finished(box, error);
            ended.run();
            pane.result(body, value, error);
        });
    }

    /** Marks a chunk's output as stale (edited since it ran) or fresh again; the output is kept. */
    void markStale(String chunkId, boolean stale) {
        HTMLElement box = shown.get(chunkId);
        if (box == null) {
            return;
        }
        RunMarks.stale(box, stale);
    }

    /** Whether chunk {@code chunkId} shows an output. */
    boolean shows(String chunkId) {
        return shown.containsKey(chunkId);
    }

    /** Takes away the output under chunk {@code chunkId}, if it shows one (the user cleared it). */
    void remove(String chunkId) {
        if (shown.remove(chunkId) != null) {
            editor.showOutput(chunkId, 0, null);
        }
    }

    /** Takes away the outputs of chunks that are no longer in {@code notebook}; returns those chunks' ids. */
    List<String> forgetGone(Notebook notebook) {
        List<String> gone = new ArrayList<>();
        for (String chunkId : new ArrayList<>(shown.keySet())) {
            if (notebook.chunkById(chunkId).isEmpty()) {
                remove(chunkId);
                gone.add(chunkId);
            }
        }
        return gone;
    }

    boolean isEmpty() {
        return shown.isEmpty();
    }

    /** Forgets every output (another notebook was opened; the editor already dropped its widgets). */
    void clear() {
        shown.clear();
    }

    /** The offset of the end of the chunk's last line (before its final line break). */
    private static int lastLineEnd(Chunk chunk) {
        int end = chunk.span().end();
        return chunk.source().endsWith("\n") ? end - 1 : end;
    }

    private HTMLElement element(String tag, String className) {
        HTMLElement element = document.createElement(tag);
        element.setClassName(className);
        return element;
    }
}

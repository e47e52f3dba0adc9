package org.jodide.ui.embed;

import org.jodide.core.embed.DoctestSource;
import org.jodide.core.kernel.ExecutionListener;
import org.jodide.core.kernel.Kernel;
import org.jodide.core.kernel.KernelState;
import org.jodide.core.kernel.OutputStream;
import org.jodide.core.kernel.SourceNames;
import org.jodide.core.output.LineCap;
import org.jodide.core.run.ChunkState;
import org.jodide.core.run.NotebookRunner;
import org.jodide.core.run.RunObserver;
import org.jodide.iomd.Chunk;
import org.jodide.iomd.IomdParser;
import org.jodide.iomd.IomdWriter;
import org.jodide.iomd.Notebook;
import org.jodide.ui.editor.EvalFrame;
import org.jodide.ui.editor.KernelNames;
import org.jodide.ui.output.OutputPane;
import org.jodide.ui.output.MarkdownToHtml;
import org.jodide.ui.output.RichOutput;
import org.jodide.ui.output.DisplayIds;
import org.jodide.ui.output.RunOutput;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSArrayReader;
import org.teavm.jso.dom.html.HTMLDocument;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The cells of one documentation page, run as one notebook in one kernel: the cells in page order
 * make the notebook's chunks (a doctest cell is the Python its session stands for, see
 * {@link DoctestSource}), {@link NotebookRunner} queues their runs as it does the editor's, and the
 * kernel is the report's sandboxed frame ({@link EvalFrame}), framed out of sight on the first Run.
 * Each cell shows its own state, output, and, while Python loads, its progress.
 */
final class EmbeddedPage implements RunObserver {
    private final HTMLDocument document;
    private final EmbedNamespace namespace;
    private final List<EmbeddedCell> cells = new ArrayList<>();
    /** The displays with an id that the page's cells showed: an update reaches those of every cell. */
    private final DisplayIds displayIds = new DisplayIds();
    private final List<EmbeddedNotebook> notebooks = new ArrayList<>();
    private final IomdParser parser = IomdParser.create();
    private final RichOutput rich;
    private final NotebookRunner runner;
    private final Map<String, Integer> cellIndexByChunk = new HashMap<>();
    private Notebook notebook;
    /** The page's kernel, made on the first run; null until then. */
    private EvalFrame kernel;
    private KernelState kernelState = KernelState.LOADING;
    private String kernelDetail = "";
    /** The cell whose run started last (-1 before any): what code prints outside runs that names no cell is its. */
    private int lastRunCell = -1;
    /** What code printed after its cell's run ended, by cell index: shown after that run's output until the cell runs again. */
    private final Map<Integer, RunOutput> afterRuns = new HashMap<>();

    /**
     * @param markdown renders markdown (notebooks' md chunks, text/markdown output) as HTML, now or
     *                 later (the page's {@code MarkdownEngine}, loaded on the first markdown to show)
     */
    EmbeddedPage(HTMLDocument document, EmbedNamespace namespace, MarkdownToHtml markdown) {
        this.document = document;
        this.namespace = namespace;
        this.rich = RichOutput.ofRuns(document, markdown);
        this.runner = new NotebookRunner(new CellExecutor(this::kernel, chunk -> cellIndexByChunk.getOrDefault(chunk.id(), -1)), this);
    }

    void start() {
        JSArrayReader<JSObject> blocks = namespace.getBlocks();
        for (int i = 0; i < blocks.getLength(); i++) {
            JSObject block = blocks.get(i);
            if (isNotebook(block)) {
                showNotebook((EmbeddedNotebook) block);
            } else {
                cells.add((EmbeddedCell) block);
            }
        }
        for (EmbeddedCell cell : cells) {
            if ("pycon".equals(cell.getLanguage()) && DoctestSource.isSession(cell.getSource())) {
                cell.setCode(DoctestSource.code(cell.getSource()));
            }
        }
        notebook = parser.parse(notebookText());
        indexChunks();
        for (EmbeddedCell cell : cells) {
            cell.onChange(this::codeChanged);
        }
        namespace.setAct(this::act);
        // Names come from the page's kernel, which starts on the first Run.
        namespace.setComplete(KernelNames.complete(() -> kernel));
        namespace.setInspect(KernelNames.inspect(() -> kernel));
    }

    /**
     * Shows a notebook's chunks in order: markdown rendered (sanitized and isolated, as rich output),
     * py and js chunks as cells of the page (they share its kernel), and a note for what an embedded
     * notebook does not run (css, fetch, plugin chunks).
     */
    private void showNotebook(EmbeddedNotebook notebook) {
        if (notebook.getText() == null) {
            return;  // notebook-view.js shows why it could not be read
        }
        notebooks.add(notebook);
        for (Chunk chunk : parser.parse(notebook.getText()).chunks()) {
            switch (chunk.type()) {
                case MD -> notebook.addMarkdown(rich.render("text/markdown", chunk.content(), "jodide-markdown-content"), chunk.content());
                case PY, JS -> cells.add(namespace.addCell(notebook, chunk.typeName(), chunk.content()));
                case PREAMBLE, RAW -> { }
                default -> notebook.addNote("A %% " + chunk.typeName() + " chunk (line " + (chunk.line() + 1)
                        + ") does not run in an embedded notebook: open it in Jodide to run it.", chunk.typeName(), chunk.content());
            }
        }
    }

    /** The markdown renderer could not load ({@code why}): each notebook says so where it shows. */
    void markdownUnavailable(String why) {
        for (EmbeddedNotebook notebook : notebooks) {
            notebook.setStatus(why + ": markdown shows as text.");
        }
    }

    @JSBody(params = "block", script = "return block.kind === 'notebook';")
    private static native boolean isNotebook(JSObject block);

    private void act(String action, EmbeddedCell cell) {
        Chunk chunk = chunkOf(cell);
        switch (action) {
            case "run" -> runner.run(chunk);
            case "runAbove" -> runner.runThrough(notebook, chunk);
            case "stop" -> stop();
            case "restart" -> restart();
            default -> consoleError("Jodide embed: unknown cell action " + action);
        }
    }

    /** The notebook the cells make: one chunk per cell, in page order. */
    private String notebookText() {
        StringBuilder text = new StringBuilder();
        for (EmbeddedCell cell : cells) {
            String language = "pycon".equals(cell.getLanguage()) ? "py" : cell.getLanguage();
            text.append(IomdWriter.chunk(language, List.of(), cell.code()));
        }
        return text.toString();
    }

    private void codeChanged() {
        notebook = parser.reparse(notebook, notebookText());
        indexChunks();
        runner.textChanged(notebook);
    }

    private void indexChunks() {
        cellIndexByChunk.clear();
        List<Chunk> chunks = notebook.chunks();
        for (int i = 0; i < chunks.size(); i++) {
            cellIndexByChunk.put(chunks.get(i).id(), i);
        }
    }

    /** The chunk of {@code cell}: the cells make one chunk each, in order. */
    private Chunk chunkOf(EmbeddedCell cell) {
        return notebook.chunks().get(cells.indexOf(cell));
    }

    private EmbeddedCell cellOf(String chunkId) {
        Integer index = cellIndexByChunk.get(chunkId);
        return index == null ? null : cells.get(index);
    }

    /** The page's kernel, framed on the first call. */
    private Kernel kernel() {
        if (kernel == null) {
            kernel = new EvalFrame(document, namespace.frameContainer(), namespace.getFrameSupport());
            kernel.onStateChange(this::kernelStateChanged);
            kernel.onLoadProgress((loaded, total) -> forWaitingCells(cell -> cell.setProgress(loaded, total)));
            kernel.onStopSupport(support -> cells.forEach(cell -> cell.setStopTitle(support.keepsState()
                    ? "Stop the running code: Python gets a KeyboardInterrupt and keeps its variables"
                    : "Stop the running code by restarting the page's Python: its variables are lost. " + support.note())));
            // The page has no console: what code prints or throws after its run shows under its cell.
            kernel.onOutputOutsideRuns(this::printedAfterItsRun);
            kernel.onUncaughtError((source, text) -> printedAfterItsRun(source, OutputStream.STDERR, text + "\n"));
            kernel.onKernelLost(reason -> {
                runner.cancelQueued();
                kernel.restart(reason + ": Python restarts, and its variables are lost.");
            });
        }
        return kernel;
    }

    /**
     * Shows what code printed (or threw) while none of its runs was going under the cell it came
     * from: the cell its source names ({@code js cell 2}), else (Python's, an error without a stack)
     * the cell whose run started last, as Jupyter shows a thread's output under the cell that ran last.
     */
    private void printedAfterItsRun(String source, OutputStream stream, String text) {
        int named = SourceNames.cellNumber(source);
        int index = named > 0 ? named - 1 : lastRunCell;
        if (index < 0 || index >= cells.size()) {
            consoleError("Jodide: " + (source.isEmpty() ? "" : source + ": ") + text);
            return;
        }
        afterRuns.computeIfAbsent(index, at -> new RunOutput(LineCap.standard(), () -> "cell-output.txt")
                .add(new OutputPane(document, cells.get(at).getOutput(), "out", rich, () -> { }), (value, error) -> { }))
                .output(stream, text);
    }

    private void kernelStateChanged(KernelState state, String detail) {
        kernelState = state;
        kernelDetail = detail;
        forWaitingCells(this::showKernelState);
    }

    /** What a waiting cell says about the kernel: that Python loads, or why it failed; nothing once it runs. */
    private void showKernelState(EmbeddedCell cell) {
        switch (kernelState) {
            case LOADING -> cell.setStatus(kernelDetail.isEmpty() ? "Starting Python…" : kernelDetail);
            case FAILED -> {
                cell.setStatus("Python could not start: " + kernelDetail);
                cell.setProgress(0, 0);
            }
            default -> {
                cell.setStatus("");
                cell.setProgress(0, 0);
            }
        }
    }

    /** Calls {@code action} for each cell that waits for the kernel (queued or running). */
    private void forWaitingCells(java.util.function.Consumer<EmbeddedCell> action) {
        for (Map.Entry<String, Integer> entry : cellIndexByChunk.entrySet()) {
            ChunkState state = runner.state(entry.getKey());
            if (state == ChunkState.QUEUED || state == ChunkState.RUNNING) {
                action.accept(cells.get(entry.getValue()));
            }
        }
    }

    /** Stop: queued cells are dropped; Python in a worker gets a KeyboardInterrupt and keeps its variables, else it restarts. */
    private void stop() {
        if (kernel == null || !kernel.isRunning()) {
            return;
        }
        runner.cancelQueued();
        if (kernel.stopKeepsState()) {
            kernel.interrupt(EvalFrame.STOP_WATCHDOG_MS, () -> { });
        } else {
            kernel.restart("Stopped by restarting Python (" + kernel.stopNote() + "): its variables are lost.");
        }
    }

    private void restart() {
        runner.cancelQueued();
        if (kernel != null) {
            kernel.restart();
        }
    }

    @Override
    public void stateChanged(String chunkId, ChunkState state) {
        EmbeddedCell cell = cellOf(chunkId);
        if (cell == null) {
            return;
        }
        cell.setState(state.id());
        if (state == ChunkState.QUEUED || state == ChunkState.RUNNING) {
            if (kernel != null) {
                showKernelState(cell);
            }
        } else {
            cell.setStatus("");
            cell.setProgress(0, 0);
        }
    }

    @Override
    public ExecutionListener started(Chunk chunk) {
        EmbeddedCell cell = cellOf(chunk.id());
        if (cell == null) {
            return new RunOutput(LineCap.standard(), null);
        }
        int index = cells.indexOf(cell);
        lastRunCell = index;
        afterRuns.remove(index);
        cell.clearOutput();
        OutputPane pane = new OutputPane(document, cell.getOutput(), "out", rich, () -> { });
        return new RunOutput(LineCap.standard(), () -> "cell-output.txt").sharingDisplayIds(displayIds)
                .add(pane, (value, error) -> pane.result(cell.getOutput(), value, error));
    }

    @Override
    public void batchStopped(Chunk failed, int skipped) {
        EmbeddedCell cell = cellOf(failed.id());
        if (cell != null && skipped > 0) {
            cell.setStatus("This cell failed, so " + skipped + (skipped == 1 ? " cell" : " cells") + " after it did not run.");
        }
    }

    @JSBody(params = "text", script = "console.error(text);")
    private static native void consoleError(String text);
}

package org.jodide.ui.editor;

import org.jodide.core.Language;
import org.jodide.core.Trust;
import org.jodide.core.jupyter.NotebookOutputs;
import org.jodide.core.jupyter.SavedOutputs;
import org.jodide.core.kernel.AfterQuiet;
import org.jodide.core.kernel.ExecuteRequest;
import org.jodide.core.kernel.ExecutionListener;
import org.jodide.core.kernel.ForwardingListener;
import org.jodide.core.kernel.Kernel;
import org.jodide.core.kernel.KernelResources;
import org.jodide.core.kernel.ListenerPair;
import org.jodide.core.kernel.RunTiming;
import org.jodide.core.kernel.SavedOutputsReport;
import org.jodide.core.kernel.ReportDisplay;
import org.jodide.core.output.LineCap;
import org.jodide.core.run.ChunkState;
import org.jodide.core.run.NotebookRunner;
import org.jodide.core.run.RunObserver;
import org.jodide.iomd.Chunk;
import org.jodide.iomd.Edit;
import org.jodide.iomd.IomdParser;
import org.jodide.iomd.Notebook;
import org.jodide.iomd.ipynb.CellOutput;
import org.jodide.ui.dom.PageClock;
import org.jodide.ui.dom.PageTimer;
import org.jodide.ui.markdown.MarkdownEngine;
import org.jodide.ui.output.DisplayIds;
import org.jodide.ui.output.RunOutput;
import org.teavm.jso.browser.Window;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One open notebook: its text as parsed (re-parsed incrementally after each edit, so chunk ids
 * stay stable), the run queue, and the wiring between the source editor, the console and the
 * report. What the toolbar buttons and shortcuts do is here.
 */
final class NotebookSession implements RunObserver {
    private final IomdParser parser = IomdParser.create();
    private final SourceEditor editor;
    private final ConsoleView console;
    private final ChunkOutputs outputs;
    private final Kernel kernel;
    private final ReportDisplay display;
    /** Shows the outputs an opened Jupyter notebook was saved with at their chunks' places in the report. */
    private final SavedOutputsReport savedRunsReport;
    private final ReportPublisher report;
    private final NotebookRunner runner;
    private final ChunkDispatcher dispatcher;
    /** The displays with an id that runs showed, console and chunk outputs alike: an update reaches all. */
    private final DisplayIds displayIds = new DisplayIds();
    /** What each chunk's latest run showed, for Download .ipynb; a notebook opened starts with none. */
    private NotebookOutputs keptOutputs = new NotebookOutputs();
    private Notebook notebook;
    /** Milliseconds of quiet after an edit before the diagnostics are refreshed. */
    private static final int DIAGNOSTICS_DELAY_MS = 300;
    private final AfterQuiet diagnosticsQuiet = new AfterQuiet(PageTimer.INSTANCE, DIAGNOSTICS_DELAY_MS, this::showDiagnostics);
    private int snippets;
    /** spec: the page's own text is written here, so it starts trusted (see {@link Trust}). */
    private Trust trust = Trust.TRUSTED;
    private final List<Consumer<Trust>> trustListeners = new ArrayList<>();
    private final List<Runnable> outputsListeners = new ArrayList<>();
    /** Hears the end of every run shown (finished or skipped) and tells {@link #outputsListeners}. */
    private final ExecutionListener runEnd = ExecutionListener.onlyFinished((value, error) -> outputsChanged());
    private final List<Runnable> openListeners = new ArrayList<>();
    private final List<Runnable> consentListeners = new ArrayList<>();
    /** The address relative URLs of the open notebook resolve against: its own, else the page's. */
    private String baseUrl = NotebookLocation.baseUrl(null);

    NotebookSession(SourceEditor editor, ConsoleView console, ChunkOutputs outputs, Kernel kernel,
                    KernelResources resources, ReportDisplay display, SavedOutputsReport savedRunsReport, MarkdownEngine markdown) {
        this.savedRunsReport = savedRunsReport;
        this.editor = editor;
        this.console = console;
        this.outputs = outputs;
        this.kernel = kernel;
        this.display = display;
        this.report = new ReportPublisher(display, text -> CodeBlocks.highlighted(markdown.render(text)));
        markdown.onSettled(report::rendererSettled);
        CodeBlocks.whenHighlighting(report::codeBlocksHighlightable);
        this.dispatcher = new ChunkDispatcher(kernel, resources, report, NotebookLocation.baseUrl(null));
        this.runner = new NotebookRunner(dispatcher, this);
        this.notebook = parser.parse(editor.text());
        display.setTrust(trust);
        // In a task of its own, so that keystrokes queued meanwhile get in first; markdown chunks wait
        // for their renderer, which loads beside the application (MarkdownEngine).
        Window.setTimeout(() -> report.refresh(notebook), 0);
        scheduleDiagnostics();
        editor.onChange(this::edited);
        console.onEntryClicked(this::goToChunk);
        outputs.onClearClicked(chunkId -> notebook.chunkById(chunkId).ifPresent(chunk -> clearOutputs(List.of(chunk))));
    }

    /** Puts the cursor at the start of chunk {@code chunkId}'s body, if the chunk still exists. */
    private void goToChunk(String chunkId) {
        notebook.chunkById(chunkId).ifPresent(chunk -> {
            editor.setCursor(chunk.bodySpan().start());
            editor.focus();
        });
    }

    Notebook notebook() {
        return notebook;
    }

    /** The outputs of each chunk's latest run, as a Jupyter notebook keeps them. */
    NotebookOutputs keptOutputs() {
        return keptOutputs;
    }

    /**
     * Opens another notebook in place of the current text; {@code url} is where it came from, and
     * {@code trust} whether it was written here ({@link Trust}).
     */
    void open(String text, String url, Trust trust) {
        runner.cancelQueued();
        setTrust(trust);
        editor.setText(text);
        editor.clearChunkStates();
        outputs.clear();
        keptOutputs = new NotebookOutputs();
        baseUrl = NotebookLocation.baseUrl(url);
        dispatcher.setBaseUrl(baseUrl);
        notebook = parser.parse(text);
        report.useNotebookUrl(url);
        report.refresh(notebook);
        editor.setCursor(0);
        scheduleDiagnostics();
        new ArrayList<>(openListeners).forEach(Runnable::run);
    }

    /**
     * Shows the outputs an opened Jupyter notebook was saved with ({@code saved}, by chunk index)
     * under their chunks and at their places in the report, as if they had just run, until the
     * chunks run; Download .ipynb keeps them. Returns how many chunks show saved outputs.
     */
    int showSaved(Map<Integer, CellOutput.Run> saved) {
        int shown = 0;
        for (Map.Entry<Integer, CellOutput.Run> entry : saved.entrySet()) {
            int index = entry.getKey();
            Chunk chunk = index < notebook.chunks().size() ? notebook.chunk(index) : null;
            Optional<Language> language = chunk == null ? Optional.empty() : Language.of(chunk.type());
            if (language.isEmpty()) {
                continue;
            }
            keptOutputs.restore(chunk.id(), entry.getValue());
            RunOutput run = runOutputOf(chunk);
            outputs.beginSaved(chunk, run, entry.getValue().times());
            ExecutionListener listener = chunk.hideOutput() ? run : savedRunsReport.showingSaved(new ExecuteRequest(
                    language.get(), chunk.id(), chunk.content(), chunk.bodyLine(), report.orderOf(chunk), true), run);
            SavedOutputs.replay(entry.getValue(), listener);
            shown++;
        }
        return shown;
    }

    /** {@code listener} hears every notebook opened from now on, once it is in the editor. */
    void onOpened(Runnable listener) {
        openListeners.add(listener);
    }

    /** The address relative URLs of the open notebook resolve against: its own, else the page's. */
    String baseUrl() {
        return baseUrl;
    }

    private void edited(Edit edit) {
        notebook = parser.reparse(notebook, edit);
        // The report first: it is what the user watches change as they type (the editor shows the
        // keystroke after this listener, see change-events.js).
        report.refresh(notebook);
        runner.textChanged(notebook);
        if (!outputs.isEmpty()) {
            // After this edit's update of the editor has finished: the editor takes no changes during one.
            // A deleted chunk's output leaves the report too.
            Notebook edited = notebook;
            Window.setTimeout(() -> outputs.forgetGone(edited).forEach(display::removeFromReport), 0);
        }
        scheduleDiagnostics();
    }

    /**
     * Shows the parser's diagnostics in the editor once typing pauses ({@link #DIAGNOSTICS_DELAY_MS}):
     * collecting them reads every chunk, which is too much for each keystroke in a big notebook.
     */
    private void scheduleDiagnostics() {
        diagnosticsQuiet.call();
    }

    private void showDiagnostics() {
        editor.showDiagnostics(notebook.diagnostics());
    }

    Trust trust() {
        return trust;
    }

    /** {@code listener} hears every change of trust from now on. */
    void onTrustChange(Consumer<Trust> listener) {
        trustListeners.add(listener);
    }

    /**
     * Hears each change of {@link #keptOutputs}: a run of a chunk ended (its outputs are kept by
     * then), or outputs were cleared.
     */
    void onOutputsChanged(Runnable listener) {
        outputsListeners.add(listener);
    }

    private void outputsChanged() {
        new ArrayList<>(outputsListeners).forEach(Runnable::run);
    }

    private void setTrust(Trust newTrust) {
        if (newTrust == trust) {
            return;
        }
        trust = newTrust;
        display.setTrust(newTrust);
        new ArrayList<>(trustListeners).forEach(listener -> listener.accept(newTrust));
    }

    /** spec: running any of the notebook's code is the user's consent; the notebook is trusted from then on. */
    private void userRuns() {
        Trust before = trust;
        setTrust(trust.afterUserRun());
        if (before != trust) {
            new ArrayList<>(consentListeners).forEach(Runnable::run);
        }
    }

    /** {@code listener} hears every time the user's run makes an untrusted notebook trusted (not a trusted open). */
    void onRunConsent(Runnable listener) {
        consentListeners.add(listener);
    }

    /** Runs the chunk at the cursor; with {@code advance}, moves the cursor into the next chunk (Shift+Enter). */
    void runAtCursor(boolean advance) {
        Optional<Chunk> chunk = notebook.chunkAt(editor.cursor());
        if (chunk.isEmpty()) {
            return;
        }
        userRuns();
        runner.run(chunk.get());
        if (advance) {
            editor.setCursor(notebook.next(chunk.get()).map(next -> next.bodySpan().start()).orElse(notebook.length()));
        }
    }

    void runAll() {
        userRuns();
        runner.runAll(notebook);
    }

    void runAbove() {
        notebook.chunkAt(editor.cursor()).ifPresent(chunk -> {
            userRuns();
            runner.runAbove(notebook, chunk);
        });
    }

    void runBelow() {
        notebook.chunkAt(editor.cursor()).ifPresent(chunk -> {
            userRuns();
            runner.runBelow(notebook, chunk);
        });
    }

    /** Clears the outputs of every chunk (the toolbar's Clear outputs): see {@link #clearOutputs}. */
    void clearAllOutputs() {
        clearOutputs(notebook.chunks());
    }

    /**
     * Clears the outputs of {@code chunks}, as Jupyter's Clear Outputs does: under the chunks, in the
     * report, and in what Download .ipynb writes and this browser keeps (no outputs, no execution
     * count). A chunk still running keeps its output; the console keeps its history; the chunks'
     * run marks and the kernel's variables stay.
     */
    void clearOutputs(List<Chunk> chunks) {
        boolean cleared = false;
        for (Chunk chunk : chunks) {
            String chunkId = chunk.id();
            if (runner.state(chunkId) == ChunkState.RUNNING || !outputs.shows(chunkId)) {
                continue;
            }
            outputs.remove(chunkId);
            display.clearOutput(chunkId);
            keptOutputs.forget(chunkId);
            cleared = true;
        }
        if (cleared) {
            outputsChanged();
        }
    }

    /** Runs a console input after whatever is queued; its output goes to the console like a chunk's. */
    void runSnippet(Language language, String code) {
        String id = "console-" + (++snippets);
        String label = (language == Language.PYTHON ? "py" : "js") + " › console";
        userRuns();
        runner.runTask(done -> {
            RunOutput run = new RunOutput(LineCap.standard(), () -> "console-output.txt").sharingDisplayIds(displayIds);
            RunTiming timing = RunTiming.startingNow(PageClock.INSTANCE);
            console.begin(id, label, code, run, timing);
            ExecutionListener entry = new ForwardingListener(timing.around(run)) {
                @Override
                public void finished(String value, String error) {
                    super.finished(value, error);
                    done.run();
                }
            };
            kernel.execute(new ExecuteRequest(language, id, code, 0), entry);
        });
    }


    /**
     * Stops the running code (the toolbar's Stop, Ctrl+.): queued chunks are dropped; Python in a
     * worker gets a KeyboardInterrupt and keeps its variables; anything else is stopped by
     * restarting the kernel, and the console says so.
     */
    void stop() {
        if (!kernel.isRunning()) {
            return;
        }
        runner.cancelQueued();
        if (kernel.stopKeepsState()) {
            kernel.interrupt(EvalFrame.STOP_WATCHDOG_MS, () -> {
                dispatcher.forgetPlugins();
                console.note("Stop: the report did not stop within " + EvalFrame.STOP_WATCHDOG_MS / 1000
                        + " s (a JavaScript loop?), so the kernel was restarted and its state was lost.");
            });
        } else {
            console.note("Stop restarted the kernel, so its state was lost. " + kernel.stopNote());
            restartKernel();
        }
    }

    /** Stops everything: queued chunks are dropped, the running one is stopped with the old interpreter. */
    void restartKernel() {
        restartKernel(EvalFrame.RESTARTED);
    }

    /**
     * Restarts the kernel, then runs every chunk in the fresh one (Jupyter's "Restart Kernel and Run
     * All Cells"): whether the notebook runs from top to bottom, with no state left from earlier
     * runs. The runs wait for the new kernel to load.
     */
    void restartAndRunAll() {
        userRuns();
        restartKernel();
        runner.runAll(notebook);
    }

    /** {@link #restartKernel()}, telling the stopped run {@code stoppedBecause}. */
    void restartKernel(String stoppedBecause) {
        runner.cancelQueued();
        dispatcher.forgetPlugins();
        kernel.restart(stoppedBecause);
    }

    @Override
    public void stateChanged(String chunkId, ChunkState state) {
        notebook.chunkById(chunkId).ifPresent(chunk -> editor.showChunkState(chunk.span().start(), state));
        if (state == ChunkState.STALE || state == ChunkState.DONE || state == ChunkState.ERROR) {
            console.markStale(chunkId, state == ChunkState.STALE);
            outputs.markStale(chunkId, state == ChunkState.STALE);
        }
    }

    @Override
    public ExecutionListener started(Chunk chunk) {
        if (!ChunkDispatcher.showsInConsole(chunk)) {
            return SILENT;
        }
        String label = chunk.typeName() + " · line " + (chunk.line() + 1);
        RunOutput run = runOutputOf(chunk);
        RunTiming timing = RunTiming.startingNow(PageClock.INSTANCE);
        console.begin(chunk.id(), label, chunk.content(), run, timing);
        outputs.begin(chunk, run, timing);
        return timing.around(new ListenerPair(run, new ListenerPair(keptOutputs.recorder(chunk.id(), timing), runEnd)));
    }

    /** The output of a run of {@code chunk} (or of the outputs it was saved with), shown in the views that {@code begin} it. */
    private RunOutput runOutputOf(Chunk chunk) {
        return new RunOutput(LineCap.standard(), () -> "output-line-" + (chunk.line() + 1) + ".txt").sharingDisplayIds(displayIds);
    }

    @Override
    public void batchStopped(Chunk failed, int skipped) {
        console.note("Run stopped: the " + failed.typeName() + " chunk at line " + (failed.line() + 1)
                + " failed" + (skipped > 0 ? "; " + skipped + " chunk" + (skipped == 1 ? " was" : "s were") + " not run." : "."));
    }

    private static final ExecutionListener SILENT = ExecutionListener.onlyFinished((value, error) -> {
    });
}

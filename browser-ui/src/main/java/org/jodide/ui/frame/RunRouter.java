package org.jodide.ui.frame;

import org.jodide.core.kernel.ExecutionListener;
import org.jodide.core.kernel.KernelTiming;
import org.jodide.core.kernel.OutputBatcher;
import org.jodide.core.kernel.OutputStream;
import org.jodide.core.kernel.SourceNames;
import org.jodide.core.kernel.WorkspaceRefresh;
import org.jodide.core.protocol.EditorToFrame;
import org.jodide.core.protocol.FrameToEditor;
import org.jodide.ui.frame.runtime.LanguageRuntime;
import org.jodide.ui.frame.runtime.QueueingRuntime;
import org.jodide.ui.frame.runtime.RuntimeRegistry;
import org.jodide.ui.frame.runtime.RuntimeStatus;
import org.jodide.ui.dom.LocalTimes;
import org.jodide.ui.dom.PageTimer;
import org.teavm.jso.dom.html.HTMLElement;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Carries out the editor's runs in the eval frame: code of any language goes to the runtime
 * registered for its language id ({@link RuntimeRegistry}), waiting for it to load; completions
 * and the workspace come from the runtimes too. Replies go back as protocol messages.
 *
 * <p>Runs are carried out one at a time in the order they come: the editor sends code chunks
 * without waiting for the ones before them (Run All), and this class queues them. A run whose
 * failure group already failed is answered {@link FrameToEditor.RunSkipped} instead of running, as
 * are the runs waiting when the editor says {@link EditorToFrame.DropQueued}.
 *
 * <p>A {@link QueueingRuntime} (Python in a worker) is handed the runs that follow the one it
 * runs, when they are for it too, as soon as they come: it queues them itself and starts each when
 * the one before it ends, without a round trip through this thread, and skips the rest of a failed
 * group itself. Only the first run started is the one running; {@code iodide.output} writes at its
 * chunk's place.
 */
final class RunRouter {
    private final RuntimeRegistry registry;
    private final RuntimeStatus status;
    private final ReportView report;
    private final ReportOutput reportOutput;
    private final PluginHost plugins;
    private final FetchRun fetches;
    private final Consumer<FrameToEditor> send;
    /** Posts the messages sent so far now, not at the end of the task (this thread is about to block). */
    private final Runnable flushToEditor;
    /** Lists the variables when runs pause, not after every run (Run All would be quadratic). */
    private final WorkspaceRefresh workspace;
    /** The chunk whose code runs, or ran last: where {@code iodide.output} writes; null before any run. */
    private String outputChunkId;
    /** That chunk's 0-based place in the notebook, or {@link Integer#MAX_VALUE} when not known (plugin chunks). */
    private int outputOrder = Integer.MAX_VALUE;
    /** The runs started (code, plugin, fetch) and not ended, in the order started; the first one runs. */
    private final Deque<Integer> started = new ArrayDeque<>();
    /** Where the started code runs show their output, by run id. */
    private final Map<Integer, OutputPlace> places = new HashMap<>();
    /** Runs waiting for the one in progress to finish, in the order they came. */
    private final Deque<QueuedRun> waiting = new ArrayDeque<>();
    /** Failure groups in which a run failed: their runs still waiting are skipped. */
    private final Set<Integer> failedGroups = new HashSet<>();
    /** {@link #startWaiting} is on the stack: runs that finish at once do not start the next from inside it. */
    private boolean starting;
    /** {@link #idleAtTaskEnd} waits for the end of this task. */
    private boolean idleCheckScheduled;
    /** The runtime the started code runs went to; null when none (or a fetch or plugin registration runs). */
    private LanguageRuntime runningRuntime;
    /** Runs waiting for a line the user types (Python's input()), by run id: where the answer goes. */
    private final Map<Integer, Consumer<String>> waitingForInput = new HashMap<>();

    /**
     * A run waiting its turn: its id, its failure group (0: none), the language of its code (null
     * for a fetch or a plugin registration), its chunk's output place (null: none) and what carries it out.
     */
    private record QueuedRun(int runId, int failureGroup, String languageId, OutputPlace place, Runnable start) {
    }

    /** A chunk's place in the report: its id and 0-based place in the notebook ({@link Integer#MAX_VALUE}: not known). */
    private record OutputPlace(String chunkId, int order) {
    }

    RunRouter(RuntimeRegistry registry, RuntimeStatus status, ReportView report, ReportOutput reportOutput,
              Consumer<FrameToEditor> send, Runnable flushToEditor) {
        this.registry = registry;
        this.status = status;
        this.report = report;
        this.reportOutput = reportOutput;
        this.send = send;
        this.flushToEditor = flushToEditor;
        this.plugins = new PluginHost(runtime -> registry.register(runtime, status.tracking(runtime, (loaded, total) -> { })));
        this.fetches = new FetchRun(registry, plugins, send);
        this.workspace = new WorkspaceRefresh(PageTimer.INSTANCE, this::sendWorkspace);
    }

    /** The report element that {@code iodide.output} writes into now; null when no chunk has run. */
    HTMLElement currentOutputArea() {
        return outputChunkId == null ? null : report.outputArea(outputChunkId, outputOrder);
    }

    void run(EditorToFrame.RunCode run) {
        String languageId = run.language().id();
        enqueue(new QueuedRun(run.runId(), run.failureGroup(), languageId, new OutputPlace(run.chunkId(), run.order()), () -> {
            String sourceName = run.sourceName() != null ? run.sourceName() : SourceNames.of(languageId, run.firstLine());
            route(run.runId(), run.failureGroup(), languageId, run.code(), sourceName, run.firstLine(),
                    reportOutput.around(run, replyTo(run.runId(), run.failureGroup())),
                    () -> "No runtime runs the language " + languageId + ".");
        }));
    }

    void runPlugin(EditorToFrame.RunPluginCode run) {
        enqueue(new QueuedRun(run.runId(), 0, null, new OutputPlace(run.chunkId(), Integer.MAX_VALUE), () ->
                route(run.runId(), 0, run.languageId(), run.code(), SourceNames.of(run.languageId(), 0), 0,
                        replyTo(run.runId(), 0),
                        () -> "No plugin for the language " + run.languageId() + " is registered: run its plugin chunk first.")));
    }

    void registerPlugin(EditorToFrame.RegisterPlugin plugin) {
        enqueue(new QueuedRun(plugin.runId(), 0, null, null, () -> {
            ExecutionListener reply = timedHere(replyTo(plugin.runId(), 0));
            plugins.register(plugin.languageId(), plugin.url(), plugin.module(), plugin.evaluator(),
                    plugin.asyncEvaluator(), error -> reply.finished(null, error));
        }));
    }

    void fetch(EditorToFrame.RunFetch fetch) {
        enqueue(new QueuedRun(fetch.runId(), 0, null, null, () -> fetches.run(fetch, timedHere(replyTo(fetch.runId(), 0)))));
    }

    /** Whether the editor's workspace pane is on screen: variables are listed only while it is. */
    void workspaceOnScreen(boolean onScreen) {
        workspace.onScreen(onScreen);
    }

    /** Skips the runs waiting, here and in a queueing runtime (the run in progress goes on). */
    void dropQueued() {
        QueuedRun dropped;
        while ((dropped = waiting.pollFirst()) != null) {
            send.accept(new FrameToEditor.RunSkipped(dropped.runId()));
        }
        QueueingRuntime queueing = queueing();
        if (queueing != null) {
            queueing.dropQueued();
        }
    }

    private void enqueue(QueuedRun run) {
        waiting.addLast(run);
        startWaiting();
    }

    /**
     * Starts waiting runs while none is in progress, or while the next one goes to the queueing
     * runtime the started ones went to; skips those of a failed group. A loop, not a recursion: a
     * run that finishes at once (a js chunk) lets the loop start the next one.
     */
    private void startWaiting() {
        if (starting) {
            return;
        }
        starting = true;
        try {
            QueuedRun next;
            while ((next = waiting.peekFirst()) != null && mayStart(next)) {
                waiting.pollFirst();
                if (next.failureGroup() != 0 && failedGroups.contains(next.failureGroup())) {
                    send.accept(new FrameToEditor.RunSkipped(next.runId()));
                    continue;
                }
                started.addLast(next.runId());
                if (next.place() != null) {
                    places.put(next.runId(), next.place());
                    report.clearOutput(next.place().chunkId());
                }
                if (started.size() == 1) {
                    showOutputOf(next.runId());
                }
                workspace.runStarted();
                next.start().run();
            }
        } finally {
            starting = false;
        }
        if (started.isEmpty()) {
            idleAtTaskEnd();
        }
    }

    /**
     * Shows the kernel idle once this task is done, if no run started meanwhile: a Run All's js
     * chunks come in one batch, one message each, and end at once; the status stays busy through
     * the batch instead of flipping busy and idle for every chunk.
     */
    private void idleAtTaskEnd() {
        if (idleCheckScheduled) {
            return;
        }
        idleCheckScheduled = true;
        TaskEnd.then(() -> {
            idleCheckScheduled = false;
            if (started.isEmpty()) {
                status.runFinished();
            }
        });
    }

    /** Whether {@code next} may start now: nothing runs, or it goes to the queueing runtime that runs. */
    private boolean mayStart(QueuedRun next) {
        if (started.isEmpty()) {
            return true;
        }
        QueueingRuntime queueing = queueing();
        return queueing != null && next.languageId() != null
                && registry.loaded(next.languageId()).orElse(null) == queueing;
    }

    /** The runtime the started runs were handed to when it queues runs itself; null otherwise. */
    private QueueingRuntime queueing() {
        return runningRuntime instanceof QueueingRuntime queueing ? queueing : null;
    }

    /** {@code iodide.output} writes at the place of the run that runs now. */
    private void showOutputOf(int runId) {
        OutputPlace place = places.get(runId);
        if (place != null) {
            outputChunkId = place.chunkId();
            outputOrder = place.order();
        }
    }

    /** A started run ended (with {@code error}, or null): its group fails with it, and what waits may start. */
    private void runFinished(int runId, int failureGroup, String error) {
        if (error != null && failureGroup != 0) {
            failedGroups.add(failureGroup);
        }
        ended(runId);
    }

    /** A run its queueing runtime did not start (its group failed there, or the queue was dropped). */
    private void skippedByRuntime(int runId) {
        OutputPlace place = places.get(runId);
        if (place != null) {
            report.clearOutput(place.chunkId());
        }
        send.accept(new FrameToEditor.RunSkipped(runId));
        ended(runId);
    }

    /**
     * A started run left the runtime; the next waiting one may start. The kernel shows idle only
     * when none waits (not busy, idle, busy... between queued chunks).
     */
    private void ended(int runId) {
        started.remove(runId);
        places.remove(runId);
        if (started.isEmpty()) {
            runningRuntime = null;
        } else {
            showOutputOf(started.peekFirst());
        }
        workspace.runFinished();
        startWaiting();
    }

    /**
     * Stop: asks the runtime running code to stop ({@link LanguageRuntime#interrupt}). Only a
     * runtime off this thread can hear it while it runs (Python in a worker); on this thread a
     * running chunk never lets the message in.
     */
    void interrupt() {
        if (runningRuntime != null) {
            runningRuntime.interrupt();
        }
    }

    /** Gives the line the user typed to the run that asked for it (a null text: no answer). */
    void answerInput(EditorToFrame.InputReply reply) {
        Consumer<String> answer = waitingForInput.remove(reply.runId());
        if (answer != null) {
            answer.accept(reply.text());
        }
    }

    /** Answered at once, never queued: completion must not wait behind a long run. No names while a runtime loads. */
    void complete(EditorToFrame.Complete complete) {
        LanguageRuntime runtime = registry.loaded(complete.language().id()).orElse(null);
        if (runtime == null) {
            send.accept(new FrameToEditor.Completions(complete.requestId(), List.of()));
            return;
        }
        runtime.complete(complete.token(), names -> send.accept(new FrameToEditor.Completions(complete.requestId(), names)));
    }

    /** Answered at once, as {@link #complete} is; "" while the language's runtime loads. */
    void inspect(EditorToFrame.Inspect inspect) {
        LanguageRuntime runtime = registry.loaded(inspect.language().id()).orElse(null);
        if (runtime == null) {
            send.accept(new FrameToEditor.Inspection(inspect.requestId(), ""));
            return;
        }
        runtime.inspect(inspect.before(), inspect.after(), text -> send.accept(new FrameToEditor.Inspection(inspect.requestId(), text)));
    }

    private void route(int runId, int failureGroup, String languageId, String code, String sourceName, int firstLine,
                       ExecutionListener listener, Supplier<String> missing) {
        if (!registry.has(languageId)) {
            listener.finished(null, missing.get());
            return;
        }
        registry.whenLoaded(languageId, runtime -> {
            status.runStarted();
            runningRuntime = runtime;
            if (runtime instanceof QueueingRuntime queueing) {
                queueing.enqueue(code, sourceName, firstLine, failureGroup, listener, () -> skippedByRuntime(runId));
            } else {
                runtime.run(code, sourceName, firstLine, timedHere(listener));
            }
        }, reason -> listener.finished(null, reason));
    }

    /** {@code listener}, told how long the run took on this thread from now to its end ({@link KernelTiming}). */
    private static ExecutionListener timedHere(ExecutionListener listener) {
        return new KernelTiming(listener, LocalTimes::monotonic);
    }

    /**
     * A listener that reports a run to the editor. Printed text is sent in batches
     * ({@link OutputBatcher}): one message per line is what made long outputs slow.
     */
    private ExecutionListener replyTo(int runId, int failureGroup) {
        return new OutputBatcher(new ExecutionListener() {
            private int kernelMillis = FrameToEditor.RunFinished.NOT_TIMED;

            @Override
            public void output(OutputStream stream, String text) {
                send.accept(new FrameToEditor.StreamOutput(runId, stream, text));
            }

            @Override
            public void display(String mimeType, String data) {
                send.accept(new FrameToEditor.DisplayData(runId, mimeType, data));
            }

            @Override
            public void display(String mimeType, String data, String displayId, boolean update) {
                send.accept(new FrameToEditor.DisplayData(runId, mimeType, data, displayId, update));
            }

            @Override
            public void clearOutput() {
                send.accept(new FrameToEditor.OutputCleared(runId));
            }

            @Override
            public void inputRequested(String prompt, boolean password, Consumer<String> answer) {
                waitingForInput.put(runId, answer);
                send.accept(new FrameToEditor.InputRequest(runId, prompt, password));
            }

            @Override
            public void timed(double milliseconds) {
                kernelMillis = KernelTiming.wholeMillis(milliseconds);
            }

            @Override
            public void blocking() {
                flushToEditor.run();
            }

            @Override
            public void finished(String value, String error) {
                waitingForInput.remove(runId);
                send.accept(new FrameToEditor.RunFinished(runId, value, error, kernelMillis));
                runFinished(runId, failureGroup, error);
            }
        }, PageTimer.INSTANCE);
    }

    /** Sends the variables of every loaded runtime, in registration order, once all have answered. */
    private void sendWorkspace() {
        List<LanguageRuntime> runtimes = registry.loaded();
        List<List<FrameToEditor.Variable>> answers = new ArrayList<>();
        int[] pending = {runtimes.size()};
        if (runtimes.isEmpty()) {
            sendVariables(answers);
            return;
        }
        for (int i = 0; i < runtimes.size(); i++) {
            answers.add(List.of());
        }
        for (int i = 0; i < runtimes.size(); i++) {
            int index = i;
            LanguageRuntime runtime = runtimes.get(i);
            try {
                runtime.variables(variables -> {
                    answers.set(index, variables);
                    if (--pending[0] == 0) {
                        sendVariables(answers);
                    }
                });
            } catch (RuntimeException e) {
                EvalFrameMain.consoleError("Jodide eval frame: could not list the variables of "
                        + runtime.displayName() + ": " + e.getMessage());
                if (--pending[0] == 0) {
                    sendVariables(answers);
                }
            }
        }
    }

    private void sendVariables(List<List<FrameToEditor.Variable>> answers) {
        List<FrameToEditor.Variable> all = new ArrayList<>();
        answers.forEach(all::addAll);
        send.accept(new FrameToEditor.Workspace(all));
    }

}

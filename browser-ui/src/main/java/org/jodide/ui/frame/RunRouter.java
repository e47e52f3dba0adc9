package org.jodide.ui.frame;

import org.jodide.core.kernel.ExecutionListener;
import org.jodide.core.kernel.OutputBatcher;
import org.jodide.core.kernel.OutputStream;
import org.jodide.core.kernel.SourceNames;
import org.jodide.core.kernel.WorkspaceRefresh;
import org.jodide.core.protocol.EditorToFrame;
import org.jodide.core.protocol.FrameToEditor;
import org.jodide.ui.frame.runtime.LanguageRuntime;
import org.jodide.ui.frame.runtime.RuntimeRegistry;
import org.jodide.ui.frame.runtime.RuntimeStatus;
import org.teavm.jso.browser.Window;
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

/**
 * Carries out the editor's runs in the eval frame: code of any language goes to the runtime
 * registered for its language id ({@link RuntimeRegistry}), waiting for it to load; completions
 * and the workspace come from the runtimes too. Replies go back as protocol messages.
 *
 * <p>Runs are carried out one at a time in the order they come: the editor sends code chunks
 * without waiting for the ones before them (Run All), and this class queues them. A run whose
 * failure group already failed is answered {@link FrameToEditor.RunSkipped} instead of running, as
 * are the runs waiting when the editor says {@link EditorToFrame.DropQueued}.
 */
final class RunRouter {
    private final RuntimeRegistry registry;
    private final RuntimeStatus status;
    private final ReportView report;
    private final ReportOutput reportOutput;
    private final PluginHost plugins;
    private final FetchRun fetches;
    private final Consumer<FrameToEditor> send;
    /** Lists the variables when runs pause, not after every run (Run All would be quadratic). */
    private final WorkspaceRefresh workspace;
    /** The chunk whose code runs, or ran last: where {@code iodide.output} writes; null before any run. */
    private String outputChunkId;
    /** That chunk's 0-based place in the notebook, or {@link Integer#MAX_VALUE} when not known (plugin chunks). */
    private int outputOrder = Integer.MAX_VALUE;
    /** The id of the run in progress (code, plugin, fetch), or {@link #NO_RUN}. */
    private int running = NO_RUN;
    /** The failure group of the run in progress (0: none). */
    private int runningGroup;
    /** Runs waiting for the one in progress to finish, in the order they came. */
    private final Deque<QueuedRun> waiting = new ArrayDeque<>();
    /** Failure groups in which a run failed: their runs still waiting are skipped. */
    private final Set<Integer> failedGroups = new HashSet<>();
    /** {@link #startWaiting} is on the stack: runs that finish at once do not start the next from inside it. */
    private boolean starting;
    /** The runtime running the code of {@link #running}; null when none (or a fetch or plugin registration runs). */
    private LanguageRuntime runningRuntime;
    /** Runs waiting for a line the user types (Python's input()), by run id: where the answer goes. */
    private final Map<Integer, Consumer<String>> waitingForInput = new HashMap<>();
    private static final int NO_RUN = Integer.MIN_VALUE;

    /** A run waiting its turn: its id, its failure group (0: none) and what carries it out. */
    private record QueuedRun(int runId, int failureGroup, Runnable start) {
    }

    RunRouter(RuntimeRegistry registry, RuntimeStatus status, ReportView report, ReportOutput reportOutput,
              Consumer<FrameToEditor> send) {
        this.registry = registry;
        this.status = status;
        this.report = report;
        this.reportOutput = reportOutput;
        this.send = send;
        this.plugins = new PluginHost(runtime -> registry.register(runtime, status.tracking(runtime, (loaded, total) -> { })));
        this.fetches = new FetchRun(registry, plugins, send);
        this.workspace = new WorkspaceRefresh(BATCH_TIMER, this::sendWorkspace);
    }

    /** The report element that {@code iodide.output} writes into now; null when no chunk has run. */
    HTMLElement currentOutputArea() {
        return outputChunkId == null ? null : report.outputArea(outputChunkId, outputOrder);
    }

    void run(EditorToFrame.RunCode run) {
        enqueue(new QueuedRun(run.runId(), run.failureGroup(), () -> {
            startOutput(run.chunkId(), run.order());
            String languageId = run.language().id();
            String sourceName = run.sourceName() != null ? run.sourceName() : SourceNames.of(languageId, run.firstLine());
            route(languageId, run.code(), sourceName, run.firstLine(),
                    reportOutput.around(run, replyTo(run.runId())), "No runtime runs the language " + languageId + ".");
        }));
    }

    void runPlugin(EditorToFrame.RunPluginCode run) {
        enqueue(new QueuedRun(run.runId(), 0, () -> {
            startOutput(run.chunkId(), Integer.MAX_VALUE);
            route(run.languageId(), run.code(), SourceNames.of(run.languageId(), 0), 0, replyTo(run.runId()),
                    "No plugin for the language " + run.languageId() + " is registered: run its plugin chunk first.");
        }));
    }

    void registerPlugin(EditorToFrame.RegisterPlugin plugin) {
        enqueue(new QueuedRun(plugin.runId(), 0, () -> {
            ExecutionListener reply = replyTo(plugin.runId());
            plugins.register(plugin.languageId(), plugin.url(), plugin.module(), plugin.evaluator(),
                    plugin.asyncEvaluator(), error -> reply.finished(null, error));
        }));
    }

    void fetch(EditorToFrame.RunFetch fetch) {
        enqueue(new QueuedRun(fetch.runId(), 0, () -> fetches.run(fetch, () -> runFinished(null))));
    }

    /** Skips the runs waiting (the run in progress goes on). */
    void dropQueued() {
        QueuedRun dropped;
        while ((dropped = waiting.pollFirst()) != null) {
            send.accept(new FrameToEditor.RunSkipped(dropped.runId()));
        }
    }

    private void enqueue(QueuedRun run) {
        waiting.addLast(run);
        startWaiting();
    }

    /**
     * Starts waiting runs while none is in progress, skipping those of a failed group. A loop, not
     * a recursion: a run that finishes at once (a js chunk) lets the loop start the next one.
     */
    private void startWaiting() {
        if (starting) {
            return;
        }
        starting = true;
        try {
            QueuedRun next;
            while (running == NO_RUN && (next = waiting.pollFirst()) != null) {
                if (next.failureGroup() != 0 && failedGroups.contains(next.failureGroup())) {
                    send.accept(new FrameToEditor.RunSkipped(next.runId()));
                    continue;
                }
                running = next.runId();
                runningGroup = next.failureGroup();
                workspace.runStarted();
                next.start().run();
            }
        } finally {
            starting = false;
        }
    }

    /**
     * The run in progress ended (with {@code error}, or null); the next waiting one starts. The
     * kernel shows idle only when none waits (not busy, idle, busy... between queued chunks).
     */
    private void runFinished(String error) {
        if (error != null && runningGroup != 0) {
            failedGroups.add(runningGroup);
        }
        running = NO_RUN;
        runningGroup = 0;
        runningRuntime = null;
        workspace.runFinished();
        startWaiting();
        if (running == NO_RUN) {
            status.runFinished();
        }
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

    private void route(String languageId, String code, String sourceName, int firstLine, ExecutionListener listener,
                       String missing) {
        if (!registry.has(languageId)) {
            listener.finished(null, missing);
            return;
        }
        registry.whenLoaded(languageId, runtime -> {
            status.runStarted();
            runningRuntime = runtime;
            runtime.run(code, sourceName, firstLine, listener);
        }, reason -> listener.finished(null, reason));
    }

    /** What {@code chunkId} wrote last time goes; what it writes now goes in its place. */
    private void startOutput(String chunkId, int order) {
        outputChunkId = chunkId;
        outputOrder = order;
        report.clearOutput(chunkId);
    }

    /**
     * A listener that reports a run to the editor. Printed text is sent in batches
     * ({@link OutputBatcher}): one message per line is what made long outputs slow.
     */
    private ExecutionListener replyTo(int runId) {
        return new OutputBatcher(new ExecutionListener() {
            @Override
            public void output(OutputStream stream, String text) {
                send.accept(new FrameToEditor.StreamOutput(runId, stream, text));
            }

            @Override
            public void display(String mimeType, String data) {
                send.accept(new FrameToEditor.DisplayData(runId, mimeType, data));
            }

            @Override
            public void inputRequested(String prompt, boolean password, Consumer<String> answer) {
                waitingForInput.put(runId, answer);
                send.accept(new FrameToEditor.InputRequest(runId, prompt, password));
            }

            @Override
            public void finished(String value, String error) {
                waitingForInput.remove(runId);
                send.accept(new FrameToEditor.RunFinished(runId, value, error));
                runFinished(error);
            }
        }, BATCH_TIMER);
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

    private static final OutputBatcher.Timer BATCH_TIMER = new OutputBatcher.Timer() {
        @Override
        public double now() {
            return EvalFrameMain.now();
        }

        @Override
        public void schedule(int delayMs, Runnable task) {
            Window.setTimeout(task::run, delayMs);
        }
    };
}

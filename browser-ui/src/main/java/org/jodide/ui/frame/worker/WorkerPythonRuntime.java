package org.jodide.ui.frame.worker;

import org.jodide.core.kernel.ExecutionListener;
import org.jodide.core.protocol.FrameToEditor;
import org.jodide.core.kernel.PendingReplies;
import org.jodide.core.protocol.FrameToWorker;
import org.jodide.core.protocol.HomeFile;
import org.jodide.core.protocol.ProtocolException;
import org.jodide.core.protocol.WorkerCodec;
import org.jodide.core.protocol.WorkerToFrame;
import org.jodide.pyodide.DataFile;
import org.jodide.ui.frame.DataFileTarget;
import org.jodide.ui.frame.WheelInstaller;
import org.jodide.ui.frame.runtime.QueueingRuntime;
import org.teavm.jso.JSBody;
import org.teavm.jso.browser.Window;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Python (Pyodide with Jodide's kernel) in a worker owned by the eval frame, so that Stop
 * interrupts it and keeps its state. Stop writes SIGINT into the interrupt buffer Pyodide polls,
 * and writes it again every {@link #CHECK_MS} ms while Pyodide took it but Python's SIGINT handler
 * did not mark it delivered (a single write is missed now and then: Pyodide reads and clears the
 * slot in two steps). The kernel's {@code time.sleep} waits on that buffer, so Stop ends a sleep
 * too. Code that still runs after {@link #GRACE_MS} (a long C call, code that swallows
 * KeyboardInterrupt) is stopped by terminating the worker, and a new one loads: the run ends with
 * {@link #RESTARTED}.
 *
 * <p>While runs are in the worker, the frame asks it every {@link #OUTPUT_ASK_MS} ms to send what
 * they printed (a flush request in the same buffer, which Python's SIGUSR1 handler takes): the
 * worker's own timers cannot fire while Python computes, and the lines printed before a long loop
 * would otherwise show only when it ends.
 *
 * <p>Runs go to the worker as soon as they are given ({@link QueueingRuntime}): the worker queues
 * them and skips the rest of a failure group itself. Those not finished when the worker is
 * replaced are sent again to the new one, as runs waiting in the frame would be, except the rest
 * of a failure group whose run failed (the one the old worker was running when it was replaced).
 *
 * <pre>{@code
 * WorkerPythonRuntime python = new WorkerPythonRuntime("http://host/", null, 60_000, 180_000, lostReason -> restartKernel());
 * python.load(listener);            // ready("Python (Pyodide 314.0.7) in a worker"); after a restart: reloading(), ready(…)
 * python.run("while True: pass", "<py chunk>", 0, runListener);
 * python.interrupt();               // runListener.finished(null, "Traceback ... KeyboardInterrupt")
 * }</pre>
 */
public final class WorkerPythonRuntime implements QueueingRuntime, WheelInstaller, DataFileTarget {
    /** How long, in ms, a run may go on after Stop before the worker is replaced. */
    public static final int GRACE_MS = 3000;
    /** How often, in ms, the interrupt buffer is checked while a Stop waits for the run to end. */
    static final int CHECK_MS = 10;
    /**
     * How often, in ms, the worker is asked for the text its runs printed while they last (Jupyter's
     * ipykernel sends every 200 ms); text shows at most about this late while Python computes.
     */
    static final int OUTPUT_ASK_MS = 50;
    public static final String RESTARTED = "KeyboardInterrupt did not stop the run within " + GRACE_MS / 1000
            + " s, so the Python kernel was restarted: its variables and imports are lost.";

    private final String siteUrl;
    private final String packageIndexUrl;
    private final int packageTimeoutMs;
    private final int loadTimeoutMs;
    /** Hears that the worker's Python can no longer be used (Pyodide's fatal error, {@code os._exit}). */
    private final Consumer<String> lost;
    // Requests the worker answers between runs; a worker replaced gives them their fallback.
    private final PendingReplies<WorkerToFrame.Completions> completions = new PendingReplies<>(null);
    private final PendingReplies<WorkerToFrame.Inspection> inspections = new PendingReplies<>(null);
    private final PendingReplies<FrameToEditor.HomeFiles> homeListings = new PendingReplies<>(null);
    private final PendingReplies<WorkerToFrame.HomeRead> homeReads = new PendingReplies<>(null);
    /** The data files, by name: each worker started is given all of them after its Start. */
    private final Map<String, DataFile> dataFiles = new LinkedHashMap<>();
    private final PendingReplies<WorkerToFrame.Variables> variableRequests = new PendingReplies<>(null);
    private final Map<Integer, WheelInstall> wheels = new HashMap<>();
    private WorkerHost worker;
    /** Hears what the worker's Python prints between runs. */
    private OutputOutsideRuns outsideRuns = (source, stream, text) -> { };
    /** Hears the first load and every reload after the worker was replaced. */
    private LoadListener loading;
    private boolean ready;
    private String failure;
    private int nextId = 1;
    /**
     * The runs given and not finished, by id, in the order given: sent to the worker, or waiting for
     * it to load. The first one is the one the worker runs.
     */
    private final Map<Integer, PendingRun> pending = new LinkedHashMap<>();
    /** The highest run id dropped by {@link #dropQueued}: such a run never starts, in this worker or the next. */
    private int droppedUpTo;
    /**
     * Failure groups in which a run failed here (its error, or the worker that ran it was replaced):
     * their runs a replaced worker had not started are not sent to the next one, which would run
     * them in a fresh kernel without the chunks before them.
     */
    private final Set<Integer> failedGroups = new HashSet<>();
    /** The run a Stop interrupts, while the interrupt buffer is being written; 0 when none. */
    private int interruptedId;
    private int checkTimer = -1;
    private int outputAskTimer = -1;
    private int graceTimer = -1;

    /**
     * @param siteUrl          the site's absolute URL, ending with '/'
     * @param packageIndexUrl  the configured package index (absolute), or null for the official one
     * @param packageTimeoutMs how long a package load may take, in ms
     * @param loadTimeoutMs    how long loading Python itself may take in all, in ms (then it fails, with Retry)
     * @param lost             hears that the worker's Python can no longer be used (Pyodide's fatal
     *                         error, {@code os._exit}), as {@code PyodideRuntime} tells it on the main
     *                         thread: the editor then restarts the kernel
     */
    public WorkerPythonRuntime(String siteUrl, String packageIndexUrl, int packageTimeoutMs, int loadTimeoutMs,
                               Consumer<String> lost) {
        this.siteUrl = siteUrl;
        this.packageIndexUrl = packageIndexUrl;
        this.packageTimeoutMs = packageTimeoutMs;
        this.loadTimeoutMs = loadTimeoutMs;
        this.lost = lost;
    }

    @Override
    public void onOutputOutsideRuns(OutputOutsideRuns listener) {
        outsideRuns = listener;
    }

    /** Whether this page can run Python in a worker that Stop interrupts (it is cross-origin isolated). */
    public static boolean available() {
        return WorkerHost.available();
    }

    /**
     * Ends the worker evalframe.html started before this program loaded (python-worker-frame.js's
     * startEarly), when Python runs on the frame's thread after all; the first {@link #load} adopts it otherwise.
     */
    public static void discardEarlyWorker() {
        WorkerHost.discardEarly();
    }

    @Override
    public String languageId() {
        return "py";
    }

    @Override
    public String displayName() {
        return "Python";
    }

    @Override
    public void load(LoadListener listener) {
        loading = listener;
        boot();
    }

    private void boot() {
        ready = false;
        failure = null;
        worker = WorkerHost.start(siteUrl, this::receive, this::workerFailed);
        worker.postWithBuffers(WorkerCodec.encode(new FrameToWorker.Start(siteUrl, packageIndexUrl, packageTimeoutMs, loadTimeoutMs)));
        dataFiles.values().forEach(this::postDataFile);
    }

    @Override
    public void putDataFile(DataFile file) {
        dataFiles.put(file.name(), file);
        if (worker != null) {
            postDataFile(file);
        }
    }

    /** The bytes go just before the message that names them (page/message-bytes.js). */
    private void postDataFile(DataFile file) {
        worker.postBytes(file.name(), file.bytes());
        worker.post(WorkerCodec.encode(new FrameToWorker.PutDataFile(file.name(), file.lastUpdated())));
    }

    @Override
    public void listHome(BiConsumer<List<HomeFile>, String> answer) {
        // As complete: a worker that runs code answers only when the run ends.
        if (!ready || !pending.isEmpty()) {
            answer.accept(List.of(), ready ? DataFileTarget.RUNNING : DataFileTarget.STARTING);
            return;
        }
        int requestId = nextId++;
        homeListings.await(requestId, new FrameToEditor.HomeFiles(requestId, List.of(), DataFileTarget.STARTING),
                listed -> answer.accept(listed.files(), listed.unavailable()));
        worker.post(WorkerCodec.encode(new FrameToWorker.ListHome(requestId)));
    }

    @Override
    public void readHome(String name, BiConsumer<String, String> answer) {
        if (!ready || !pending.isEmpty()) {
            answer.accept(null, ready ? DataFileTarget.RUNNING : DataFileTarget.STARTING);
            return;
        }
        int requestId = nextId++;
        homeReads.await(requestId, new WorkerToFrame.HomeRead(requestId, null, DataFileTarget.STARTING),
                read -> answer.accept(read.base64(), read.error()));
        worker.post(WorkerCodec.encode(new FrameToWorker.ReadHome(requestId, name)));
    }

    @Override
    public void removeDataFile(String name) {
        dataFiles.remove(name);
        if (worker != null) {
            worker.post(WorkerCodec.encode(new FrameToWorker.RemoveDataFile(name)));
        }
    }

    /** A run given to this runtime: its message, and who hears how it ended. */
    private record PendingRun(FrameToWorker.Run run, ExecutionListener listener, Runnable skipped) {
    }

    @Override
    public void enqueue(String code, String sourceName, int firstLine, int failureGroup, ExecutionListener listener,
                        Runnable skipped) {
        if (failure != null) {
            listener.finished(null, "Python is not available: " + failure);
            return;
        }
        int runId = nextId++;
        FrameToWorker.Run run = new FrameToWorker.Run(runId, code, sourceName, firstLine, failureGroup);
        pending.put(runId, new PendingRun(run, listener, skipped));
        if (ready) {
            send(run);
        }
    }

    private void send(FrameToWorker.Run run) {
        if (pending.size() == 1) {
            // Nothing runs in the worker: what an earlier Stop left in the buffer must not hit this run.
            worker.clearInterrupt();
        }
        worker.post(WorkerCodec.encode(run));
        if (outputAskTimer < 0) {
            outputAskTimer = Window.setInterval(this::askForOutput, OUTPUT_ASK_MS);
        }
    }

    /** Asks the worker for the text its run printed, while runs are in it; the timer ends itself after. */
    private void askForOutput() {
        if (!ready || pending.isEmpty()) {
            stopAskingForOutput();
            return;
        }
        if (interruptedId == 0) {
            worker.requestOutputFlush();
        }
    }

    private void stopAskingForOutput() {
        if (outputAskTimer >= 0) {
            Window.clearInterval(outputAskTimer);
            outputAskTimer = -1;
        }
    }

    @Override
    public void dropQueued() {
        droppedUpTo = nextId - 1;
        if (ready) {
            // The worker answers each run it had not started with Skipped: it reads the shared slot
            // before each run it starts, and the message once it is free.
            worker.dropRunsUpTo(droppedUpTo);
            worker.post(WorkerCodec.encode(new FrameToWorker.DropQueued()));
            return;
        }
        // Nothing was sent yet: none of them started.
        List<PendingRun> dropped = List.copyOf(pending.values());
        pending.clear();
        dropped.forEach(run -> run.skipped().run());
    }

    /** The run the worker runs (or will run first once loaded); null when none. */
    private PendingRun running() {
        Iterator<PendingRun> runs = pending.values().iterator();
        return runs.hasNext() ? runs.next() : null;
    }

    /** Installs a pure-Python wheel (a fetch chunk's wheel line); {@code done} gets null or the error. */
    public void installWheel(String url, Consumer<String> progress, Consumer<String> done) {
        if (!ready) {
            done.accept(failure != null ? "Python is not available: " + failure : "Python is still loading");
            return;
        }
        int requestId = nextId++;
        wheels.put(requestId, new WheelInstall(progress, done));
        worker.post(WorkerCodec.encode(new FrameToWorker.InstallWheel(requestId, url)));
    }

    private record WheelInstall(Consumer<String> progress, Consumer<String> done) {
    }

    @Override
    public void complete(String token, Consumer<List<String>> names) {
        // A worker that runs code answers only when the run ends: better no names than late ones.
        if (!ready || !pending.isEmpty()) {
            names.accept(List.of());
            return;
        }
        int requestId = nextId++;
        completions.await(requestId, new WorkerToFrame.Completions(requestId, List.of()), reply -> names.accept(reply.names()));
        worker.post(WorkerCodec.encode(new FrameToWorker.Complete(requestId, token)));
    }

    @Override
    public void inspect(String before, String after, Consumer<String> text) {
        // As complete: a worker that runs code answers only when the run ends.
        if (!ready || !pending.isEmpty()) {
            text.accept("");
            return;
        }
        int requestId = nextId++;
        inspections.await(requestId, new WorkerToFrame.Inspection(requestId, ""), reply -> text.accept(reply.text()));
        worker.post(WorkerCodec.encode(new FrameToWorker.Inspect(requestId, before, after)));
    }

    @Override
    public void variables(Consumer<List<FrameToEditor.Variable>> variables) {
        // Asked while runs go on (a long Run All lists every few seconds): the worker answers between
        // two of them, or once the one running ends; an empty answer would blank the pane meanwhile.
        if (!ready) {
            variables.accept(List.of());
            return;
        }
        int requestId = nextId++;
        variableRequests.await(requestId, new WorkerToFrame.Variables(requestId, List.of()), reply -> variables.accept(reply.variables()));
        worker.post(WorkerCodec.encode(new FrameToWorker.ListVariables(requestId)));
    }

    @Override
    public void interrupt() {
        PendingRun running = running();
        if (running == null || graceTimer >= 0) {
            return;
        }
        if (!ready) {
            // Not started in the worker yet: it simply does not run.
            finish(running.run().runId(), null, "KeyboardInterrupt (stopped before Python was ready)", WorkerToFrame.Finished.NOT_TIMED);
            return;
        }
        interruptedId = running.run().runId();
        worker.requestInterrupt();
        checkTimer = Window.setInterval(this::keepInterrupting, CHECK_MS);
        graceTimer = Window.setTimeout(this::restartAfterGrace, GRACE_MS);
    }

    /** Writes SIGINT again when Pyodide took it (the slot is 0) without raising KeyboardInterrupt. */
    private void keepInterrupting() {
        if (!pending.containsKey(interruptedId)) {
            // It ended (the worker may have started the next run); the grace timer is stopped with it.
            return;
        }
        if (!worker.interruptPending() && !worker.interruptDelivered()) {
            worker.requestInterrupt();
        }
    }

    private void stopInterrupting() {
        interruptedId = 0;
        if (checkTimer >= 0) {
            Window.clearInterval(checkTimer);
            checkTimer = -1;
        }
        if (graceTimer >= 0) {
            Window.clearTimeout(graceTimer);
            graceTimer = -1;
        }
    }

    private void restartAfterGrace() {
        graceTimer = -1;
        replaceWorker(RESTARTED);
    }

    /**
     * Ends the running run with {@code reason}, throws the worker away and loads a new one; the runs
     * given after it are sent to the new one once it is ready.
     */
    private void replaceWorker(String reason) {
        stopInterrupting();
        worker.terminate();
        ready = false;
        answerPendingRequests();
        loading.reloading();
        PendingRun running = running();
        if (running != null) {
            finish(running.run().runId(), null, reason, WorkerToFrame.Finished.NOT_TIMED);
        }
        boot();
    }

    private void answerPendingRequests() {
        completions.giveUpAll();
        inspections.giveUpAll();
        homeListings.giveUpAll();
        homeReads.giveUpAll();
        variableRequests.giveUpAll();
        wheels.values().forEach(wheel -> wheel.done().accept("the Python kernel was restarted"));
        wheels.clear();
    }

    /**
     * Ends a run given to this runtime: it leaves {@link #pending}, then its listener hears how long
     * it ran in the worker ({@code kernelMillis}, when measured) and its end.
     */
    private void finish(int runId, String value, String error, int kernelMillis) {
        PendingRun finishing = pending.remove(runId);
        if (finishing == null) {
            return;
        }
        if (runId == interruptedId) {
            stopInterrupting();
            worker.clearInterrupt();
        }
        if (error != null && finishing.run().failureGroup() != 0) {
            failedGroups.add(finishing.run().failureGroup());
        }
        if (kernelMillis >= 0) {
            finishing.listener().timed(kernelMillis);
        }
        finishing.listener().finished(value, error);
    }

    @Override
    public InterruptMode interruptMode() {
        return InterruptMode.KEEPS_STATE;
    }

    @Override
    public void dispose() {
        stopInterrupting();
        stopAskingForOutput();
        worker.terminate();
    }

    private void workerFailed(String reason) {
        if (!ready) {
            loadFailed("the Python worker failed: " + reason);
            return;
        }
        replaceWorker("The Python worker stopped (" + reason + "), so the Python kernel was restarted:"
                + " its variables and imports are lost.");
    }

    private void loadFailed(String reason) {
        failure = reason;
        worker.terminate();
        loading.failed(reason);
        List<PendingRun> failed = List.copyOf(pending.values());
        pending.clear();
        stopInterrupting();
        failed.forEach(run -> run.listener().finished(null, "Python is not available: " + reason));
    }

    private void receive(String wire) {
        WorkerToFrame message;
        try {
            message = WorkerCodec.decodeWorkerToFrame(wire);
        } catch (ProtocolException e) {
            consoleError("Jodide eval frame: rejected a message from the Python worker: " + e.getMessage());
            return;
        }
        message.accept(handler);
    }

    /** The listener of a run given to this runtime and not finished; null for any other id. */
    private ExecutionListener listenerOf(int runId) {
        PendingRun run = pending.get(runId);
        return run == null ? null : run.listener();
    }

    private final WorkerToFrame.Handler handler = new WorkerToFrame.Handler() {
        @Override
        public void loadProgress(WorkerToFrame.LoadProgress message) {
            loading.progress(message.loadedBytes(), message.totalBytes());
        }

        @Override
        public void ready(WorkerToFrame.Ready message) {
            ready = true;
            // Runs given while it loaded, and those a replaced worker had not finished, unless
            // dropped or of a group that failed (the run the old worker died in fails its group).
            // Before telling that it is ready: the runs that waited for that are given now and sent
            // as they come (sending them again here ran each twice).
            for (PendingRun run : List.copyOf(pending.values())) {
                if (run.run().runId() <= droppedUpTo || failedGroups.contains(run.run().failureGroup())) {
                    pending.remove(run.run().runId());
                    run.skipped().run();
                } else {
                    send(run.run());
                }
            }
            loading.ready("Python (Pyodide " + message.pyodideVersion() + ") in a worker");
        }

        @Override
        public void loadFailed(WorkerToFrame.LoadFailed message) {
            WorkerPythonRuntime.this.loadFailed(message.reason());
        }

        @Override
        public void lost(WorkerToFrame.Lost message) {
            // Runs until the editor's restart fail at once rather than reach the dead Pyodide.
            failure = message.reason();
            lost.accept(message.reason());
        }

        @Override
        public void output(WorkerToFrame.Output message) {
            ExecutionListener listener = listenerOf(message.runId());
            if (listener != null) {
                listener.output(message.stream(), message.text());
            }
        }

        @Override
        public void outsideRunOutput(WorkerToFrame.OutsideRunOutput message) {
            outsideRuns.printed(displayName(), message.stream(), message.text());
        }

        @Override
        public void display(WorkerToFrame.Display message) {
            ExecutionListener listener = listenerOf(message.runId());
            if (listener != null) {
                listener.display(message.mimeType(), message.data(), message.displayId(), message.update());
            }
        }

        @Override
        public void clearOutput(WorkerToFrame.ClearOutput message) {
            ExecutionListener listener = listenerOf(message.runId());
            if (listener != null) {
                listener.clearOutput();
            }
        }

        @Override
        public void inputRequest(WorkerToFrame.InputRequest message) {
            ExecutionListener listener = listenerOf(message.runId());
            if (listener == null) {
                worker.answer(null);
                return;
            }
            WorkerHost asked = worker;
            int runId = message.runId();
            listener.inputRequested(message.prompt(), message.password(), text -> {
                // An answer after the run ended (stopped meanwhile) or for a replaced worker goes nowhere.
                if (asked == worker && pending.containsKey(runId)) {
                    asked.answer(text);
                }
            });
        }

        @Override
        public void finished(WorkerToFrame.Finished message) {
            finish(message.runId(), message.value(), message.error(), message.kernelMillis());
        }

        @Override
        public void skipped(WorkerToFrame.Skipped message) {
            PendingRun skipped = pending.remove(message.runId());
            if (skipped != null) {
                skipped.skipped().run();
            }
        }

        @Override
        public void completions(WorkerToFrame.Completions message) {
            completions.answer(message.requestId(), message);
        }

        @Override
        public void homeListed(WorkerToFrame.HomeListed message) {
            homeListings.answer(message.requestId(), new FrameToEditor.HomeFiles(message.requestId(), message.files(), null));
        }

        @Override
        public void homeRead(WorkerToFrame.HomeRead message) {
            homeReads.answer(message.requestId(), message);
        }

        @Override
        public void inspection(WorkerToFrame.Inspection message) {
            inspections.answer(message.requestId(), message);
        }

        @Override
        public void variables(WorkerToFrame.Variables message) {
            variableRequests.answer(message.requestId(), message);
        }

        @Override
        public void wheelStatus(WorkerToFrame.WheelStatus message) {
            WheelInstall wheel = wheels.get(message.requestId());
            if (wheel != null) {
                wheel.progress().accept(message.text());
            }
        }

        @Override
        public void wheelDone(WorkerToFrame.WheelDone message) {
            WheelInstall wheel = wheels.remove(message.requestId());
            if (wheel != null) {
                wheel.done().accept(message.error());
            }
        }
    };

    @JSBody(params = "text", script = "console.error(text);")
    private static native void consoleError(String text);
}

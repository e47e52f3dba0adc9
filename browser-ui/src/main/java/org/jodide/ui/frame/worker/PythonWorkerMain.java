package org.jodide.ui.frame.worker;

import org.jodide.core.Language;
import org.jodide.core.kernel.ExecutionListener;
import org.jodide.core.kernel.KernelTiming;
import org.jodide.core.kernel.OutputBatcher;
import org.jodide.core.kernel.OutputStream;
import org.jodide.core.protocol.FrameToEditor;
import org.jodide.core.protocol.FrameToWorker;
import org.jodide.core.protocol.ProtocolException;
import org.jodide.core.protocol.WorkerCodec;
import org.jodide.core.protocol.WorkerToFrame;
import org.jodide.pyodide.DataFile;
import org.jodide.pyodide.PyodideOptions;
import org.jodide.pyodide.PythonRuntime;
import org.jodide.ui.dom.EngineJsonStrings;
import org.jodide.ui.dom.LocalTimes;
import org.jodide.ui.frame.TaskEnd;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSArrayReader;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Entry point of the Python worker ({@code python-worker.js}, compiled by TeaVM; started by the
 * eval frame's {@link WorkerPythonRuntime}). Loads Pyodide with Jodide's kernel
 * ({@link PythonRuntime}, the same as on the frame's main thread), gives it the frame's interrupt
 * buffer and a blocking {@code input()}, and runs what the frame sends, one run at a time,
 * answering with {@link WorkerToFrame} messages.
 *
 * <p>The frame sends runs ahead (Run All sends every chunk at once) and this worker queues them:
 * a chunk starts as soon as the one before it ends, without a round trip to the frame. Queued runs
 * go back to back for {@link #SLICE_MS} ms at most, then the worker lets the frame's messages in
 * before it goes on. When a run of a failure group fails, the queued runs of that group are answered
 * {@link WorkerToFrame.Skipped}; so are those a Stop dropped ({@link FrameToWorker.DropQueued}, and at
 * once through the shared interrupt buffer, which this loop reads before each run).
 */
public final class PythonWorkerMain implements FrameToWorker.Handler {
    /** Milliseconds between two download progress reports. */
    private static final int PROGRESS_INTERVAL_MS = 100;
    /** Milliseconds of queued runs carried out back to back before the frame's messages are let in. */
    static final int SLICE_MS = 20;
    private PythonRuntime python;
    private JSObject interruptBuffer;
    private JSObject inputBuffer;
    private int runningId = -1;
    /** The running run's listener, which holds its printed text a moment; null between runs. */
    private OutputBatcher runningOutput;
    /** Runs sent by the frame that wait for the one running, in the order sent. */
    private final Deque<FrameToWorker.Run> queued = new ArrayDeque<>();
    /** Data files that came before Python was loaded: written once it is. */
    private final Map<String, DataFile> pendingDataFiles = new LinkedHashMap<>();
    /** Failure groups in which a run failed: their runs are skipped, those queued and those still to come. */
    private final Set<Integer> failedGroups = new HashSet<>();
    /** {@link #startQueued} is on the stack: a run that ends at once lets its loop start the next. */
    private boolean starting;
    private boolean resumeScheduled;
    /** This task's time for queued runs: one slice per task, however many messages the task delivers. */
    private final TaskSlice slice = new TaskSlice(SLICE_MS, WorkerScope::now, TaskEnd::then);
    private double lastProgressAt = -PROGRESS_INTERVAL_MS;

    private PythonWorkerMain() {
    }

    public static void main(String[] args) {
        EngineJsonStrings.install();
        PythonWorkerMain worker = new PythonWorkerMain();
        WorkerScope.listen(worker::receive);
    }

    private void receive(String wire, JSObject interrupt, JSObject input) {
        if (interrupt != null) {
            interruptBuffer = interrupt;
            inputBuffer = input;
        }
        try {
            WorkerCodec.decodeFrameToWorker(wire).accept(this);
        } catch (ProtocolException e) {
            WorkerScope.consoleError("Jodide Python worker: rejected a message from the frame: " + e.getMessage());
        }
    }

    private static void post(WorkerToFrame message) {
        WorkerScope.post(WorkerCodec.encode(message));
    }

    @Override
    public void start(FrameToWorker.Start message) {
        PyodideOptions options = new PyodideOptions(message.siteUrl() + PyodideOptions.DEFAULT_INDEX_URL,
                message.packageIndexUrl(), message.packageTimeoutMs(), message.loadTimeoutMs());
        PythonRuntime.load(options, this::progress, runtime -> {
            python = runtime;
            runtime.onFatal(reason -> post(new WorkerToFrame.Lost(reason)));
            runtime.onOutputOutsideRuns((stream, text) -> post(new WorkerToFrame.OutsideRunOutput(stream, text)));
            runtime.setInterruptBuffer(WorkerScope.signalSlot(interruptBuffer));
            runtime.installInterruptHandler(WorkerScope.firstDelivery(interruptBuffer));
            runtime.installOutputFlush(WorkerScope.function(this::flushOutput));
            runtime.installSleep(WorkerScope.signalWaiter(interruptBuffer));
            pendingDataFiles.values().forEach(runtime::writeDataFile);
            pendingDataFiles.clear();
            // What the run printed before it asks goes first: while it waits, no timer can send it.
            runtime.installLineReader(WorkerScope.lineReader(inputBuffer, interruptBuffer, (prompt, password) -> {
                flushOutput();
                post(new WorkerToFrame.InputRequest(runningId, prompt, password));
            }));
            post(new WorkerToFrame.Ready(runtime.pyodideVersion()));
        }, failure -> post(new WorkerToFrame.LoadFailed(failure)));
    }

    private void progress(double loadedBytes, double totalBytes) {
        double now = WorkerScope.now();
        if ((totalBytes > 0 && loadedBytes >= totalBytes) || now - lastProgressAt >= PROGRESS_INTERVAL_MS) {
            lastProgressAt = now;
            post(new WorkerToFrame.LoadProgress((int) loadedBytes, (int) totalBytes));
        }
    }

    @Override
    public void putDataFile(FrameToWorker.PutDataFile message) {
        JSObject bytes = WorkerScope.takeBytes(message.name());
        if (bytes == null) {
            WorkerScope.consoleError("Jodide: the bytes of data file " + message.name() + " did not come before it");
            return;
        }
        DataFile file = new DataFile(message.name(), bytes, message.lastUpdated());
        if (python == null) {
            pendingDataFiles.put(file.name(), file);
        } else {
            python.writeDataFile(file);
        }
    }

    @Override
    public void listHome(FrameToWorker.ListHome message) {
        post(new WorkerToFrame.HomeListed(message.requestId(), python == null ? List.of() : python.homeFiles()));
    }

    @Override
    public void readHome(FrameToWorker.ReadHome message) {
        if (python == null) {
            post(new WorkerToFrame.HomeRead(message.requestId(), null, "Python is still starting"));
            return;
        }
        python.readHomeFile(message.name(), (base64, error) -> post(new WorkerToFrame.HomeRead(message.requestId(), base64, error)));
    }

    @Override
    public void removeDataFile(FrameToWorker.RemoveDataFile message) {
        pendingDataFiles.remove(message.name());
        if (python != null) {
            python.removeDataFile(message.name());
        }
    }

    @Override
    public void run(FrameToWorker.Run message) {
        queued.addLast(message);
        startQueued();
    }

    @Override
    public void dropQueued(FrameToWorker.DropQueued message) {
        FrameToWorker.Run dropped;
        while ((dropped = queued.pollFirst()) != null) {
            post(new WorkerToFrame.Skipped(dropped.runId()));
        }
    }

    /**
     * Starts queued runs while none runs; a loop, not a recursion: a run that ends at once (nearly
     * every chunk) lets the loop start the next. Once this task has spent {@link #SLICE_MS} ms on
     * runs ({@link TaskSlice}; a batch of messages is one task) it resumes from a task of its own,
     * so that the frame's messages get in between.
     */
    private void startQueued() {
        if (starting) {
            return;
        }
        starting = true;
        try {
            while (runningId == -1 && !queued.isEmpty()) {
                if (slice.used()) {
                    resumeLater();
                    return;
                }
                FrameToWorker.Run next = queued.pollFirst();
                if (failedGroups.contains(next.failureGroup())
                        || (interruptBuffer != null && next.runId() <= WorkerScope.droppedUpTo(interruptBuffer))) {
                    // Its group failed, or a Stop dropped it while this worker was busy (the message
                    // saying so would wait behind this loop).
                    post(new WorkerToFrame.Skipped(next.runId()));
                    continue;
                }
                start(next);
            }
        } finally {
            starting = false;
        }
    }

    private void resumeLater() {
        if (!resumeScheduled) {
            resumeScheduled = true;
            WorkerScope.schedule(0, () -> {
                resumeScheduled = false;
                startQueued();
            });
        }
    }

    /**
     * Sends the running run's printed text to the frame now (Python's SIGUSR1 handler calls it when
     * the frame asks, and the line reader before it waits: while a run computes or waits, the timers
     * that would send it cannot fire). The same as any kernel that is about to hold its thread:
     * {@link ExecutionListener#blocking()} sends what the run's listeners hold.
     */
    private void flushOutput() {
        if (runningOutput == null) {
            return;
        }
        python.flushPrinted();
        runningOutput.blocking();
    }

    private void start(FrameToWorker.Run message) {
        int runId = message.runId();
        runningId = runId;
        OutputBatcher reply = new OutputBatcher(new ExecutionListener() {
            private int kernelMillis = WorkerToFrame.Finished.NOT_TIMED;

            @Override
            public void output(OutputStream stream, String text) {
                post(new WorkerToFrame.Output(runId, stream, text));
            }

            @Override
            public void timed(double milliseconds) {
                kernelMillis = KernelTiming.wholeMillis(milliseconds);
            }

            @Override
            public void display(String mimeType, String data) {
                post(new WorkerToFrame.Display(runId, mimeType, data));
            }

            @Override
            public void display(String mimeType, String data, String displayId, boolean update) {
                post(new WorkerToFrame.Display(runId, mimeType, data, displayId, update));
            }

            @Override
            public void clearOutput() {
                post(new WorkerToFrame.ClearOutput(runId));
            }

            /** What waits in the channel's batch goes now (message-batches.js). */
            @Override
            public void blocking() {
                WorkerScope.flushToFrame();
            }

            @Override
            public void finished(String value, String error) {
                runningId = -1;
                runningOutput = null;
                post(new WorkerToFrame.Finished(runId, value, error, kernelMillis));
                if (error != null && message.failureGroup() != 0) {
                    failedGroups.add(message.failureGroup());
                }
                startQueued();
            }
        }, TIMER);
        runningOutput = reply;
        if (python == null) {
            reply.finished(null, "Python is not loaded in the worker yet");
            return;
        }
        python.run(message.code(), message.sourceName(), message.firstLine(), new KernelTiming(reply, LocalTimes::monotonic));
    }

    @Override
    public void complete(FrameToWorker.Complete message) {
        List<String> names = new ArrayList<>();
        if (python != null) {
            for (String name : linesOf(python.completionsJson(message.token())).split("\n")) {
                if (!name.isEmpty()) {
                    names.add(name);
                }
            }
        }
        post(new WorkerToFrame.Completions(message.requestId(), names));
    }

    @Override
    public void inspect(FrameToWorker.Inspect message) {
        post(new WorkerToFrame.Inspection(message.requestId(), python == null ? "" : python.helpText(message.before(), message.after())));
    }

    @Override
    public void listVariables(FrameToWorker.ListVariables message) {
        List<FrameToEditor.Variable> variables = new ArrayList<>();
        if (python != null) {
            JSArrayReader<JSObject> parsed = parse(python.workspaceJson());
            for (int i = 0; i < parsed.getLength(); i++) {
                JSObject entry = parsed.get(i);
                variables.add(new FrameToEditor.Variable(Language.PYTHON, field(entry, "name"), field(entry, "type"),
                        field(entry, "preview")));
            }
        }
        post(new WorkerToFrame.Variables(message.requestId(), variables));
    }

    @Override
    public void installWheel(FrameToWorker.InstallWheel message) {
        int requestId = message.requestId();
        if (python == null) {
            post(new WorkerToFrame.WheelDone(requestId, "Python is not loaded in the worker yet"));
            return;
        }
        python.installWheel(message.url(), text -> post(new WorkerToFrame.WheelStatus(requestId, text)),
                error -> post(new WorkerToFrame.WheelDone(requestId, error)));
    }

    private static final OutputBatcher.Timer TIMER = new OutputBatcher.Timer() {
        @Override
        public double now() {
            return WorkerScope.now();
        }

        @Override
        public void schedule(int delayMs, Runnable task) {
            WorkerScope.schedule(delayMs, task::run);
        }
    };

    @JSBody(params = "json", script = "return JSON.parse(json).join('\\n');")
    private static native String linesOf(String json);

    @JSBody(params = "json", script = "return JSON.parse(json);")
    private static native JSArrayReader<JSObject> parse(String json);

    @JSBody(params = {"entry", "name"}, script = "return String(entry[name]);")
    private static native String field(JSObject entry, String name);
}

package org.jodide.ui.frame;

import org.jodide.core.Language;
import org.jodide.core.kernel.ExecutionListener;
import org.jodide.core.kernel.KernelState;
import org.jodide.core.kernel.OutputBatcher;
import org.jodide.core.kernel.OutputStream;
import org.jodide.core.kernel.SerialQueue;
import org.jodide.core.kernel.SourceNames;
import org.jodide.core.protocol.EditorToFrame;
import org.jodide.core.protocol.FrameToEditor;
import org.jodide.core.protocol.ProtocolCodec;
import org.jodide.core.protocol.ProtocolException;
import org.jodide.iomd.FetchKind;
import org.jodide.pyodide.PyodideOptions;
import org.jodide.pyodide.PythonRuntime;
import org.jodide.ui.dom.ReportLibs;
import org.jodide.ui.dom.WindowMessages;
import org.jodide.ui.frame.runtime.LanguageRuntime;
import org.jodide.ui.frame.worker.PythonPlacement;
import org.jodide.ui.frame.worker.WorkerPythonRuntime;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.browser.Window;
import org.teavm.jso.dom.html.HTMLDocument;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Entry point of the eval frame ({@code evalframe.html}), loaded in a sandboxed iframe (no
 * {@code allow-same-origin}): an opaque origin that cannot reach the editor's storage, in its own process, so an endless loop here never freezes the editor. It hosts the
 * report, runs JS and Python one chunk at a time, and talks to its parent only through the protocol.
 *
 * <p>Security model: this frame runs whatever code its parent sends, so it must never run in the
 * site's own origin. It starts only when its origin is opaque ({@code self.origin === "null"}),
 * which the server guarantees with {@code Content-Security-Policy: sandbox ...} on this page
 * however it is framed. It trusts no origin named in its URL: it listens only to
 * {@code window.parent}, and only when that parent is a page of the site that served this frame
 * ({@code location.origin}, which comes from the frame's address, not from anything a framing
 * page chooses). A page of another site that frames it gets no answer and runs nothing; even if it
 * did, its code would run in an opaque origin, without the site's storage.
 */
public final class EvalFrameMain {
    private final JSObject parent = WindowMessages.parentWindow();
    /** The origin of the site that served this frame: the only origin its parent may have. */
    private final String siteOrigin = siteOrigin();
    private final ReportView report;
    private final ReportOutput reportOutput;
    private final SerialQueue runs = new SerialQueue();
    private final PluginHost plugins = new PluginHost();
    /** Milliseconds between two download progress reports. */
    private static final int PROGRESS_INTERVAL_MS = 100;
    private double lastProgressAt = -PROGRESS_INTERVAL_MS;
    private PythonRuntime python;
    private String pythonFailure;
    /** The chunk whose code runs, or ran last: where {@code iodide.output} writes; null before any run. */
    private String outputChunkId;
    /** That chunk's 0-based place in the notebook, or {@link Integer#MAX_VALUE} when not known (plugin chunks). */
    private int outputOrder = Integer.MAX_VALUE;
    private final List<Consumer<PythonRuntime>> waitingForPython = new ArrayList<>();
    /** Python in a worker, when the frame runs it there (see {@link PythonPlacement}); else null. */
    private WorkerPythonRuntime workerPython;
    /** Runs waiting for a line the user types, by run id: where the answer goes. */
    private final Map<Integer, Consumer<String>> waitingForInput = new HashMap<>();

    private EvalFrameMain() {
        HTMLDocument document = HTMLDocument.current();
        this.report = new ReportView(document, document.getElementById("report"));
        this.reportOutput = new ReportOutput(document, report);
    }

    public static void main(String[] args) {
        ReportLibs.capture();
        if (!isSandboxed()) {
            consoleError("Jodide eval frame: this page runs the code it is sent, so it starts only in a sandbox"
                    + " (an opaque origin), framed by the notebook; refusing to start");
            return;
        }
        new EvalFrameMain().start();
    }

    private void start() {
        if (!IodideGlobal.install(() -> outputChunkId == null ? null : report.outputArea(outputChunkId, outputOrder))) {
            consoleError("Jodide eval frame: iodide-api.js is missing; notebooks have no iodide global");
        }
        WorkspaceSnapshot.recordBaseline();
        WindowMessages.listen(this::receive);
        send(new FrameToEditor.FrameReady());
        send(new FrameToEditor.KernelStatus(KernelState.LOADING, "Loading Python…"));
        PythonPlacement placement = PythonPlacement.choose(hashParameter("python"), WorkerPythonRuntime.available());
        send(new FrameToEditor.StopSupport(placement.keepsState(), placement.note()));
        if (placement == PythonPlacement.WORKER) {
            startWorkerPython();
            return;
        }
        PythonRuntime.load(options(), this::reportDownload, runtime -> {
            python = runtime;
            runtime.exposeToJavaScript();
            send(new FrameToEditor.KernelStatus(runs.isRunning() ? KernelState.BUSY : KernelState.IDLE,
                    "Python " + runtime.pyodideVersion()));
            List<Consumer<PythonRuntime>> waiting = new ArrayList<>(waitingForPython);
            waitingForPython.clear();
            waiting.forEach(callback -> callback.accept(runtime));
        }, failure -> {
            pythonFailure = failure;
            send(new FrameToEditor.KernelStatus(KernelState.FAILED, failure));
            List<Consumer<PythonRuntime>> waiting = new ArrayList<>(waitingForPython);
            waitingForPython.clear();
            waiting.forEach(callback -> callback.accept(null));
        });
    }

    /** Loads Python in a worker, which Stop interrupts (see {@link WorkerPythonRuntime}). */
    private void startWorkerPython() {
        PyodideOptions options = options();
        workerPython = new WorkerPythonRuntime(siteBaseUrl(), options.packageIndexUrl(), options.packageTimeoutMs(),
                new WorkerPythonRuntime.Restarts() {
                    @Override
                    public void restarting(String reason) {
                        send(new FrameToEditor.KernelStatus(KernelState.LOADING, "Restarting Python…"));
                    }

                    @Override
                    public void restarted(String description) {
                        send(new FrameToEditor.KernelStatus(runs.isRunning() ? KernelState.BUSY : KernelState.IDLE,
                                description));
                    }

                    @Override
                    public void failed(String reason) {
                        send(new FrameToEditor.KernelStatus(KernelState.FAILED, reason));
                    }
                });
        workerPython.load(new LanguageRuntime.LoadListener() {
            @Override
            public void progress(double loadedBytes, double totalBytes) {
                reportDownload(loadedBytes, totalBytes);
            }

            @Override
            public void ready(String description) {
                send(new FrameToEditor.KernelStatus(runs.isRunning() ? KernelState.BUSY : KernelState.IDLE, description));
            }

            @Override
            public void failed(String reason) {
                pythonFailure = reason;
                send(new FrameToEditor.KernelStatus(KernelState.FAILED, reason));
            }
        });
    }

    /** Sends download progress at most every {@link #PROGRESS_INTERVAL_MS} ms, and always the last step. */
    private void reportDownload(double loadedBytes, double totalBytes) {
        double now = now();
        boolean complete = totalBytes > 0 && loadedBytes >= totalBytes;
        if (complete || now - lastProgressAt >= PROGRESS_INTERVAL_MS) {
            lastProgressAt = now;
            send(new FrameToEditor.LoadProgress((int) loadedBytes, (int) totalBytes));
        }
    }

    @JSBody(script = "return performance.now();")
    private static native double now();

    private void receive(JSObject source, String origin, String data) {
        // Only the window that framed us, and only when it is a page of this site (see the class comment).
        if (!WindowMessages.same(source, parent) || !siteOrigin.equals(origin)) {
            return;
        }
        EditorToFrame message;
        try {
            message = ProtocolCodec.decodeEditorToFrame(data);
        } catch (ProtocolException e) {
            consoleError("Jodide eval frame: rejected a message from the editor: " + e.getMessage());
            return;
        }
        if (message instanceof EditorToFrame.RunCode) {
            EditorToFrame.RunCode run = (EditorToFrame.RunCode) message;
            runs.submit(done -> execute(run, done));
        } else if (message instanceof EditorToFrame.Complete) {
            // Answered at once, not queued: completion must not wait behind a long run.
            EditorToFrame.Complete complete = (EditorToFrame.Complete) message;
            if (workerPython != null && complete.language() == Language.PYTHON) {
                workerPython.complete(complete.token(),
                        names -> send(new FrameToEditor.Completions(complete.requestId(), names)));
                return;
            }
            send(new FrameToEditor.Completions(complete.requestId(),
                    Completions.complete(complete.language(), complete.token(), python)));
        } else if (message instanceof EditorToFrame.RegisterPlugin) {
            EditorToFrame.RegisterPlugin plugin = (EditorToFrame.RegisterPlugin) message;
            runs.submit(done -> {
                ExecutionListener reply = replyTo(plugin.runId(), done);
                plugins.register(plugin.languageId(), plugin.url(), plugin.module(), plugin.evaluator(),
                        plugin.asyncEvaluator(), error -> reply.finished(null, error));
            });
        } else if (message instanceof EditorToFrame.RunPluginCode) {
            EditorToFrame.RunPluginCode run = (EditorToFrame.RunPluginCode) message;
            runs.submit(done -> {
                startOutput(run.chunkId(), Integer.MAX_VALUE);
                plugins.run(run, replyTo(run.runId(), done));
            });
        } else if (message instanceof EditorToFrame.RunFetch) {
            EditorToFrame.RunFetch fetch = (EditorToFrame.RunFetch) message;
            runs.submit(done -> fetchAll(fetch, done));
        } else if (message instanceof EditorToFrame.ShowHtml) {
            EditorToFrame.ShowHtml show = (EditorToFrame.ShowHtml) message;
            report.showHtml(show.chunkId(), show.order(), show.html());
        } else if (message instanceof EditorToFrame.RemoveFromReport) {
            report.remove(((EditorToFrame.RemoveFromReport) message).chunkId());
        } else if (message instanceof EditorToFrame.ApplyCss) {
            EditorToFrame.ApplyCss css = (EditorToFrame.ApplyCss) message;
            report.applyCss(css.chunkId(), css.order(), css.css());
        } else if (message instanceof EditorToFrame.SetTheme) {
            report.setTheme(((EditorToFrame.SetTheme) message).theme());
        } else if (message instanceof EditorToFrame.SetTrust) {
            report.setTrust(((EditorToFrame.SetTrust) message).trust());
        } else if (message instanceof EditorToFrame.Interrupt) {
            // Only a worker can be interrupted: on this thread, a running chunk never lets this message in.
            if (workerPython != null) {
                workerPython.interrupt();
            }
        } else if (message instanceof EditorToFrame.InputReply) {
            EditorToFrame.InputReply reply = (EditorToFrame.InputReply) message;
            Consumer<String> answer = waitingForInput.remove(reply.runId());
            if (answer != null) {
                answer.accept(reply.text());
            }
        }
    }

    /**
     * A listener that reports a run to the editor, then lets the next run start. Printed text is
     * sent in batches ({@link OutputBatcher}): one message per line is what made long outputs slow.
     */
    private ExecutionListener replyTo(int runId, Runnable done) {
        return new OutputBatcher(new ExecutionListener() {
            @Override
            public void output(OutputStream stream, String text) {
                send(new FrameToEditor.StreamOutput(runId, stream, text));
            }

            @Override
            public void display(String mimeType, String data) {
                send(new FrameToEditor.DisplayData(runId, mimeType, data));
            }

            @Override
            public void inputRequested(String prompt, boolean password, Consumer<String> answer) {
                waitingForInput.put(runId, answer);
                send(new FrameToEditor.InputRequest(runId, prompt, password));
            }

            @Override
            public void finished(String value, String error) {
                waitingForInput.remove(runId);
                send(new FrameToEditor.RunFinished(runId, value, error));
                sendWorkspace();
                done.run();
                if ((python != null || workerPython != null) && !runs.isRunning()) {
                    send(new FrameToEditor.KernelStatus(KernelState.IDLE, ""));
                }
            }
        }, BATCH_TIMER);
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

    /** What {@code chunkId} wrote last time goes; what it writes now goes in its place. */
    private void startOutput(String chunkId, int order) {
        outputChunkId = chunkId;
        outputOrder = order;
        report.clearOutput(chunkId);
    }

    private void execute(EditorToFrame.RunCode run, Runnable done) {
        startOutput(run.chunkId(), run.order());
        ExecutionListener listener = reportOutput.around(run, replyTo(run.runId(), done));
        String sourceName = SourceNames.of(run.language(), run.firstLine());
        if (run.language() == Language.JAVASCRIPT) {
            JsEvaluator.evaluate(run.code(), run.firstLine(), sourceName, listener);
            return;
        }
        if (workerPython != null) {
            send(new FrameToEditor.KernelStatus(KernelState.BUSY, ""));
            workerPython.run(run.code(), sourceName, run.firstLine(), listener);
            return;
        }
        withPython(runtime -> {
            if (runtime == null) {
                listener.finished(null, "Python is not available: " + pythonFailure);
                return;
            }
            send(new FrameToEditor.KernelStatus(KernelState.BUSY, ""));
            runtime.run(run.code(), sourceName, run.firstLine(), listener);
        });
    }

    /** spec: all lines of a fetch chunk load in parallel; the chunk ends when every line has settled. */
    private void fetchAll(EditorToFrame.RunFetch fetch, Runnable done) {
        List<EditorToFrame.FetchRequest> lines = fetch.lines();
        int[] pending = {lines.size()};
        int[] failed = {0};
        Runnable finishIfSettled = () -> {
            if (pending[0] == 0) {
                String error = failed[0] == 0 ? null
                        : failed[0] + " of " + lines.size() + " fetch line" + (lines.size() == 1 ? "" : "s") + " failed";
                send(new FrameToEditor.RunFinished(fetch.runId(), null, error));
                sendWorkspace();
                done.run();
            }
        };
        for (int i = 0; i < lines.size(); i++) {
            int index = i;
            EditorToFrame.FetchRequest line = lines.get(i);
            PluginHost.Registered settled = (error, detail, language) -> {
                send(new FrameToEditor.FetchLineDone(fetch.runId(), index, error, detail == null ? "" : detail, language));
                pending[0]--;
                if (error != null) {
                    failed[0]++;
                }
                finishIfSettled.run();
            };
            if (line.kind() == FetchKind.WHEEL) {
                installWheel(fetch.runId(), line.url(), (error, detail) -> settled.settled(error, detail, null));
            } else if (line.kind() == FetchKind.PLUGIN) {
                plugins.registerFromUrl(line.url(), settled);
            } else {
                FetchLoader.load(line, (error, detail) -> settled.settled(error, detail, null));
            }
        }
        finishIfSettled.run();
    }

    /** spec: a wheel line installs a pure-Python wheel into the kernel (Pyodide's loadPackage, with a deadline). */
    private void installWheel(int runId, String url, FetchLoader.Done settled) {
        if (workerPython != null) {
            workerPython.installWheel(url,
                    progress -> send(new FrameToEditor.StreamOutput(runId, OutputStream.STATUS, progress + "\n")),
                    error -> settled.settled(error, error == null ? "installed" : ""));
            return;
        }
        withPython(runtime -> {
            if (runtime == null) {
                settled.settled("Python is not available: " + pythonFailure, "");
                return;
            }
            runtime.installWheel(url,
                    progress -> send(new FrameToEditor.StreamOutput(runId, OutputStream.STATUS, progress + "\n")),
                    error -> settled.settled(error, error == null ? "installed" : ""));
        });
    }

    private void sendWorkspace() {
        if (workerPython != null) {
            List<FrameToEditor.Variable> javascript = WorkspaceSnapshot.collect(null);
            workerPython.variables(pythonVariables -> {
                List<FrameToEditor.Variable> all = new ArrayList<>(pythonVariables);
                all.addAll(javascript);
                send(new FrameToEditor.Workspace(all));
            });
            return;
        }
        try {
            send(new FrameToEditor.Workspace(WorkspaceSnapshot.collect(python)));
        } catch (RuntimeException e) {
            consoleError("Jodide eval frame: could not list the workspace: " + e.getMessage());
        }
    }

    private void withPython(Consumer<PythonRuntime> callback) {
        if (python != null || pythonFailure != null) {
            callback.accept(python);
        } else {
            waitingForPython.add(callback);
        }
    }

    /**
     * Posts to the parent, only if it is a page of this site (the target origin). Nothing here is
     * the site's data anyway: this frame's origin is opaque (checked in {@link #main}), so all it
     * sends is its own status and the results of code that the parent itself sent.
     */
    private void send(FrameToEditor message) {
        WindowMessages.post(parent, ProtocolCodec.encode(message), siteOrigin);
    }

    /**
     * The origin of this frame's address. Unlike {@code self.origin} (opaque, "null", in a
     * sandbox), {@code location.origin} is that of the URL the frame was loaded from.
     */
    @JSBody(script = "return String(location.origin);")
    private static native String siteOrigin();

    /** Whether this page has an opaque origin (sandboxed by its CSP or its iframe) and is framed. */
    @JSBody(script = "return self.origin === 'null' && window.parent !== window;")
    private static native boolean isSandboxed();

    /**
     * Pyodide options: the defaults, overridden by {@code packageIndex} (URL) and
     * {@code packageTimeoutMs} in the frame URL's hash, which the editor forwards from its own URL.
     */
    private static PyodideOptions options() {
        PyodideOptions options = PyodideOptions.defaults();
        String index = hashParameter("packageIndex");
        if (index != null && !index.isEmpty()) {
            options = options.withPackageIndexUrl(absolute(index.endsWith("/") ? index : index + "/"));
        }
        String timeout = hashParameter("packageTimeoutMs");
        if (timeout != null) {
            try {
                options = options.withPackageTimeoutMs(Integer.parseInt(timeout));
            } catch (IllegalArgumentException e) {
                consoleError("Jodide eval frame: ignoring packageTimeoutMs=" + timeout + ": " + e.getMessage());
            }
        }
        return options;
    }

    /** The folder of this frame's address, absolute, ending with '/': the site's root. */
    @JSBody(script = "return new URL('.', location.href).href;")
    private static native String siteBaseUrl();

    @JSBody(params = "name", script = "var found = new RegExp('[#&]' + name + '=([^&]*)').exec(location.hash);"
            + "return found ? decodeURIComponent(found[1]) : null;")
    private static native String hashParameter(String name);

    /** {@code url} resolved against this frame's address (a worker has no address to resolve against). */
    @JSBody(params = "url", script = "return new URL(url, location.href).href;")
    private static native String absolute(String url);

    @JSBody(params = "text", script = "console.error(text);")
    private static native void consoleError(String text);
}

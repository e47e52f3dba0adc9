package org.jodide.ui.frame;

import org.jodide.core.kernel.ExecutionListener;
import org.jodide.core.protocol.EditorToFrame;
import org.jodide.core.protocol.FrameToEditor;
import org.jodide.core.protocol.ProtocolCodec;
import org.jodide.core.protocol.ProtocolException;
import org.jodide.pyodide.DataFile;
import org.jodide.pyodide.PyodideOptions;
import org.jodide.ui.dom.EngineJsonStrings;
import org.jodide.ui.dom.LocalTimes;
import org.jodide.ui.dom.MessagePorts;
import org.jodide.ui.dom.ReportLibs;
import org.jodide.ui.dom.WindowMessages;
import org.jodide.ui.frame.runtime.LanguageRuntime;
import org.jodide.ui.frame.runtime.RuntimeRegistry;
import org.jodide.ui.frame.runtime.RuntimeStatus;
import org.jodide.ui.frame.worker.PythonPlacement;
import org.jodide.ui.frame.worker.WorkerPythonRuntime;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.dom.html.HTMLDocument;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Entry point of the eval frame ({@code evalframe.html}), loaded in a sandboxed iframe (no
 * {@code allow-same-origin}): an opaque origin that cannot reach the editor's storage, in its own process, so an endless loop here never freezes the editor. It hosts the
 * report, runs the code of every language registered in its {@link RuntimeRegistry} (JavaScript,
 * Python, plugin languages; {@link RunRouter} routes each run by language id), one run at a time as
 * the editor sends them, and talks to its parent only through the protocol.
 *
 * <p>Security model: this frame runs whatever code its parent sends, so it must never run in the
 * site's own origin. It starts only when its origin is opaque ({@code self.origin === "null"}),
 * which the server guarantees with {@code Content-Security-Policy: sandbox ...} on this page
 * however it is framed. It trusts no origin named in its URL: it listens only to
 * {@code window.parent}, and only when that parent is a page of the site that served this frame
 * ({@code location.origin}, which comes from the frame's address, not from anything a framing
 * page chooses). A page of another site that frames it gets no answer and runs nothing; even if it
 * did, its code would run in an opaque origin, without the site's storage.
 *
 * <p>The one exception is a frame made by the embed script ({@code embed.js}) in a documentation
 * page of any site: its URL says {@code #embedded=1}, and it takes its channel from whatever page
 * framed it. That names no origin to trust and grants nothing: the frame's origin is opaque either
 * way, so the framing page can only run code in a sandbox it could have made itself, and all the
 * frame sends back is the results of that page's own code (see docs/embed.md).
 */
public final class EvalFrameMain {
    private final JSObject parent = WindowMessages.parentWindow();
    /** The origin of the site that served this frame: the only origin its parent may have. */
    private final String siteOrigin = siteOrigin();
    /** Made by the embed script for a page of any site: the parent's origin is not checked (see the class comment). */
    private final boolean embedded = "1".equals(hashParameter("embedded"));
    private final ReportView report;
    private final RuntimeRegistry runtimes = new RuntimeRegistry();
    private final RuntimeStatus status = new RuntimeStatus((state, detail) -> send(new FrameToEditor.KernelStatus(state, detail)));
    private final RunRouter runs;
    /** The runtime of py chunks; the user's data files go to it when it keeps them ({@link DataFileTarget}). */
    private LanguageRuntime python;
    private final ReportOutput reportOutput;
    /** The editor's markdown renderer, asked for text/markdown outputs. */
    private final MarkdownFromEditor markdown = new MarkdownFromEditor(this::send);
    private final ServerGlobalReads serverGlobals = new ServerGlobalReads(this::send);
    /** Notebook code's iodide.file.save and delete, asked of the editor. */
    private final DataFileRequests dataFileRequests = new DataFileRequests(this::send);
    /** The views in the report of runs of another kernel (Python on a Jupyter server), by chunk id, while they run. */
    private final Map<String, ExecutionListener> remoteRuns = new HashMap<>();
    /** Milliseconds between two download progress reports. */
    private static final int PROGRESS_INTERVAL_MS = 100;
    private double lastProgressAt = -PROGRESS_INTERVAL_MS;
    /** The channel the editor gave with {@link EditorToFrame.OpenChannel}; null until then. */
    private MessagePorts.Port channel;
    /** What was sent before the channel opened, sent through it once it does. */
    private final List<String> unsent = new ArrayList<>();

    private EvalFrameMain() {
        HTMLDocument document = HTMLDocument.current();
        this.report = new ReportView(document, document.getElementById("report"));
        this.reportOutput = new ReportOutput(document, report, markdown);
        this.runs = new RunRouter(runtimes, status, report, reportOutput, this::send, this::flushToEditor);
    }

    public static void main(String[] args) {
        ReportLibs.capture();
        if (!isSandboxed()) {
            consoleError("Jodide eval frame: this page runs the code it is sent, so it starts only in a sandbox"
                    + " (an opaque origin), framed by the notebook; refusing to start");
            return;
        }
        EngineJsonStrings.install();
        new EvalFrameMain().start();
    }

    private void start() {
        if (!IodideGlobal.install(runs::currentOutputArea) || !dataFileRequests.connect()) {
            consoleError("Jodide eval frame: frame-runtime.js is missing; notebooks have no iodide global");
        }
        if (!UncaughtErrors.watch((source, text) -> send(new FrameToEditor.UncaughtError(source, text)))) {
            consoleError("Jodide eval frame: uncaught-errors.js is missing; errors in timers and promises reach only the devtools");
        }
        WorkspaceSnapshot.recordBaseline();
        if (!embedded) {
            ShortcutForwarding.install(this::send);
            // A link followed here would load its page in place of the report and the kernel.
            if (!ReportLibs.openLinksOutside(HTMLDocument.current(), href -> send(new FrameToEditor.OpenLink(href)),
                    (name, base64, error) -> send(new FrameToEditor.DownloadFile(name, base64, error)))) {
                consoleError("Jodide eval frame: report-libs.js is missing; a link clicked in the report replaces it");
            }
        }
        WindowMessages.listenWithPorts(this::receiveFromWindow);
        // FrameReady carries nothing: an embedding page of any origin may hear it.
        WindowMessages.post(parent, ProtocolCodec.encode(new FrameToEditor.FrameReady()), embedded ? "*" : siteOrigin);
        // Where Python runs decides what Stop does; the editor is told before Python is ready.
        PythonPlacement placement = PythonPlacement.choose(hashParameter("python"), WorkerPythonRuntime.available());
        send(new FrameToEditor.StopSupport(placement.keepsState(), placement.note()));
        if (placement != PythonPlacement.WORKER) {
            WorkerPythonRuntime.discardEarlyWorker();
        }
        // The languages this frame runs; plugin chunks add theirs (RunRouter). Python first: its
        // variables list first in the workspace.
        python = pythonRuntime(placement);
        register(python);
        register(new JavaScriptRuntime());
        status.start();
    }

    /** The runtime that runs py chunks where {@code placement} says. */
    private LanguageRuntime pythonRuntime(PythonPlacement placement) {
        return switch (placement) {
            case WORKER -> workerPython();
            case MICROPYTHON -> new MicroPythonRuntime();
            case MAIN_THREAD, MAIN_THREAD_NOT_ISOLATED -> new PyodideRuntime(options(), reason -> send(new FrameToEditor.KernelLost(reason)));
        };
    }

    private void register(LanguageRuntime runtime) {
        runtime.onOutputOutsideRuns((source, stream, text) -> send(new FrameToEditor.OutsideRunOutput(source, stream, text)));
        runtimes.register(runtime, status.tracking(runtime, this::reportDownload));
    }

    /**
     * Python in a worker, which Stop interrupts keeping its state (see {@link WorkerPythonRuntime});
     * its restarts reach the kernel status as reloads of its load ({@link RuntimeStatus}).
     */
    private LanguageRuntime workerPython() {
        PyodideOptions options = options();
        return new WorkerPythonRuntime(siteBaseUrl(), options.packageIndexUrl(), options.packageTimeoutMs(),
                options.loadTimeoutMs(), reason -> send(new FrameToEditor.KernelLost(reason)));
    }

    /** Sends download progress at most every {@link #PROGRESS_INTERVAL_MS} ms, and always the last step. */
    private void reportDownload(double loadedBytes, double totalBytes) {
        double now = LocalTimes.monotonic();
        boolean complete = totalBytes > 0 && loadedBytes >= totalBytes;
        if (complete || now - lastProgressAt >= PROGRESS_INTERVAL_MS) {
            lastProgressAt = now;
            send(new FrameToEditor.LoadProgress((int) loadedBytes, (int) totalBytes));
        }
    }

    /**
     * Window messages: only the editor's {@link EditorToFrame.OpenChannel}, from the window that
     * framed us and only when it is a page of this site (see the class comment). Everything else
     * comes through the channel it carries, which only the editor holds the other end of.
     */
    private void receiveFromWindow(JSObject source, String origin, String data, MessagePorts.Port port) {
        boolean trustedOrigin = embedded || siteOrigin.equals(origin);
        if (!WindowMessages.same(source, parent) || !trustedOrigin || port == null || channel != null) {
            return;
        }
        if (decode(data) instanceof EditorToFrame.OpenChannel) {
            channel = port;
            MessagePorts.listen(port, wire -> receive(decode(wire)));
            List<String> waiting = new ArrayList<>(unsent);
            unsent.clear();
            waiting.forEach(wire -> MessagePorts.post(port, wire));
        }
    }

    private static EditorToFrame decode(String data) {
        if (data == null) {
            return null;
        }
        try {
            return ProtocolCodec.decodeEditorToFrame(data);
        } catch (ProtocolException e) {
            consoleError("Jodide eval frame: rejected a message from the editor: " + e.getMessage());
            return null;
        }
    }

    private void receive(EditorToFrame message) {
        if (message != null) {
            message.accept(fromEditor);
        }
    }

    /** What each message from the editor does here. */
    private final EditorToFrame.Handler fromEditor = new EditorToFrame.Handler() {
        @Override
        public void runCode(EditorToFrame.RunCode message) {
            runs.run(message);
        }

        @Override
        public void showHtml(EditorToFrame.ShowHtml message) {
            report.showHtml(message.chunkId(), message.order(), message.html());
        }

        @Override
        public void runFetch(EditorToFrame.RunFetch message) {
            runs.fetch(message);
        }

        @Override
        public void registerPlugin(EditorToFrame.RegisterPlugin message) {
            runs.registerPlugin(message);
        }

        @Override
        public void runPluginCode(EditorToFrame.RunPluginCode message) {
            runs.runPlugin(message);
        }

        @Override
        public void complete(EditorToFrame.Complete message) {
            runs.complete(message);
        }

        @Override
        public void inspect(EditorToFrame.Inspect message) {
            runs.inspect(message);
        }

        @Override
        public void openChannel(EditorToFrame.OpenChannel message) {
            // Only the first one does anything, as a window message (receiveFromWindow).
        }

        @Override
        public void removeFromReport(EditorToFrame.RemoveFromReport message) {
            report.remove(message.chunkId());
        }

        @Override
        public void clearReportOutput(EditorToFrame.ClearReportOutput message) {
            report.clearOutput(message.chunkId());
        }

        @Override
        public void applyCss(EditorToFrame.ApplyCss message) {
            report.applyCss(message.chunkId(), message.order(), message.css());
        }

        @Override
        public void putDataFile(EditorToFrame.PutDataFile message) {
            JSObject bytes = MessagePorts.takeBytes(message.name());
            if (bytes == null) {
                consoleError("Jodide: the bytes of data file " + message.name() + " did not come before it; not given to the notebook");
                return;
            }
            IodideGlobal.putDataFile(message.name(), bytes, message.lastUpdated());
            if (python instanceof DataFileTarget target) {
                target.putDataFile(new DataFile(message.name(), bytes, message.lastUpdated()));
            }
        }

        @Override
        public void listHomeFiles(EditorToFrame.ListHomeFiles message) {
            if (python instanceof DataFileTarget target) {
                target.listHome((files, unavailable) -> send(new FrameToEditor.HomeFiles(message.requestId(), files, unavailable)));
            } else {
                send(new FrameToEditor.HomeFiles(message.requestId(), List.of(), "This Python (MicroPython) keeps no files here."));
            }
        }

        @Override
        public void readHomeFile(EditorToFrame.ReadHomeFile message) {
            if (python instanceof DataFileTarget target) {
                target.readHome(message.name(), (base64, error) ->
                        send(new FrameToEditor.HomeFileRead(message.requestId(), message.name(), base64, error)));
            } else {
                send(new FrameToEditor.HomeFileRead(message.requestId(), message.name(), null, "This Python (MicroPython) keeps no files here."));
            }
        }

        @Override
        public void removeDataFile(EditorToFrame.RemoveDataFile message) {
            IodideGlobal.removeDataFile(message.name());
            if (python instanceof DataFileTarget target) {
                target.removeDataFile(message.name());
            }
        }

        @Override
        public void workspaceOnScreen(EditorToFrame.WorkspaceOnScreen message) {
            runs.workspaceOnScreen(message.onScreen());
        }

        @Override
        public void pythonOnServer(EditorToFrame.PythonOnServer message) {
            setPythonOnServer(message.onServer() ? serverGlobals.reader() : null);
        }

        @Override
        public void serverGlobal(EditorToFrame.ServerGlobal message) {
            serverGlobals.answer(message);
        }

        @Override
        public void setTheme(EditorToFrame.SetTheme message) {
            report.setTheme(message.theme());
        }

        @Override
        public void setTrust(EditorToFrame.SetTrust message) {
            report.setTrust(message.trust());
        }

        @Override
        public void interrupt(EditorToFrame.Interrupt message) {
            runs.interrupt();
        }

        @Override
        public void dropQueued(EditorToFrame.DropQueued message) {
            runs.dropQueued();
        }

        @Override
        public void inputReply(EditorToFrame.InputReply message) {
            runs.answerInput(message);
        }

        @Override
        public void snapshotReport(EditorToFrame.SnapshotReport message) {
            send(report.snapshot(message.requestId()));
        }

        @Override
        public void markdownHtml(EditorToFrame.MarkdownHtml message) {
            markdown.answer(message);
        }

        @Override
        public void dataFileDone(EditorToFrame.DataFileDone message) {
            dataFileRequests.answer(message);
        }

        @Override
        public void remoteRunStarted(EditorToFrame.RemoteRunStarted message) {
            remoteRuns.put(message.chunkId(), reportOutput.showing(message.chunkId(), message.order(), message.saved()));
        }

        @Override
        public void remoteRunOutput(EditorToFrame.RemoteRunOutput message) {
            remoteRun(message.chunkId(), run -> run.output(message.stream(), message.text()));
        }

        @Override
        public void remoteRunDisplay(EditorToFrame.RemoteRunDisplay message) {
            remoteRun(message.chunkId(), run -> run.display(message.mimeType(), message.data(), message.displayId(),
                    message.update()));
        }

        @Override
        public void remoteRunCleared(EditorToFrame.RemoteRunCleared message) {
            remoteRun(message.chunkId(), ExecutionListener::clearOutput);
        }

        @Override
        public void remoteRunFinished(EditorToFrame.RemoteRunFinished message) {
            remoteRun(message.chunkId(), run -> run.finished(message.value(), message.error()));
            remoteRuns.remove(message.chunkId());
        }
    };

    /** Passes a step of a remote run to its view in the report, if the run started here (this frame may be newer). */
    private void remoteRun(String chunkId, Consumer<ExecutionListener> step) {
        ExecutionListener run = remoteRuns.get(chunkId);
        if (run != null) {
            step.accept(run);
        }
    }

    /**
     * Sends to the editor through the channel it gave (before that, the message waits). The only
     * window message, {@code FrameReady}, goes to the parent only if it is a page of this site (the
     * target origin). Nothing here is the site's data anyway: this frame's origin is opaque
     * (checked in {@link #main}), so all it sends is its own status and the results of code that
     * the parent itself sent.
     */
    /** Posts what was sent in this task now (before this thread blocks in the browser's prompt()). */
    private void flushToEditor() {
        if (channel != null) {
            MessagePorts.flush(channel);
        }
    }

    private void send(FrameToEditor message) {
        String wire = ProtocolCodec.encode(message);
        if (channel != null) {
            MessagePorts.post(channel, wire);
        } else {
            unsent.add(wire);
        }
    }

    /**
     * The origin of this frame's address. Unlike {@code self.origin} (opaque, "null", in a
     * sandbox), {@code location.origin} is that of the URL the frame was loaded from. A srcdoc frame
     * (made by the editor where the host cannot serve the frame, see handed-frame.js) has no address
     * of its own: its base URL is its parent's, the page that wrote it.
     */
    @JSBody(script = "return location.protocol === 'about:' ? new URL(document.baseURI).origin : String(location.origin);")
    private static native String siteOrigin();

    /** Whether this page has an opaque origin (sandboxed by its CSP or its iframe) and is framed. */
    @JSBody(script = "return self.origin === 'null' && window.parent !== window;")
    private static native boolean isSandboxed();

    /**
     * Pyodide options: the defaults, overridden by {@code packageIndex} (URL),
     * {@code packageTimeoutMs} and {@code loadTimeoutMs} in the frame URL's hash, which the editor forwards from its own URL.
     */
    private static PyodideOptions options() {
        PyodideOptions options = PyodideOptions.defaults();
        String index = hashParameter("packageIndex");
        if (index != null && !index.isEmpty()) {
            options = options.withPackageIndexUrl(absolute(index.endsWith("/") ? index : index + "/"));
        }
        options = withTimeout(options, "packageTimeoutMs", PyodideOptions::withPackageTimeoutMs);
        return withTimeout(options, "loadTimeoutMs", PyodideOptions::withLoadTimeoutMs);
    }

    private static PyodideOptions withTimeout(PyodideOptions options, String name,
                                              java.util.function.BiFunction<PyodideOptions, Integer, PyodideOptions> with) {
        String timeout = hashParameter(name);
        if (timeout == null) {
            return options;
        }
        try {
            return with.apply(options, Integer.parseInt(timeout));
        } catch (IllegalArgumentException e) {
            consoleError("Jodide eval frame: ignoring " + name + "=" + timeout + ": " + e.getMessage());
            return options;
        }
    }

    /** The folder of this frame's base URL (its address, or a srcdoc frame's parent's), absolute, ending with '/': the site's root. */
    @JSBody(script = "return new URL('.', document.baseURI).href;")
    private static native String siteBaseUrl();

    @JSBody(params = "name", script = "return window.jodideFrameRuntime.hashParameter(name);")
    private static native String hashParameter(String name);

    /** {@code url} resolved against this frame's base URL (a worker has no address to resolve against). */
    @JSBody(params = "url", script = "return new URL(url, document.baseURI).href;")
    private static native String absolute(String url);

    @JSBody(params = "text", script = "console.error(text);")
    static native void consoleError(String text);

    /** js chunks' {@code jodide.python.get} reads through {@code reader} while Python runs on a server, else (null) here (frame/jodide-global.js). */
    @JSBody(params = "reader", script = "window.jodideFrameRuntime.setPythonOnServer(window, reader);")
    private static native void setPythonOnServer(ServerGlobalReads.Reader reader);
}

package org.jodide.ui.editor;

import org.jodide.core.Language;
import org.jodide.core.PageShortcut;
import org.jodide.core.Trust;
import org.jodide.core.kernel.ExecuteRequest;
import org.jodide.core.kernel.ExecutionListener;
import org.jodide.core.kernel.FetchListener;
import org.jodide.core.kernel.Kernel;
import org.jodide.core.kernel.OutputStream;
import org.jodide.core.kernel.PendingReplies;
import org.jodide.core.kernel.ForwardingListener;
import org.jodide.core.kernel.RemoteRunReport;
import org.jodide.core.kernel.SavedOutputsReport;
import org.jodide.core.kernel.KernelResources;
import org.jodide.core.kernel.KernelState;
import org.jodide.core.kernel.ReportDisplay;
import org.jodide.core.protocol.EditorToFrame;
import org.jodide.core.protocol.FrameToEditor;
import org.jodide.core.protocol.HomeFile;
import org.jodide.core.protocol.ProtocolCodec;
import org.jodide.core.protocol.ProtocolException;
import org.jodide.ui.dom.MessagePorts;
import org.jodide.ui.dom.WindowMessages;
import org.jodide.ui.output.MarkdownToHtml;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;
import org.teavm.jso.core.JSArrayReader;
import org.teavm.jso.browser.Window;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLIFrameElement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The editor's side of the eval frame: creates the sandboxed iframe, speaks the protocol with
 * it, and is the {@link Kernel}, {@link KernelResources} and {@link ReportDisplay} the rest of the
 * editor uses (only {@link EditorMain} knows this class). Restarting replaces the iframe (killing
 * whatever ran in it, endless loops included) and replays the report into the new one.
 *
 * <p>How frames are made is its page's: the editor page's {@code page-support.js}, or the embed
 * script's ({@link FrameSupport}), which frames the same {@code evalframe.html} in a documentation
 * page of any site.
 *
 * <p>It sends each run as it is asked for and does not queue: the frame queues runs and carries
 * them out in the order sent (the editor's {@code NotebookRunner} sends code chunks ahead), so the
 * runs in flight finish in the order of their ids.
 */
public final class EvalFrame implements Kernel, KernelResources, ReportDisplay, ReportSnapshots, RemoteRunReport,
        SavedOutputsReport {
    static final String RESTARTED = "The kernel was restarted; this run was stopped.";
    /** How long, in ms, Stop waits for the frame to stop a run before it restarts the frame (a JavaScript loop): {@link #interrupt}'s watchdog. */
    public static final int STOP_WATCHDOG_MS = 6000;
    /**
     * How long, in ms, a loaded frame may take to say it is ready. Its scripts have run by its load
     * event and it says so at once; one that has not within this time did not start.
     */
    static final int FRAME_START_GRACE_MS = 10_000;
    /**
     * Why a frame did not start, when it loaded (or was handed its files) but never said ready: its
     * scripts did not run. Where the host sends no CORS headers or cannot be reached the page hands
     * the frame its files (handed-frame.js), so what is left is a copy that could not be read (the
     * console says which file) or a browser that refused the frame's scripts.
     */
    static final String FRAME_DID_NOT_START = "the report's frame loaded but did not start: its scripts did not run."
            + " Offline, this browser may have no copy of the site yet (it keeps one from a visit online);"
            + " see \"Deploying\" in the README";

    private final HTMLDocument document;
    private final HTMLElement container;
    /** What waits for the channel to the frame, in order: each posts itself to the channel's port. */
    private final List<Consumer<MessagePorts.Port>> outbox = new ArrayList<>();
    /** Runs sent and not finished, in the order sent: the frame carries them out in that order. */
    private final Map<Integer, ExecutionListener> inFlight = new LinkedHashMap<>();
    private static final PendingReplies.Timer PAGE_TIMER = (action, delayMs) -> Window.setTimeout(action::run, delayMs);
    // Requests the frame answers at once, outside the run queue; a frame busy on its thread cannot, hence the deadlines.
    private final PendingReplies<List<String>> pendingCompletions = new PendingReplies<>(PAGE_TIMER);
    private final PendingReplies<String> pendingInspections = new PendingReplies<>(PAGE_TIMER);
    private final PendingReplies<FrameToEditor.HomeFiles> pendingHomeListings = new PendingReplies<>(PAGE_TIMER);
    private final PendingReplies<FrameToEditor.HomeFileRead> pendingHomeReads = new PendingReplies<>(PAGE_TIMER);
    private final PendingReplies<FrameToEditor.ReportSnapshot> pendingSnapshots = new PendingReplies<>(PAGE_TIMER);
    /**
     * Draws the markdown of the frame's text/markdown outputs (the frame carries no renderer); until a
     * page gives one ({@link #renderMarkdownWith}) the answer is null and the frame shows the text.
     */
    private MarkdownToHtml markdown = (text, html) -> html.accept(null);
    /**
     * What the frame was told that a new frame must be told again after a restart: what the report
     * shows (by chunk), its theme and trust, and whether the workspace pane is on screen.
     */
    private final Map<String, EditorToFrame> reportState = new LinkedHashMap<>();
    /** The bytes of each data file the frame was given (an {@code ArrayBuffer}), posted again before its PutDataFile. */
    private final Map<String, JSObject> dataFileBytes = new HashMap<>();
    private final List<StateListener> stateListeners = new ArrayList<>();
    private Consumer<List<FrameToEditor.Variable>> workspaceListener = variables -> { };
    private LoadProgressListener progressListener = (loadedBytes, totalBytes) -> { };
    private BiConsumer<String, String> uncaughtErrorListener = (source, text) -> { };
    private OutputOutsideRuns outsideRunOutputListener = (source, stream, text) -> { };
    private Consumer<String> kernelLostListener = reason -> { };
    private Consumer<PageShortcut> shortcutListener = shortcut -> { };
    private Consumer<String> linkListener = href -> { };
    private Consumer<FrameToEditor.DownloadFile> downloadListener = file -> { };
    private DataFileRequests dataFileRequests = DataFileRequests.REFUSED;
    /** The kernel the notebook's Python runs in while it is not this frame's (a Jupyter server's), else null. */
    private Kernel pythonElsewhere;
    private HTMLIFrameElement iframe;
    /** This page's end of the channel to the current frame; null until the frame is ready. */
    private MessagePorts.Port channel;
    /** The page's theme, given to a new frame in its URL so that it paints in it from the start. */
    private EditorToFrame.Theme theme;
    private int nextRunId = 1;
    /** The state shown: the frame's, except busy while a run is in flight (see {@link #publishState}). */
    private KernelState state = KernelState.LOADING;
    /** The state the frame last reported, with its detail. */
    private KernelState frameState = KernelState.LOADING;
    private String frameDetail = "";
    /** How Stop works in the current frame; until the frame says, it restarts (nothing else is sure to work). */
    private FrameToEditor.StopSupport stopSupport = new FrameToEditor.StopSupport(false, "");
    private Consumer<FrameToEditor.StopSupport> stopSupportListener = support -> { };

    /**
     * How a page makes eval frames: the editor's {@code window.jodidePageSupport}
     * ({@code page/eval-frame.js}) or the embed script's ({@code embed/embed-frame.js}).
     */
    public interface FrameSupport extends JSObject {
        /** A new eval frame in {@code container}, painting in {@code theme} (auto, light, dark) from the start. */
        HTMLIFrameElement createEvalFrame(HTMLElement container, String theme);

        /** The frame the page made before the application started, with the messages it sent; null when none. */
        EarlyFrame adoptEarlyEvalFrame();

        /** Calls {@code callback} once {@code iframe} has loaded (at once, in a task, when it has). */
        void whenEvalFrameLoaded(HTMLIFrameElement iframe, FrameLoaded callback);
    }

    private final FrameSupport support;

    EvalFrame(HTMLDocument document, HTMLElement container) {
        this(document, container, pageSupport());
    }

    public EvalFrame(HTMLDocument document, HTMLElement container, FrameSupport support) {
        this.document = document;
        this.container = container;
        this.support = support;
        // index.html sets the root's data-theme (the theme chosen last time) before the first paint.
        this.theme = parseTheme(document.getDocumentElement().getAttribute("data-theme"));
        WindowMessages.listen(this::receive);
        if (!adoptEarlyFrame()) {
            createFrame();
        }
        watchStart(iframe);
    }

    /** Whether the current frame has started (said it is ready); a frame that fails to load its scripts never does. */
    boolean frameStarted() {
        return channel != null;
    }

    /** Says the kernel failed when {@code watched} loads but does not say it is ready within {@link #FRAME_START_GRACE_MS}. */
    private void watchStart(HTMLIFrameElement watched) {
        whenEvalFrameLoaded(watched, () -> Window.setTimeout(() -> {
            if (iframe == watched && channel == null) {
                setState(KernelState.FAILED, FRAME_DID_NOT_START);
            }
        }, FRAME_START_GRACE_MS));
    }

    /** Hears that a frame has loaded. */
    @JSFunctor
    public interface FrameLoaded extends JSObject {
        void loaded();
    }

    private void whenEvalFrameLoaded(HTMLIFrameElement iframe, FrameLoaded callback) {
        support.whenEvalFrameLoaded(iframe, callback);
    }

    @JSBody(script = "return window.jodidePageSupport;")
    private static native FrameSupport pageSupport();

    @Override
    public void execute(ExecuteRequest request, ExecutionListener listener) {
        send(new EditorToFrame.RunCode(track(listener), request.language(), request.chunkId(), request.code(),
                request.firstLine(), request.order(), request.showInReport(), request.failureGroup(), request.sourceName()));
    }

    @Override
    public void dropQueued() {
        send(new EditorToFrame.DropQueued());
    }

    @Override
    public void registerPlugin(String languageId, String url, String module, String evaluator, String asyncEvaluator,
                        ExecutionListener listener) {
        send(new EditorToFrame.RegisterPlugin(track(listener), languageId, url, module, evaluator, asyncEvaluator));
    }

    @Override
    public void runPlugin(String languageId, String chunkId, String code, ExecutionListener listener) {
        send(new EditorToFrame.RunPluginCode(track(listener), languageId, chunkId, code));
    }

    /** Asks the frame; it cannot answer while it runs code, hence the timeout. */
    @Override
    public void complete(Language language, String token, int timeoutMs, Consumer<List<String>> names) {
        int requestId = nextRunId++;
        pendingCompletions.await(requestId, timeoutMs, List.of(), names);
        send(new EditorToFrame.Complete(requestId, language, token));
    }

    /** Asks the frame, as {@link #complete} does. */
    @Override
    public void inspect(Language language, String before, String after, int timeoutMs, Consumer<String> text) {
        int requestId = nextRunId++;
        pendingInspections.await(requestId, timeoutMs, "", text);
        send(new EditorToFrame.Inspect(requestId, language, before, after));
    }

    /** The renderer that answers the frame's {@link FrameToEditor.RenderMarkdown}. */
    void renderMarkdownWith(MarkdownToHtml renderer) {
        this.markdown = renderer;
    }

    /**
     * Asks the frame for the report as shown (Export HTML); {@code answer} hears it, or null when the
     * frame did not answer within {@code timeoutMs} (not started, or busy running code on its thread).
     */
    @Override
    public void snapshotReport(int timeoutMs, Consumer<FrameToEditor.ReportSnapshot> answer) {
        int requestId = nextRunId++;
        pendingSnapshots.await(requestId, timeoutMs, null, answer);
        send(new EditorToFrame.SnapshotReport(requestId));
    }

    @Override
    public void fetch(String chunkId, List<EditorToFrame.FetchRequest> lines, FetchListener listener) {
        send(new EditorToFrame.RunFetch(track(listener), chunkId, lines));
    }

    /** A new run id whose replies go to {@code listener} until the run finishes. */
    private int track(ExecutionListener listener) {
        int runId = nextRunId++;
        inFlight.put(runId, listener);
        publishState(false);
        return runId;
    }

    /** Shows a run of another kernel (Python on a Jupyter server) at its chunk's place in the report, as it goes. */
    @Override
    public ExecutionListener showing(ExecuteRequest request, ExecutionListener listener) {
        return showing(request, listener, false);
    }

    /** Shows a chunk's saved outputs at its place in the report as they are replayed (keeping no frames). */
    @Override
    public ExecutionListener showingSaved(ExecuteRequest request, ExecutionListener listener) {
        return showing(request, listener, true);
    }

    private ExecutionListener showing(ExecuteRequest request, ExecutionListener listener, boolean saved) {
        String chunkId = request.chunkId();
        send(new EditorToFrame.RemoteRunStarted(chunkId, request.order(), saved));
        return new ForwardingListener(listener) {
            @Override
            public void output(OutputStream stream, String text) {
                send(new EditorToFrame.RemoteRunOutput(chunkId, stream, text));
                super.output(stream, text);
            }

            @Override
            public void display(String mimeType, String data) {
                send(new EditorToFrame.RemoteRunDisplay(chunkId, mimeType, data));
                super.display(mimeType, data);
            }

            @Override
            public void display(String mimeType, String data, String displayId, boolean update) {
                send(new EditorToFrame.RemoteRunDisplay(chunkId, mimeType, data, displayId, update));
                super.display(mimeType, data, displayId, update);
            }

            @Override
            public void clearOutput() {
                send(new EditorToFrame.RemoteRunCleared(chunkId));
                super.clearOutput();
            }

            @Override
            public void finished(String value, String error) {
                send(new EditorToFrame.RemoteRunFinished(chunkId, value, error));
                super.finished(value, error);
            }

            @Override
            public void skipped() {
                send(new EditorToFrame.RemoteRunFinished(chunkId, null, NOT_RUN));
                super.skipped();
            }
        };
    }

    @Override
    public void showHtml(String chunkId, int order, String html) {
        EditorToFrame message = new EditorToFrame.ShowHtml(chunkId, order, html);
        reportState.put("html:" + chunkId, message);
        send(message);
    }

    @Override
    public void applyCss(String chunkId, int order, String css) {
        EditorToFrame message = new EditorToFrame.ApplyCss(chunkId, order, css);
        reportState.put("css:" + chunkId, message);
        send(message);
    }

    /** Tells the report the page's theme (kept, like the report's content, for a restarted frame). */
    @Override
    public void setTheme(EditorToFrame.Theme theme) {
        this.theme = theme;
        EditorToFrame message = new EditorToFrame.SetTheme(theme);
        reportState.put("theme", message);
        send(message);
    }

    /** Tells the report the notebook's trust; a restarted frame is told again (it starts untrusted). */
    @Override
    public void setTrust(Trust trust) {
        EditorToFrame message = new EditorToFrame.SetTrust(trust);
        reportState.put("trust", message);
        send(message);
    }

    /**
     * Gives the frame a data file, for its Python (its home folder) and {@code iodide.file}, with when it
     * was kept (ISO 8601); it replaces one of that name, and a restarted frame is given it again.
     */
    public void putDataFile(String name, JSObject bytes, String lastUpdated) {
        EditorToFrame.PutDataFile message = new EditorToFrame.PutDataFile(name, lastUpdated);
        reportState.put("file:" + name, message);
        dataFileBytes.put(name, bytes);
        send(message);
    }

    /**
     * The files of Python's home folder (added and written by Python): {@code answer} hears them, or
     * none and why they cannot be listed (also when the frame does not answer within {@code timeoutMs}:
     * code running on its thread).
     */
    public void listHomeFiles(int timeoutMs, BiConsumer<List<HomeFile>, String> answer) {
        int requestId = nextRunId++;
        pendingHomeListings.await(requestId, timeoutMs, new FrameToEditor.HomeFiles(requestId, List.of(), NO_ANSWER),
                listed -> answer.accept(listed.files(), listed.unavailable()));
        send(new EditorToFrame.ListHomeFiles(requestId));
    }

    /** One file of Python's home folder: {@code answer} hears its bytes (base64), or null and why not. */
    public void readHomeFile(String name, int timeoutMs, BiConsumer<String, String> answer) {
        int requestId = nextRunId++;
        pendingHomeReads.await(requestId, timeoutMs, new FrameToEditor.HomeFileRead(requestId, name, null, NO_ANSWER),
                read -> answer.accept(read.base64(), read.error()));
        send(new EditorToFrame.ReadHomeFile(requestId, name));
    }

    /** Why Python's folder could not be read: the frame did not answer in time. */
    static final String NO_ANSWER = "Python did not answer: it may be running code (its folder shows once it stops).";

    /** Takes the data file from the frame's Python. */
    public void removeDataFile(String name) {
        reportState.remove("file:" + name);
        dataFileBytes.remove(name);
        send(new EditorToFrame.RemoveDataFile(name));
    }

    /** Tells the frame whether to list the variables; a restarted frame is told again (it starts with none). */
    @Override
    public void workspaceOnScreen(boolean onScreen) {
        EditorToFrame message = new EditorToFrame.WorkspaceOnScreen(onScreen);
        reportState.put("workspace", message);
        send(message);
    }

    /**
     * Tells the frame whether Python runs on a Jupyter server (a restarted frame is told again): its js
     * chunks' reads of Python's variables then come here ({@link FrameToEditor.ReadServerGlobal}) and go
     * to {@code python}.
     */
    @Override
    public void pythonRunsIn(Kernel python) {
        pythonElsewhere = python;
        EditorToFrame message = new EditorToFrame.PythonOnServer(python != null);
        reportState.put("python-on-server", message);
        send(message);
    }

    @Override
    public void removeFromReport(String chunkId) {
        reportState.remove("html:" + chunkId);
        reportState.remove("css:" + chunkId);
        send(new EditorToFrame.RemoveFromReport(chunkId));
    }

    @Override
    public void clearOutput(String chunkId) {
        send(new EditorToFrame.ClearReportOutput(chunkId));
    }

    @Override
    public void flushReport() {
        if (channel != null) {
            MessagePorts.flush(channel);
        }
    }

    /** Whether Stop interrupts the running code keeping the kernel's state (else it must restart). */
    @Override
    public boolean stopKeepsState() {
        return stopSupport.keepsState();
    }

    /** Why Stop restarts instead of interrupting ("" when it interrupts). */
    @Override
    public String stopNote() {
        return stopSupport.note();
    }

    /** Called when the frame says how Stop works (once per frame, also after a restart). */
    public void onStopSupport(Consumer<FrameToEditor.StopSupport> listener) {
        stopSupportListener = listener;
        listener.accept(stopSupport);
    }

    /** Whether any run (code, fetch, plugin) is in flight. */
    @Override
    public boolean isRunning() {
        return !inFlight.isEmpty();
    }

    /**
     * Asks the frame to stop the running code with a KeyboardInterrupt (only when
     * {@link #stopKeepsState()}). When the frame does not answer within {@code watchdogMs}
     * (a JavaScript loop blocks it), the frame is restarted and {@code restarted} is called.
     */
    @Override
    public void interrupt(int watchdogMs, Runnable restarted) {
        if (channel == null || inFlight.isEmpty()) {
            return;
        }
        HTMLIFrameElement stopped = iframe;
        List<Integer> running = new ArrayList<>(inFlight.keySet());
        send(new EditorToFrame.Interrupt());
        Window.setTimeout(() -> {
            if (iframe == stopped && running.stream().anyMatch(inFlight::containsKey)) {
                restart();
                restarted.run();
            }
        }, watchdogMs);
    }

    @Override
    public void restart() {
        restart(RESTARTED);
    }

    @Override
    public void restart(String stoppedBecause) {
        container.removeChild(iframe);
        iframe = null;
        closeChannel();
        outbox.clear();
        List<ExecutionListener> stopped = new ArrayList<>(inFlight.values());
        inFlight.clear();
        setState(KernelState.LOADING, "Restarting…");
        // The first run in flight was the one running; the others waited in the frame's queue.
        for (int i = 0; i < stopped.size(); i++) {
            if (i == 0) {
                stopped.get(i).finished(null, stoppedBecause);
            } else {
                stopped.get(i).skipped();
            }
        }
        createFrame();
        watchStart(iframe);
        reportState.values().forEach(this::send);
    }

    /** Called as Pyodide's files download in a (re)starting frame. */
    @Override
    public void onLoadProgress(LoadProgressListener listener) {
        progressListener = listener;
    }

    /**
     * Called with errors nobody caught in the frame (timers, promises): the readable name of the
     * chunk they came from ("" when not known) and the error.
     */
    public void onUncaughtError(BiConsumer<String, String> listener) {
        uncaughtErrorListener = listener;
    }

    /** Hears what notebook code prints or logs in the frame while none of its runs is going. */
    @FunctionalInterface
    public interface OutputOutsideRuns {
        /**
         * @param source the readable name of the code that printed (a chunk's, "Python"), "" when not known
         */
        void printed(String source, OutputStream stream, String text);
    }

    /**
     * Called with what notebook code prints or logs while none of its runs is going: a timer's or an
     * event handler's {@code console.log}, a Python callback's {@code print}.
     */
    public void onOutputOutsideRuns(OutputOutsideRuns listener) {
        outsideRunOutputListener = listener;
    }

    /**
     * What notebook code asks of the user's data files (Iodide's {@code iodide.file.save} and
     * {@code delete}): each answer goes back to the frame that asked.
     */
    interface DataFileRequests {
        /** Answers every request with why not (before the page has its data files). */
        DataFileRequests REFUSED = new DataFileRequests() {
            @Override
            public void save(String name, String base64, boolean overwrite, Consumer<String> done) {
                done.accept("this page keeps no data files");
            }

            @Override
            public void delete(String name, Consumer<String> done) {
                done.accept("this page keeps no data files");
            }
        };

        /** Keeps the file; {@code done} hears null once it went to the frame, or why not. */
        void save(String name, String base64, boolean overwrite, Consumer<String> done);

        /** Forgets the file; {@code done} hears null once the frame was told, or why not. */
        void delete(String name, Consumer<String> done);
    }

    void onDataFileRequests(DataFileRequests requests) {
        dataFileRequests = requests;
    }

    /** Called with the page-wide keys pressed in the report ({@link FrameToEditor.ShortcutPressed}): untrusted. */
    void onShortcutPressed(Consumer<PageShortcut> listener) {
        shortcutListener = listener;
    }

    /** Called with the links clicked in the report that lead out of it ({@link FrameToEditor.OpenLink}): untrusted. */
    void onOpenLink(Consumer<String> listener) {
        linkListener = listener;
    }

    /** Called with the files of download links clicked in the report ({@link FrameToEditor.DownloadFile}): untrusted. */
    void onDownloadFile(Consumer<FrameToEditor.DownloadFile> listener) {
        downloadListener = listener;
    }

    /** Called when the frame's Python can no longer be used (a fatal error, {@code os._exit}), with why. */
    public void onKernelLost(Consumer<String> listener) {
        kernelLostListener = listener;
    }

    @Override
    public void onWorkspace(Consumer<List<FrameToEditor.Variable>> listener) {
        workspaceListener = listener;
    }

    @Override
    public KernelState state() {
        return state;
    }

    @Override
    public void onStateChange(StateListener listener) {
        stateListeners.add(listener);
        listener.changed(state, "");
    }

    /** A new eval frame in the container (its attributes, the sandbox above all, are eval-frame.js's). */
    private void createFrame() {
        iframe = support.createEvalFrame(container, theme.name().toLowerCase(Locale.ROOT));
    }

    /**
     * Takes over the frame index.html made at navigation (so that Python loads in parallel with the
     * editor), handling the window messages it sent meanwhile; false when there is none.
     */
    private boolean adoptEarlyFrame() {
        EarlyFrame early = support.adoptEarlyEvalFrame();
        if (early == null) {
            return false;
        }
        iframe = early.getIframe();
        JSArrayReader<EarlyMessage> messages = early.getMessages();
        for (int i = 0; i < messages.getLength(); i++) {
            receive(iframe.getContentWindow(), messages.get(i).getOrigin(), messages.get(i).getData());
        }
        return true;
    }

    /** The frame made by index.html and the window messages it sent before the editor listened. */
    public interface EarlyFrame extends JSObject {
        @JSProperty
        HTMLIFrameElement getIframe();

        @JSProperty
        JSArrayReader<EarlyMessage> getMessages();
    }

    /** A window message: its data (null when not a string) and its origin. */
    public interface EarlyMessage extends JSObject {
        @JSProperty
        String getData();

        @JSProperty
        String getOrigin();
    }

    /** Sends {@code message}; a data file's bytes go just before its PutDataFile (page/message-bytes.js). */
    private void send(EditorToFrame message) {
        if (message instanceof EditorToFrame.PutDataFile file) {
            JSObject bytes = dataFileBytes.get(file.name());
            deliver(port -> MessagePorts.postBytes(port, file.name(), bytes));
        }
        String wire = ProtocolCodec.encode(message);
        deliver(port -> MessagePorts.post(port, wire));
    }

    private void deliver(Consumer<MessagePorts.Port> post) {
        if (channel != null) {
            post.accept(channel);
        } else {
            outbox.add(post);
        }
    }

    /**
     * Window messages: only the current frame's {@link FrameToEditor.FrameReady}, answered with a
     * channel; everything else comes through that channel ({@link #receiveFromFrame}).
     */
    private void receive(JSObject source, String origin, String data) {
        // Only the current frame may answer; a sandboxed frame's origin is the opaque "null".
        if (iframe == null || !WindowMessages.same(source, iframe.getContentWindow()) || !"null".equals(origin)) {
            return;
        }
        FrameToEditor message = decode(data);
        if (message instanceof FrameToEditor.FrameReady && channel == null) {
            openChannel();
        }
    }

    /** Gives the frame its end of a new channel, then sends what waited for it. */
    private void openChannel() {
        MessagePorts.Channel opened = MessagePorts.create();
        MessagePorts.Port local = MessagePorts.localEnd(opened);
        MessagePorts.listen(local, data -> {
            // A port closed by a restart may still deliver what was queued: only the current one counts.
            if (local == channel) {
                receiveFromFrame(decode(data));
            }
        });
        MessagePorts.postWithPort(iframe.getContentWindow(), ProtocolCodec.encode(new EditorToFrame.OpenChannel()), "*",
                MessagePorts.remoteEnd(opened));
        channel = local;
        List<Consumer<MessagePorts.Port>> queued = new ArrayList<>(outbox);
        outbox.clear();
        for (Consumer<MessagePorts.Port> post : queued) {
            post.accept(channel);
        }
    }

    private void closeChannel() {
        if (channel != null) {
            MessagePorts.close(channel);
            channel = null;
        }
    }

    /** The message in {@code data}, or null (logged) when it is not one. */
    private static FrameToEditor decode(String data) {
        if (data == null) {
            return null;
        }
        try {
            return ProtocolCodec.decodeFrameToEditor(data);
        } catch (ProtocolException e) {
            consoleError("Jodide: rejected a message from the eval frame: " + e.getMessage());
            return null;
        }
    }

    private void receiveFromFrame(FrameToEditor message) {
        if (message != null) {
            message.accept(fromFrame);
        }
    }

    /** What each message from the frame does here. */
    private final FrameToEditor.Handler fromFrame = new FrameToEditor.Handler() {
        @Override
        public void frameReady(FrameToEditor.FrameReady message) {
            // Only as a window message, which opens the channel (receive).
        }

        @Override
        public void kernelStatus(FrameToEditor.KernelStatus message) {
            setState(message.state(), message.detail());
        }

        @Override
        public void loadProgress(FrameToEditor.LoadProgress message) {
            progressListener.downloaded(message.loadedBytes(), message.totalBytes());
        }

        @Override
        public void streamOutput(FrameToEditor.StreamOutput message) {
            ExecutionListener listener = inFlight.get(message.runId());
            if (listener != null) {
                listener.output(message.stream(), message.text());
            }
        }

        @Override
        public void fetchLineDone(FrameToEditor.FetchLineDone message) {
            ExecutionListener listener = inFlight.get(message.runId());
            if (listener instanceof FetchListener) {
                ((FetchListener) listener).lineDone(message.index(), message.error(), message.detail(),
                        message.registeredLanguage());
            }
        }

        @Override
        public void completions(FrameToEditor.Completions message) {
            pendingCompletions.answer(message.requestId(), message.names());
        }

        @Override
        public void homeFiles(FrameToEditor.HomeFiles message) {
            pendingHomeListings.answer(message.requestId(), message);
        }

        @Override
        public void homeFileRead(FrameToEditor.HomeFileRead message) {
            pendingHomeReads.answer(message.requestId(), message);
        }

        @Override
        public void inspection(FrameToEditor.Inspection message) {
            pendingInspections.answer(message.requestId(), message.text());
        }

        @Override
        public void workspace(FrameToEditor.Workspace message) {
            workspaceListener.accept(message.variables());
        }

        @Override
        public void displayData(FrameToEditor.DisplayData message) {
            ExecutionListener listener = inFlight.get(message.runId());
            if (listener != null) {
                listener.display(message.mimeType(), message.data(), message.displayId(), message.update());
            }
        }

        @Override
        public void outputCleared(FrameToEditor.OutputCleared message) {
            ExecutionListener listener = inFlight.get(message.runId());
            if (listener != null) {
                listener.clearOutput();
            }
        }

        @Override
        public void runFinished(FrameToEditor.RunFinished message) {
            ExecutionListener listener = inFlight.remove(message.runId());
            if (listener != null) {
                publishState(false);
                if (message.timed()) {
                    listener.timed(message.kernelMillis());
                }
                listener.finished(message.value(), message.error());
            }
        }

        @Override
        public void runSkipped(FrameToEditor.RunSkipped message) {
            ExecutionListener listener = inFlight.remove(message.runId());
            if (listener != null) {
                publishState(false);
                listener.skipped();
            }
        }

        @Override
        public void uncaughtError(FrameToEditor.UncaughtError message) {
            uncaughtErrorListener.accept(message.source(), message.text());
        }

        @Override
        public void outsideRunOutput(FrameToEditor.OutsideRunOutput message) {
            outsideRunOutputListener.printed(message.source(), message.stream(), message.text());
        }

        @Override
        public void kernelLost(FrameToEditor.KernelLost message) {
            kernelLostListener.accept(message.reason());
        }

        @Override
        public void stopSupport(FrameToEditor.StopSupport message) {
            stopSupport = message;
            stopSupportListener.accept(message);
        }

        @Override
        public void inputRequest(FrameToEditor.InputRequest message) {
            ExecutionListener listener = inFlight.get(message.runId());
            HTMLIFrameElement asked = iframe;
            if (listener == null) {
                send(new EditorToFrame.InputReply(message.runId(), null));
            } else {
                listener.inputRequested(message.prompt(), message.password(), text -> {
                    if (iframe == asked) {
                        send(new EditorToFrame.InputReply(message.runId(), text));
                    }
                });
            }
        }

        @Override
        public void reportSnapshot(FrameToEditor.ReportSnapshot message) {
            pendingSnapshots.answer(message.requestId(), message);
        }

        @Override
        public void renderMarkdown(FrameToEditor.RenderMarkdown message) {
            HTMLIFrameElement asked = iframe;
            markdown.render(message.markdown(), html -> {
                if (iframe == asked) {
                    send(new EditorToFrame.MarkdownHtml(message.requestId(), html));
                }
            });
        }

        @Override
        public void shortcutPressed(FrameToEditor.ShortcutPressed message) {
            shortcutListener.accept(message.shortcut());
        }

        @Override
        public void openLink(FrameToEditor.OpenLink message) {
            linkListener.accept(message.href());
        }

        @Override
        public void downloadFile(FrameToEditor.DownloadFile message) {
            downloadListener.accept(message);
        }

        @Override
        public void saveDataFile(FrameToEditor.SaveDataFile message) {
            dataFileRequests.save(message.name(), message.base64(), message.overwrite(), answerTo(message.requestId()));
        }

        @Override
        public void deleteDataFile(FrameToEditor.DeleteDataFile message) {
            dataFileRequests.delete(message.name(), answerTo(message.requestId()));
        }

        @Override
        public void readServerGlobal(FrameToEditor.ReadServerGlobal message) {
            HTMLIFrameElement asked = iframe;
            Consumer<EditorToFrame> answer = reply -> {
                if (iframe == asked) {
                    send(reply);
                }
            };
            if (pythonElsewhere == null) {
                answer.accept(new EditorToFrame.ServerGlobal(message.requestId(), null,
                        "Python runs in this browser again: run the js chunk again to read its variables."));
                return;
            }
            pythonElsewhere.readPythonGlobal(message.name(), new GlobalCopyListener() {
                @Override
                public void copied(String json) {
                    answer.accept(new EditorToFrame.ServerGlobal(message.requestId(), json, null));
                }

                @Override
                public void failed(String why) {
                    answer.accept(new EditorToFrame.ServerGlobal(message.requestId(), null, why));
                }
            });
        }

        /** Answers the frame that asked, if it is still the one shown. */
        private Consumer<String> answerTo(int requestId) {
            HTMLIFrameElement asked = iframe;
            return error -> {
                if (iframe == asked) {
                    send(new EditorToFrame.DataFileDone(requestId, error));
                }
            };
        }
    };

    private void setState(KernelState newState, String detail) {
        frameState = newState;
        frameDetail = detail;
        publishState(true);
    }

    /**
     * Tells the listeners the state to show: the frame's, but busy while any run is in flight,
     * whatever its language. A frame running JavaScript cannot report (an endless loop blocks it),
     * and it reports Python's state only, so "ready" must not show while a js chunk still runs.
     *
     * @param always tell the listeners even when the shown state did not change (a new detail)
     */
    private void publishState(boolean always) {
        boolean running = !inFlight.isEmpty() && frameState == KernelState.IDLE;
        KernelState shown = running ? KernelState.BUSY : frameState;
        if (shown == state && !always) {
            return;
        }
        state = shown;
        String detail = running ? "Running a chunk" : frameDetail;
        for (StateListener listener : stateListeners) {
            listener.changed(shown, detail);
        }
    }

    /** The theme named by a root {@code data-theme} ({@code auto}, {@code light}, {@code dark}); else {@code AUTO}. */
    private static EditorToFrame.Theme parseTheme(String id) {
        for (EditorToFrame.Theme candidate : EditorToFrame.Theme.values()) {
            if (candidate.name().toLowerCase(Locale.ROOT).equals(id)) {
                return candidate;
            }
        }
        return EditorToFrame.Theme.AUTO;
    }

    @JSBody(params = "text", script = "console.error(text);")
    private static native void consoleError(String text);
}

package org.jodide.core.protocol;

import org.jodide.core.Language;
import org.jodide.core.Trust;
import org.jodide.core.kernel.OutputStream;
import org.jodide.iomd.FetchKind;

import java.util.List;

/**
 * Messages the editor page sends to the sandboxed eval frame. Encoded and validated by
 * {@link ProtocolCodec}, the only place that knows their wire form.
 *
 * <p>Runs ({@link RunCode}, {@link RunFetch}, {@link RegisterPlugin}, {@link RunPluginCode}) are
 * queued by the frame and carried out one at a time in the order they arrive; each ends with exactly
 * one {@link FrameToEditor.RunFinished} or {@link FrameToEditor.RunSkipped}.
 */
public sealed interface EditorToFrame {
    /** Hands this message to the handler's method for its kind. */
    void accept(Handler handler);

    /**
     * Receives each kind of message: adding a message fails to compile until every receiver (and
     * {@link ProtocolCodec}'s encoder) handles it.
     */
    interface Handler {
        void runCode(RunCode message);

        void showHtml(ShowHtml message);

        void runFetch(RunFetch message);

        void registerPlugin(RegisterPlugin message);

        void runPluginCode(RunPluginCode message);

        void complete(Complete message);

        void inspect(Inspect message);

        void openChannel(OpenChannel message);

        void removeFromReport(RemoveFromReport message);

        void clearReportOutput(ClearReportOutput message);

        void applyCss(ApplyCss message);

        void setTheme(SetTheme message);

        void setTrust(SetTrust message);

        void interrupt(Interrupt message);

        void dropQueued(DropQueued message);

        void inputReply(InputReply message);

        void snapshotReport(SnapshotReport message);

        void remoteRunStarted(RemoteRunStarted message);

        void remoteRunOutput(RemoteRunOutput message);

        void remoteRunDisplay(RemoteRunDisplay message);

        void remoteRunCleared(RemoteRunCleared message);

        void remoteRunFinished(RemoteRunFinished message);

        void markdownHtml(MarkdownHtml message);

        void workspaceOnScreen(WorkspaceOnScreen message);

        void pythonOnServer(PythonOnServer message);

        void serverGlobal(ServerGlobal message);

        void putDataFile(PutDataFile message);

        void removeDataFile(RemoveDataFile message);

        void listHomeFiles(ListHomeFiles message);

        void readHomeFile(ReadHomeFile message);

        void dataFileDone(DataFileDone message);
    }

    /**
     * Run code in the frame's global scope.
     *
     * @param runId        the editor's id for this run, echoed in every reply
     * @param chunkId      the chunk the code comes from
     * @param firstLine    0-based line, in the notebook, of the code's first line
     * @param order        the chunk's 0-based position in the notebook (where the report shows its
     *                     output), or -1 for code that is not a chunk (console input)
     * @param showInReport whether the run's output shows at the chunk's place in the report
     *                     (false for console input and chunks flagged hideOutput)
     * @param failureGroup 0, or the group of runs (one Run All) this one belongs to: after a run of a
     *                     group fails, the frame answers the runs of that group still queued with
     *                     {@link FrameToEditor.RunSkipped} instead of running them
     * @param sourceName   what tracebacks and stacks call the code ("py cell 3" for an embedded
     *                     cell), or null: {@link org.jodide.core.kernel.SourceNames#of} of its first line
     */
    record RunCode(int runId, Language language, String chunkId, String code, int firstLine, int order,
                   boolean showInReport, int failureGroup, String sourceName) implements EditorToFrame {
        @Override
        public void accept(Handler handler) {
            handler.runCode(this);
        }

        public RunCode {
            if (showInReport && order < 0) {
                throw new IllegalArgumentException("output shown in the report needs the chunk's order, got " + order);
            }
            if (failureGroup < 0) {
                throw new IllegalArgumentException("failureGroup must be >= 0, got " + failureGroup);
            }
        }

        /** Code named by its first line. */
        public RunCode(int runId, Language language, String chunkId, String code, int firstLine, int order,
                       boolean showInReport, int failureGroup) {
            this(runId, language, chunkId, code, firstLine, order, showInReport, failureGroup, null);
        }

        /** Code whose output shows only in the editor (console input), in no failure group. */
        public RunCode(int runId, Language language, String chunkId, String code, int firstLine) {
            this(runId, language, chunkId, code, firstLine, -1, false, 0);
        }
    }

    /**
     * Show (or replace) a chunk's rendered HTML in the report.
     *
     * @param order the chunk's 0-based position in the notebook; the report keeps this order
     */
    record ShowHtml(String chunkId, int order, String html) implements EditorToFrame {
        @Override
        public void accept(Handler handler) {
            handler.showHtml(this);
        }
    }

    /**
     * Load the lines of a fetch chunk, all at once; the frame answers one
     * {@link FrameToEditor.FetchLineDone} per line, then {@link FrameToEditor.RunFinished}.
     */
    record RunFetch(int runId, String chunkId, List<FetchRequest> lines) implements EditorToFrame {
        @Override
        public void accept(Handler handler) {
            handler.runFetch(this);
        }

        public RunFetch {
            lines = List.copyOf(lines);
        }
    }

    /**
     * One line of a fetch chunk.
     *
     * @param variableName the global to set, or null for js/css/plugin lines
     * @param url          the absolute URL (already resolved against the notebook's location)
     * @param dataFile     for a data line written {@code files/NAME} (Iodide's uploaded files), the
     *                     data file NAME, which the frame loads instead of {@code url} when the user
     *                     added one of that name; else null
     */
    record FetchRequest(FetchKind kind, String variableName, String url, String dataFile) {
        /** Iodide's prefix of an uploaded file's URL. */
        public static final String DATA_FILE_PREFIX = "files/";

        public FetchRequest {
            if (dataFile != null) {
                DataFileNames.check(dataFile);
            }
        }

        /** A line that names no data file. */
        public FetchRequest(FetchKind kind, String variableName, String url) {
            this(kind, variableName, url, null);
        }

        /**
         * The data file a data line's URL as written names ({@code files/sales.csv} → {@code sales.csv}),
         * or null: other URLs, js/css/plugin lines, and names that are not plain file names.
         */
        public static String dataFileOf(FetchKind kind, String writtenUrl) {
            if (!kind.assignsVariable() || !writtenUrl.startsWith(DATA_FILE_PREFIX)) {
                return null;
            }
            String name = writtenUrl.substring(DATA_FILE_PREFIX.length());
            return DataFileNames.problem(name) == null ? name : null;
        }
    }

    /**
     * Register a language plugin (spec: a plugin chunk, as in Iodide): load the script at
     * {@code url}, whose global {@code module} has the method {@code evaluator} (code → value)
     * or {@code asyncEvaluator} (code → promise). Answered by {@link FrameToEditor.RunFinished}.
     *
     * @param asyncEvaluator null when the plugin has none
     */
    record RegisterPlugin(int runId, String languageId, String url, String module, String evaluator,
                          String asyncEvaluator) implements EditorToFrame {
        @Override
        public void accept(Handler handler) {
            handler.registerPlugin(this);
        }
    }

    /** Run a chunk of a plugin language registered before. Answered by {@link FrameToEditor.RunFinished}. */
    record RunPluginCode(int runId, String languageId, String chunkId, String code) implements EditorToFrame {
        @Override
        public void accept(Handler handler) {
            handler.runPluginCode(this);
        }
    }

    /**
     * Ask for the names that complete {@code token} (such as {@code "os.pa"}) in a language.
     * Answered at once by {@link FrameToEditor.Completions}, outside the run queue; a frame busy
     * running code cannot answer, so the editor gives up after a short time.
     */
    record Complete(int requestId, Language language, String token) implements EditorToFrame {
        @Override
        public void accept(Handler handler) {
            handler.complete(this);
        }
    }

    /**
     * Ask for help on the name at the cursor (Jupyter's Shift+Tab): the code of the cursor's chunk
     * before and after it. Answered at once by {@link FrameToEditor.Inspection}, outside the run
     * queue, as {@link Complete} is.
     */
    record Inspect(int requestId, Language language, String before, String after) implements EditorToFrame {
        @Override
        public void accept(Handler handler) {
            handler.inspect(this);
        }
    }

    /**
     * The reply to {@link FrameToEditor.FrameReady}: a {@code MessagePort} travels with this
     * message, and the frame sends everything else through it. A port delivers while the frame is
     * busy (a Python loop printing); window messages out of a busy frame wait until it is idle.
     */
    record OpenChannel() implements EditorToFrame {
        @Override
        public void accept(Handler handler) {
            handler.openChannel(this);
        }
    }

    /** Remove a chunk's HTML, stylesheet and output from the report (the chunk was deleted or changed kind). */
    record RemoveFromReport(String chunkId) implements EditorToFrame {
        @Override
        public void accept(Handler handler) {
            handler.removeFromReport(this);
        }
    }

    /**
     * Empty a code chunk's output place in the report: the user cleared its output (Clear outputs).
     * The editor sends it only for chunks not running; the place stays, for the chunk's next run.
     */
    record ClearReportOutput(String chunkId) implements EditorToFrame {
        @Override
        public void accept(Handler handler) {
            handler.clearReportOutput(this);
        }
    }

    /** Apply (or replace) a chunk's stylesheet in the report. */
    record ApplyCss(String chunkId, int order, String css) implements EditorToFrame {
        @Override
        public void accept(Handler handler) {
            handler.applyCss(this);
        }
    }

    /**
     * Whether the editor's workspace pane is on screen. The frame lists the user's variables
     * ({@link FrameToEditor.Workspace}) only while it is, and lists them at once when it shows again
     * after runs changed them; until this message comes, the pane is taken as not shown (an embedded
     * notebook has none).
     */
    record WorkspaceOnScreen(boolean onScreen) implements EditorToFrame {
        @Override
        public void accept(Handler handler) {
            handler.workspaceOnScreen(this);
        }
    }

    /**
     * Whether the notebook's Python runs on a Jupyter server (the Kernel menu) rather than in this
     * frame: then a js chunk's {@code jodide.python.get} reads the server's variables
     * ({@link FrameToEditor.ReadServerGlobal}), not the frame's own Python, which holds none of the
     * notebook's (or old ones). A restarted frame is told again.
     */
    record PythonOnServer(boolean onServer) implements EditorToFrame {
        @Override
        public void accept(Handler handler) {
            handler.pythonOnServer(this);
        }
    }

    /**
     * A data file the user added in this browser: the frame's Python finds it in its home folder
     * (its working directory when it starts) from now on, also after a restart of its worker; a
     * file of the same name is replaced. A restarted frame is sent every file again. Its bytes are
     * not in the message: they come just before it through the same channel, an ArrayBuffer in a
     * message of their own under its name (static/src/main/js/page/message-bytes.js), copied by the
     * browser rather than written out as text.
     *
     * @param name        a plain file name ({@link DataFileNames#check})
     * @param lastUpdated when it was added or last saved ({@link DataFileTimes}): Iodide's
     *                    {@code iodide.file.lastUpdated}, and the file's modification time in Python's folder
     */
    record PutDataFile(String name, String lastUpdated) implements EditorToFrame {
        public PutDataFile {
            DataFileNames.check(name);
            DataFileTimes.check(lastUpdated);
        }

        @Override
        public void accept(Handler handler) {
            handler.putDataFile(this);
        }
    }

    /**
     * List the files in Python's home folder (those the user added and those Python wrote), for the
     * Files dialog; answered at once by {@link FrameToEditor.HomeFiles}, outside the run queue.
     */
    record ListHomeFiles(int requestId) implements EditorToFrame {
        @Override
        public void accept(Handler handler) {
            handler.listHomeFiles(this);
        }
    }

    /** Read one file of Python's home folder, to download it; answered by {@link FrameToEditor.HomeFileRead}. */
    record ReadHomeFile(int requestId, String name) implements EditorToFrame {
        public ReadHomeFile {
            DataFileNames.check(name);
        }

        @Override
        public void accept(Handler handler) {
            handler.readHomeFile(this);
        }
    }

    /** The data file named {@code name} is gone: the frame's Python loses it too. */
    record RemoveDataFile(String name) implements EditorToFrame {
        public RemoveDataFile {
            DataFileNames.check(name);
        }

        @Override
        public void accept(Handler handler) {
            handler.removeDataFile(this);
        }
    }

    /** The page's colour theme, which the report follows (the page's own choice, not only the system's). */
    record SetTheme(Theme theme) implements EditorToFrame {
        @Override
        public void accept(Handler handler) {
            handler.setTheme(this);
        }
    }

    /** A colour theme: the system's ({@code prefers-color-scheme}), or light or dark whatever the system. */
    enum Theme {
        AUTO,
        LIGHT,
        DARK
    }

    /**
     * The notebook's trust changed (or is told to a new frame): the report re-renders the markdown
     * it shows, keeping inline event handlers only when {@link Trust#TRUSTED}. A frame starts
     * {@link Trust#UNTRUSTED}.
     */
    record SetTrust(Trust trust) implements EditorToFrame {
        @Override
        public void accept(Handler handler) {
            handler.setTrust(this);
        }
    }

    /**
     * Stop the running code, if any (the toolbar's Stop, Ctrl+.). How it stops is the frame's
     * {@link FrameToEditor.StopSupport}: with a KeyboardInterrupt that keeps the state, or, when the
     * frame cannot interrupt, not at all (the editor restarts the frame itself).
     */
    record Interrupt() implements EditorToFrame {
        @Override
        public void accept(Handler handler) {
            handler.interrupt(this);
        }
    }

    /**
     * Drop the runs waiting in the frame's queue (Stop, a restart of the run queue, another notebook
     * opened): each is answered with {@link FrameToEditor.RunSkipped}; the run in progress goes on.
     */
    record DropQueued() implements EditorToFrame {
        @Override
        public void accept(Handler handler) {
            handler.dropQueued(this);
        }
    }

    /**
     * The user's answer to {@link FrameToEditor.InputRequest}.
     *
     * @param text the line typed, without its newline; null when there is nowhere to ask (EOF)
     */
    record InputReply(int runId, String text) implements EditorToFrame {
        @Override
        public void accept(Handler handler) {
            handler.inputReply(this);
        }
    }

    /**
     * Ask for the report as it is shown, with its outputs, for Export HTML. Answered at once by
     * {@link FrameToEditor.ReportSnapshot}, outside the run queue; a frame busy running code on its
     * own thread cannot answer, so the editor gives up after a while.
     */
    record SnapshotReport(int requestId) implements EditorToFrame {
        @Override
        public void accept(Handler handler) {
            handler.snapshotReport(this);
        }
    }

    /*
     * A run that ran outside the frame (Python on a Jupyter server), shown at its chunk's place in the
     * report as the frame shows its own runs: started, then its output, then finished.
     */

    /**
     * A run outside the frame started: the chunk's output place in the report ({@code order}) is cleared
     * for it. {@code saved}: not a run but the outputs saved with the notebook, shown again as it opens
     * (their HTML keeps no frames: opening a notebook runs nothing).
     */
    record RemoteRunStarted(String chunkId, int order, boolean saved) implements EditorToFrame {
        @Override
        public void accept(Handler handler) {
            handler.remoteRunStarted(this);
        }
    }

    /** Text the remote run printed. */
    record RemoteRunOutput(String chunkId, OutputStream stream, String text) implements EditorToFrame {
        @Override
        public void accept(Handler handler) {
            handler.remoteRunOutput(this);
        }
    }

    /**
     * A rich output of the remote run (see {@code ExecutionListener.display}); with a
     * {@code displayId} (else null) one it can show again in place, and {@code update}: it replaces
     * what that id's displays show.
     */
    record RemoteRunDisplay(String chunkId, String mimeType, String data, String displayId, boolean update) implements EditorToFrame {
        /** A plain display. */
        public RemoteRunDisplay(String chunkId, String mimeType, String data) {
            this(chunkId, mimeType, data, null, false);
        }

        @Override
        public void accept(Handler handler) {
            handler.remoteRunDisplay(this);
        }
    }

    /** The remote run cleared what it showed (Jupyter's clear_output). */
    record RemoteRunCleared(String chunkId) implements EditorToFrame {
        @Override
        public void accept(Handler handler) {
            handler.remoteRunCleared(this);
        }
    }

    /** The remote run ended: its value, or its error (traceback), either may be null. */
    record RemoteRunFinished(String chunkId, String value, String error) implements EditorToFrame {
        @Override
        public void accept(Handler handler) {
            handler.remoteRunFinished(this);
        }
    }

    /**
     * The answer to {@link FrameToEditor.RenderMarkdown}.
     *
     * @param html the markdown as HTML, not sanitized (the frame sanitizes it as it shows it); null
     *             when the editor has no markdown renderer (the frame shows the markdown as text)
     */
    record MarkdownHtml(int requestId, String html) implements EditorToFrame {
        @Override
        public void accept(Handler handler) {
            handler.markdownHtml(this);
        }
    }

    /**
     * The answer to {@link FrameToEditor.SaveDataFile} and {@link FrameToEditor.DeleteDataFile}: done
     * ({@code error} null; the file itself came, or went, in a {@link PutDataFile} or
     * {@link RemoveDataFile} sent before), or why not.
     */
    record DataFileDone(int requestId, String error) implements EditorToFrame {
        @Override
        public void accept(Handler handler) {
            handler.dataFileDone(this);
        }
    }

    /**
     * The answer to {@link FrameToEditor.ReadServerGlobal}: the copy of the server's global as
     * {@code static/src/main/js/jupyter/global-value.js} encodes it, as JSON text (the frame decodes it:
     * {@code frame/python-copies.js}), or ({@code json} null) why there is none.
     */
    record ServerGlobal(int requestId, String json, String error) implements EditorToFrame {
        @Override
        public void accept(Handler handler) {
            handler.serverGlobal(this);
        }
    }
}

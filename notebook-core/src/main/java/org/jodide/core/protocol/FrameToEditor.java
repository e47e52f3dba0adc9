package org.jodide.core.protocol;

import org.jodide.core.Language;
import org.jodide.core.PageShortcut;
import org.jodide.core.kernel.KernelState;
import org.jodide.core.kernel.OutputStream;

import java.util.List;

/** Messages the eval frame sends to the editor page. Wire form: {@link ProtocolCodec}. */
public sealed interface FrameToEditor {
    /** Hands this message to the handler's method for its kind. */
    void accept(Handler handler);

    /**
     * Receives each kind of message: adding a message fails to compile until every receiver (and
     * {@link ProtocolCodec}'s encoder) handles it.
     */
    interface Handler {
        void frameReady(FrameReady message);

        void kernelStatus(KernelStatus message);

        void loadProgress(LoadProgress message);

        void streamOutput(StreamOutput message);

        void fetchLineDone(FetchLineDone message);

        void completions(Completions message);

        void inspection(Inspection message);

        void homeFiles(HomeFiles message);

        void homeFileRead(HomeFileRead message);

        void workspace(Workspace message);

        void displayData(DisplayData message);

        void outputCleared(OutputCleared message);

        void runFinished(RunFinished message);

        void runSkipped(RunSkipped message);

        void uncaughtError(UncaughtError message);

        void outsideRunOutput(OutsideRunOutput message);

        void kernelLost(KernelLost message);

        void stopSupport(StopSupport message);

        void inputRequest(InputRequest message);

        void reportSnapshot(ReportSnapshot message);

        void renderMarkdown(RenderMarkdown message);

        void shortcutPressed(ShortcutPressed message);

        void saveDataFile(SaveDataFile message);

        void deleteDataFile(DeleteDataFile message);

        void readServerGlobal(ReadServerGlobal message);

        void openLink(OpenLink message);

        void downloadFile(DownloadFile message);
    }

    /** The frame's script is running and accepts messages. */
    record FrameReady() implements FrameToEditor {
        @Override
        public void accept(Handler handler) {
            handler.frameReady(this);
        }
    }

    /** The kernel changed state; {@code detail} is a human-readable note ("" when none). */
    record KernelStatus(KernelState state, String detail) implements FrameToEditor {
        @Override
        public void accept(Handler handler) {
            handler.kernelStatus(this);
        }
    }

    /**
     * How much of Pyodide's Wasm binary and standard library has arrived while the kernel loads.
     *
     * @param loadedBytes bytes received so far
     * @param totalBytes  bytes expected in all (0 while not known)
     */
    record LoadProgress(int loadedBytes, int totalBytes) implements FrameToEditor {
        @Override
        public void accept(Handler handler) {
            handler.loadProgress(this);
        }
    }

    /** Output printed by a run, sent as it is printed. */
    record StreamOutput(int runId, OutputStream stream, String text) implements FrameToEditor {
        @Override
        public void accept(Handler handler) {
            handler.streamOutput(this);
        }
    }

    /**
     * One line of a fetch chunk settled.
     *
     * @param index  0-based position of the line among the chunk's fetch lines
     * @param error  why it failed (HTTP status, network error, bad JSON), or null when it loaded
     * @param detail what was loaded, for the user (e.g. "1.2 KB"), "" when nothing to say
     * @param registeredLanguage for a {@code plugin:} line that loaded, the language it registered; else null
     */
    record FetchLineDone(int runId, int index, String error, String detail, String registeredLanguage)
            implements FrameToEditor {
        @Override
        public void accept(Handler handler) {
            handler.fetchLineDone(this);
        }
    }

    /** The answer to {@link EditorToFrame.Complete}: full replacements for the token, best first. */
    record Completions(int requestId, List<String> names) implements FrameToEditor {
        @Override
        public void accept(Handler handler) {
            handler.completions(this);
        }

        public Completions {
            names = List.copyOf(names);
        }
    }

    /**
     * The answer to {@link EditorToFrame.Inspect}: the help text (signature, type, value,
     * docstring), or "" when the language has none for the name at the cursor.
     */
    record Inspection(int requestId, String text) implements FrameToEditor {
        @Override
        public void accept(Handler handler) {
            handler.inspection(this);
        }
    }

    /**
     * The answer to {@link EditorToFrame.ListHomeFiles}: the files of Python's home folder by name, or
     * none and why they could not be listed ({@code unavailable}; null when they were).
     */
    record HomeFiles(int requestId, List<HomeFile> files, String unavailable) implements FrameToEditor {
        public HomeFiles {
            files = List.copyOf(files);
        }

        @Override
        public void accept(Handler handler) {
            handler.homeFiles(this);
        }
    }

    /** The answer to {@link EditorToFrame.ReadHomeFile}: the file's bytes (base64), or null and the error. */
    record HomeFileRead(int requestId, String name, String base64, String error) implements FrameToEditor {
        @Override
        public void accept(Handler handler) {
            handler.homeFileRead(this);
        }
    }

    /** The user's variables of both languages, sent after every run. */
    record Workspace(List<Variable> variables) implements FrameToEditor {
        @Override
        public void accept(Handler handler) {
            handler.workspace(this);
        }

        public Workspace {
            variables = List.copyOf(variables);
        }
    }

    /**
     * One user variable.
     *
     * @param preview a short readable form of the value (at most about 100 characters)
     */
    record Variable(Language language, String name, String type, String preview) {
    }

    /**
     * A rich output of a run (see {@code ExecutionListener.display}); with a {@code displayId} (else
     * null) one the run can show again in place, and {@code update}: it replaces what that id's
     * displays show.
     */
    record DisplayData(int runId, String mimeType, String data, String displayId, boolean update) implements FrameToEditor {
        /** A plain display. */
        public DisplayData(int runId, String mimeType, String data) {
            this(runId, mimeType, data, null, false);
        }

        @Override
        public void accept(Handler handler) {
            handler.displayData(this);
        }
    }

    /**
     * A run cleared what it has shown so far (Python's {@code clear_output}, local: see
     * {@code ExecutionListener.clearOutput}); what it shows next starts afresh.
     */
    record OutputCleared(int runId) implements FrameToEditor {
        @Override
        public void accept(Handler handler) {
            handler.outputCleared(this);
        }
    }

    /**
     * A run ended.
     *
     * @param value        the repr of the last expression's value; null when there is none (None, undefined)
     * @param error        the formatted error (a Python traceback, a JS error and stack); null on success
     * @param kernelMillis how long the code ran, in whole milliseconds, measured where it ran
     *                     ({@code ExecutionListener.timed}); {@link #NOT_TIMED} when it was not measured
     */
    record RunFinished(int runId, String value, String error, int kernelMillis) implements FrameToEditor {
        /** {@link #kernelMillis} of a run that was not measured. */
        public static final int NOT_TIMED = -1;

        /** A run that was not measured. */
        public RunFinished(int runId, String value, String error) {
            this(runId, value, error, NOT_TIMED);
        }

        @Override
        public void accept(Handler handler) {
            handler.runFinished(this);
        }

        /** Whether the kernel measured the run. */
        public boolean timed() {
            return kernelMillis >= 0;
        }

        public boolean succeeded() {
            return error == null;
        }
    }

    /**
     * A queued run was not carried out and never will be: an earlier run of its failure group
     * failed ({@link EditorToFrame.RunCode#failureGroup}), or {@link EditorToFrame.DropQueued} dropped it.
     */
    record RunSkipped(int runId) implements FrameToEditor {
        @Override
        public void accept(Handler handler) {
            handler.runSkipped(this);
        }
    }

    /**
     * An error nobody caught in the frame, outside any run's own result: a {@code throw} in a
     * timer or event handler, an unhandled promise rejection.
     *
     * @param source the readable name of the code it came from ({@code SourceNames}, e.g. {@code js chunk at line 3}),
     *               "" when its stack names no chunk
     * @param text   the error, its message and the stack lines that are in notebook code
     */
    record UncaughtError(String source, String text) implements FrameToEditor {
        @Override
        public void accept(Handler handler) {
            handler.uncaughtError(this);
        }
    }

    /**
     * What notebook code printed or logged while no run of it was going: a {@code console.log} in a
     * timer, an event handler or a promise's callback after its js chunk ended, a {@code print} of a
     * Python callback or asyncio task after its run. A run's own output is {@link StreamOutput}.
     *
     * @param source the readable name of the code it came from: a chunk's ({@code SourceNames}, e.g.
     *               {@code js chunk at line 3}) when its stack names one, {@code Python} for Python,
     *               "" when not known
     * @param text   as printed: whole lines, or (Python's, flushed) a line's start
     */
    record OutsideRunOutput(String source, OutputStream stream, String text) implements FrameToEditor {
        @Override
        public void accept(Handler handler) {
            handler.outsideRunOutput(this);
        }
    }

    /**
     * The interpreter can no longer be used (Pyodide suffered a fatal error, or {@code os._exit}
     * ended it): the editor restarts the kernel, saying why.
     */
    record KernelLost(String reason) implements FrameToEditor {
        @Override
        public void accept(Handler handler) {
            handler.kernelLost(this);
        }
    }

    /**
     * How Stop works in this frame, sent once when the frame knows (before Python is ready).
     *
     * @param keepsState true when Stop raises KeyboardInterrupt in the running Python and keeps its
     *                   variables; false when the only way to stop is to restart the kernel
     * @param note       why, for the user (e.g. "this page is not cross-origin isolated"); "" when
     *                   Stop keeps the state
     */
    record StopSupport(boolean keepsState, String note) implements FrameToEditor {
        @Override
        public void accept(Handler handler) {
            handler.stopSupport(this);
        }
    }

    /**
     * A run waits for a line of input (Python's {@code input()} or {@code getpass.getpass()});
     * answered by {@link EditorToFrame.InputReply}.
     *
     * @param password whether the line is secret (not shown as typed, not echoed)
     */
    record InputRequest(int runId, String prompt, boolean password) implements FrameToEditor {
        @Override
        public void accept(Handler handler) {
            handler.inputRequest(this);
        }
    }

    /**
     * The answer to {@link EditorToFrame.SnapshotReport}. Made where notebook code runs: the editor
     * sanitizes it before using it.
     *
     * @param html the report element's HTML, each shadow root as a {@code <template data-jodide-shadow>}
     *             child of its host, each canvas as an image (static/src/main/js/report/snapshot.js)
     * @param css  the notebook's css chunks as applied in the report ("" for an untrusted notebook)
     */
    record ReportSnapshot(int requestId, String html, String css) implements FrameToEditor {
        @Override
        public void accept(Handler handler) {
            handler.reportSnapshot(this);
        }
    }

    /**
     * Ask for {@code markdown} as HTML (a text/markdown output shown in the report): the editor's
     * renderer draws it (the frame carries none), answered by {@link EditorToFrame.MarkdownHtml}.
     */
    record RenderMarkdown(int requestId, String markdown) implements FrameToEditor {
        @Override
        public void accept(Handler handler) {
            handler.renderMarkdown(this);
        }
    }

    /**
     * A page-wide key was pressed in the report (Ctrl+P, Ctrl+S, Ctrl+., Alt+H): the editor acts as if it
     * had been pressed on its page. Notebook code could send this too, so the editor acts only while
     * its page has a user's activation, which a real key press in the frame gives it.
     */
    record ShortcutPressed(PageShortcut shortcut) implements FrameToEditor {
        @Override
        public void accept(Handler handler) {
            handler.shortcutPressed(this);
        }
    }

    /**
     * Notebook code keeps a data file (Iodide's {@code iodide.file.save}): the editor stores it with
     * the user's data files, gives it to the frame and Python as any file added ({@link EditorToFrame.PutDataFile}),
     * then answers {@link EditorToFrame.DataFileDone}. Without {@code overwrite} a kept file of that
     * name is not replaced.
     *
     * @param base64 the file's bytes
     */
    record SaveDataFile(int requestId, String name, String base64, boolean overwrite) implements FrameToEditor {
        @Override
        public void accept(Handler handler) {
            handler.saveDataFile(this);
        }
    }

    /**
     * Notebook code deletes a data file (Iodide's {@code iodide.file.delete}): the editor forgets it
     * as Delete in the Files dialog does ({@link EditorToFrame.RemoveDataFile}), then answers
     * {@link EditorToFrame.DataFileDone}.
     */
    record DeleteDataFile(int requestId, String name) implements FrameToEditor {
        @Override
        public void accept(Handler handler) {
            handler.deleteDataFile(this);
        }
    }

    /**
     * A js chunk's {@code jodide.python.get(name)} while the notebook's Python runs on a Jupyter server
     * ({@link EditorToFrame.PythonOnServer}): the editor, which holds the connection, asks the server's
     * kernel for a copy and answers {@link EditorToFrame.ServerGlobal}.
     */
    record ReadServerGlobal(int requestId, String name) implements FrameToEditor {
        @Override
        public void accept(Handler handler) {
            handler.readServerGlobal(this);
        }
    }

    /**
     * The reader clicked a link in the report that leads out of it: followed in the frame, its page
     * would replace the report and the kernel with it, so the frame asks the editor to open it in a
     * new tab. {@code href} is the link's attribute as written (a relative one means the notebook's
     * location, which the editor knows). Notebook code could send this too: the editor opens only
     * http, https and mailto links, and only while its page has a user's activation, which a click in
     * the frame gives it.
     */
    record OpenLink(String href) implements FrameToEditor {
        @Override
        public void accept(Handler handler) {
            handler.openLink(this);
        }
    }

    /**
     * The reader clicked a download link in the report ({@code <a download href="data:…">}, a blob: URL
     * notebook code made): the frame's sandbox allows no downloads and only the frame can read such a
     * URL, so it reads the file and the editor offers it as a download. {@code error} is null, or why
     * the file could not be read ({@code name} and {@code base64} are null then). Untrusted, as
     * {@link OpenLink}: the editor downloads only right after a click.
     */
    record DownloadFile(String name, String base64, String error) implements FrameToEditor {
        @Override
        public void accept(Handler handler) {
            handler.downloadFile(this);
        }
    }
}

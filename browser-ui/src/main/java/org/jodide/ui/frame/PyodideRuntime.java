package org.jodide.ui.frame;

import org.jodide.core.Language;
import org.jodide.core.kernel.ExecutionListener;
import org.jodide.core.kernel.ForwardingListener;
import org.jodide.core.protocol.FrameToEditor;
import org.jodide.core.protocol.HomeFile;
import org.jodide.pyodide.PyodideOptions;
import org.jodide.pyodide.PythonRuntime;
import org.jodide.ui.frame.runtime.LanguageRuntime;
import org.jodide.pyodide.DataFile;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Python in Pyodide on the eval frame's main thread ({@link PythonRuntime}): loads Pyodide with
 * download progress, exposes it to JavaScript as the {@code pyodide} global (docs/interop.md), and
 * installs wheels for fetch chunks. A running chunk can be stopped only by restarting the frame.
 */
final class PyodideRuntime implements LanguageRuntime, WheelInstaller, DataFileTarget {
    private final PyodideOptions options;
    /** The data files, by name: written into Python once it is loaded. */
    private final Map<String, DataFile> dataFiles = new LinkedHashMap<>();
    /** Hears why this Pyodide can no longer be used (a fatal error, {@code os._exit}). */
    private final Consumer<String> lost;
    private PythonRuntime python;
    /** The run in progress, whose output must reach the page before a dialog holds this thread; null between runs. */
    private ExecutionListener running;
    /** Hears what Python prints between runs. */
    private OutputOutsideRuns outsideRuns = (source, stream, text) -> { };

    PyodideRuntime(PyodideOptions options, Consumer<String> lost) {
        this.options = options;
        this.lost = lost;
    }

    @Override
    public String languageId() {
        return Language.PYTHON.id();
    }

    @Override
    public String displayName() {
        return "Python";
    }

    @Override
    public void load(LoadListener listener) {
        PythonRuntime.load(options, listener::progress, runtime -> {
            python = runtime;
            runtime.onFatal(lost::accept);
            runtime.onOutputOutsideRuns((stream, text) -> outsideRuns.printed(displayName(), stream, text));
            runtime.installBlockingSleep();
            runtime.installLineReader(this::askInDialog);
            runtime.exposeToJavaScript();
            dataFiles.values().forEach(runtime::writeDataFile);
            listener.ready("Python " + runtime.pyodideVersion());
        }, listener::failed);
    }

    @Override
    public void onOutputOutsideRuns(OutputOutsideRuns listener) {
        outsideRuns = listener;
    }

    @Override
    public void run(String code, String sourceName, int firstLine, ExecutionListener listener) {
        running = listener;
        python.run(code, sourceName, firstLine, new ForwardingListener(listener) {
            @Override
            public void finished(String value, String error) {
                running = null;
                super.finished(value, error);
            }
        });
    }

    /**
     * {@code input()} and {@code getpass.getpass()} on this thread: the browser's {@code prompt()}
     * dialog (the frame's sandbox allows modals), which holds the thread until it is answered. What
     * the run printed before it goes to the page first, so the question comes after it as in a
     * terminal. Cancel is the end of input (EOFError). A password shows as typed: the dialog has no
     * hidden field (Python in a worker asks in the page, with one).
     */
    private JSObject askInDialog(String prompt, boolean password) {
        python.flushPrinted();
        if (running != null) {
            running.blocking();
        }
        return promptDialog(prompt);
    }

    @Override
    public void putDataFile(DataFile file) {
        dataFiles.put(file.name(), file);
        if (python != null) {
            python.writeDataFile(file);
        }
    }

    @Override
    public void removeDataFile(String name) {
        dataFiles.remove(name);
        if (python != null) {
            python.removeDataFile(name);
        }
    }

    @Override
    public void listHome(BiConsumer<List<HomeFile>, String> answer) {
        if (python == null) {
            answer.accept(List.of(), DataFileTarget.STARTING);
        } else {
            answer.accept(python.homeFiles(), null);
        }
    }

    @Override
    public void readHome(String name, BiConsumer<String, String> answer) {
        if (python == null) {
            answer.accept(null, DataFileTarget.STARTING);
        } else {
            python.readHomeFile(name, answer);
        }
    }

    @Override
    public void complete(String token, Consumer<List<String>> names) {
        names.accept(python == null ? List.of() : Completions.fromJsonArray(python.completionsJson(token)));
    }

    @Override
    public void inspect(String before, String after, Consumer<String> text) {
        text.accept(python == null ? "" : python.helpText(before, after));
    }

    @Override
    public void variables(Consumer<List<FrameToEditor.Variable>> variables) {
        variables.accept(python == null ? List.of() : WorkspaceSnapshot.fromJson(Language.PYTHON, python.workspaceJson()));
    }

    @Override
    public void installWheel(String url, Consumer<String> progress, Consumer<String> done) {
        python.installWheel(url, progress, done);
    }

    @Override
    public void interrupt() {
        // Python holds the frame's only thread while it runs: the editor's restart (a new frame) stops it.
    }

    @Override
    public InterruptMode interruptMode() {
        return InterruptMode.RESTARTS;
    }

    @Override
    public void dispose() {
        // Pyodide on the main thread cannot be freed; it goes with the frame.
    }

    /** The line typed in the browser's dialog, or null when it was cancelled. */
    @JSBody(params = "question", script = "return window.prompt(question);")
    private static native JSObject promptDialog(String question);
}

package org.jodide.ui.frame;

import org.jodide.core.Language;
import org.jodide.core.kernel.ExecutionListener;
import org.jodide.core.kernel.OutputStream;
import org.jodide.core.protocol.FrameToEditor;
import org.jodide.ui.frame.runtime.LanguageRuntime;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;

import java.util.List;
import java.util.function.Consumer;

/**
 * Python in MicroPython's WebAssembly port on the eval frame's main thread
 * ({@code static/src/main/js/micropython}): starts in tens of milliseconds from ~0.5 MB, where
 * Pyodide takes seconds and ~10 MB, at the cost of most of the standard library and every package
 * (an import of one says so and points to Pyodide). {@code from js import document} reaches the
 * report's DOM. A running chunk holds the frame's only thread: Stop restarts the frame.
 */
final class MicroPythonRuntime implements LanguageRuntime {
    private Kernel kernel;
    /** Hears what MicroPython prints between runs. */
    private OutputOutsideRuns outsideRuns = (source, stream, text) -> { };

    @Override
    public String languageId() {
        return Language.PYTHON.id();
    }

    @Override
    public String displayName() {
        return "MicroPython";
    }

    @Override
    public void load(LoadListener listener) {
        loadMicroPython(started -> {
            kernel = started;
            started.onOutputOutsideRuns((stream, text) -> outsideRuns.printed(displayName(), OutputStream.ofStreamName(stream), text));
            listener.ready(started.getVersion());
        }, listener::failed);
    }

    @Override
    public void onOutputOutsideRuns(OutputOutsideRuns listener) {
        outsideRuns = listener;
    }

    @Override
    public void run(String code, String sourceName, int firstLine, ExecutionListener listener) {
        Result result = kernel.run(code, sourceName, firstLine, Output.of(
                text -> listener.output(OutputStream.STDOUT, text), text -> listener.output(OutputStream.STDERR, text),
                listener::display, listener::clearOutput, listener::blocking));
        if (result.getAwaiting() != null) {
            // It awaits at its top level: it ends when its awaits have (the frame's next run waits for it).
            whenAwaited(result.getAwaiting(), listener::finished);
        } else {
            listener.finished(result.getValue(), result.getError());
        }
    }

    @Override
    public void complete(String token, Consumer<List<String>> names) {
        names.accept(kernel == null ? List.of() : Completions.fromJsonArray(kernel.completionsJson(token)));
    }

    /** MicroPython has no {@code inspect} module to tell signatures: no help. */
    @Override
    public void inspect(String before, String after, Consumer<String> text) {
        text.accept("");
    }

    @Override
    public void variables(Consumer<List<FrameToEditor.Variable>> variables) {
        variables.accept(kernel == null ? List.of() : WorkspaceSnapshot.fromJson(Language.PYTHON, kernel.workspaceJson()));
    }

    @Override
    public void interrupt() {
        // MicroPython holds the frame's only thread while it runs: the editor's restart (a new frame) stops it.
    }

    @Override
    public InterruptMode interruptMode() {
        return InterruptMode.RESTARTS;
    }

    @Override
    public void dispose() {
        // It goes with the frame.
    }

    /** micropython/index.js's kernel. */
    interface Kernel extends JSObject {
        @JSProperty
        String getVersion();

        Result run(String code, String sourceName, int firstLine, Output output);

        String completionsJson(String token);

        String workspaceJson();

        /** What Python prints while no run is going (a callback's print after its run). */
        void onOutputOutsideRuns(Printed printed);
    }

    @JSFunctor
    interface Printed extends JSObject {
        /** @param stream "stdout" or "stderr" */
        void printed(String stream, String text);
    }

    /** A run's end: its value's repr, or its traceback (either may be null); or the promise of them ({@code awaiting}). */
    interface Result extends JSObject {
        @JSProperty
        String getValue();

        @JSProperty
        String getError();

        /** A promise of {value, error} for a chunk that awaits at its top level; null for one that ended. */
        @JSProperty
        JSObject getAwaiting();
    }

    @JSFunctor
    interface Finished extends JSObject {
        void finished(String value, String error);
    }

    @JSBody(params = {"awaiting", "finished"}, script = "awaiting.then((result) => finished(result.value, result.error),"
            + " (failure) => finished(null, 'MicroPython failed: ' + (failure && failure.message ? failure.message : failure)));")
    private static native void whenAwaited(JSObject awaiting, Finished finished);

    /**
     * Where a run's printed text and rich output go, what clear_output() clears, and who sends it all
     * before input() blocks the thread ({@code ExecutionListener.blocking}).
     */
    interface Output extends JSObject {
        @JSBody(params = {"stdout", "stderr", "display", "clear", "blocking"},
                script = "return { stdout: stdout, stderr: stderr, display: display, clear: clear, blocking: blocking };")
        static Output of(Text stdout, Text stderr, Display display, Clear clear, Blocking blocking) {
            throw new UnsupportedOperationException("browser only");
        }
    }

    @JSFunctor
    interface Display extends JSObject {
        void display(String mimeType, String data);
    }

    @JSFunctor
    interface Clear extends JSObject {
        void clear();
    }

    @JSFunctor
    interface Text extends JSObject {
        void text(String text);
    }

    @JSFunctor
    interface Blocking extends JSObject {
        void blocking();
    }

    @JSFunctor
    interface Started extends JSObject {
        void started(Kernel kernel);
    }

    @JSFunctor
    interface Failed extends JSObject {
        void failed(String message);
    }

    @JSBody(params = {"started", "failed"}, script = "window.jodideFrameRuntime.loadMicroPython(started, failed);")
    private static native void loadMicroPython(Started started, Failed failed);
}

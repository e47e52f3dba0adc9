package org.jodide.pyodide;

import org.jodide.core.kernel.ExecutionListener;
import org.jodide.core.kernel.OutputStream;
import org.jodide.pyodide.internal.DisplaySink;
import org.jodide.pyodide.internal.KernelSource;
import org.jodide.pyodide.internal.LoadConfig;
import org.jodide.pyodide.internal.PyCallable;
import org.jodide.pyodide.internal.PyodideApi;
import org.jodide.pyodide.internal.RunOptions;
import org.jodide.pyodide.internal.RunReply;
import org.jodide.pyodide.internal.StreamOptions;
import org.teavm.jso.JSExceptions;

import java.util.function.Consumer;

/**
 * A loaded Pyodide with Jodide's kernel installed: runs notebook code in {@code __main__} and
 * streams its printed output. One run at a time: the caller queues runs.
 *
 * <pre>{@code
 * PythonRuntime.load(PyodideOptions.defaults(), runtime -> runtime.run("1+1", "<chunk>", 0, listener),
 *         failure -> show(failure));
 * }</pre>
 */
public final class PythonRuntime {
    private final PyodideApi pyodide;
    private final PyCallable kernelRun;
    private ExecutionListener current;

    private PythonRuntime(PyodideApi pyodide, PyCallable kernelRun) {
        this.pyodide = pyodide;
        this.kernelRun = kernelRun;
    }

    /** Loads Pyodide; exactly one of the callbacks is called, with the runtime or with why it failed. */
    public static void load(PyodideOptions options, Consumer<PythonRuntime> ready, Consumer<String> failed) {
        if (!PyodideApi.isScriptLoaded()) {
            failed.accept("pyodide.js is not loaded in this page");
            return;
        }
        LoadConfig config = LoadConfig.create();
        config.setIndexURL(options.indexUrl());
        if (options.packageBaseUrl() != null) {
            config.setPackageBaseUrl(options.packageBaseUrl());
        }
        PyodideApi.load(config).then(pyodide -> {
            PythonRuntime runtime;
            try {
                runtime = install(pyodide);
            } catch (RuntimeException e) {
                failed.accept("Pyodide loaded, but the Jodide kernel could not be installed: " + describe(e));
                return null;
            }
            ready.accept(runtime);
            return null;
        }, error -> {
            failed.accept("Pyodide could not be loaded from " + options.indexUrl() + ": " + error);
            return null;
        });
    }

    private static PythonRuntime install(PyodideApi pyodide) {
        RunOptions namespace = RunOptions.inFreshNamespace(pyodide, KernelSource.FILENAME);
        pyodide.runPython(KernelSource.PYTHON, namespace);
        PyCallable run = RunOptions.lookup(namespace, "run");
        PyCallable setDisplaySink = RunOptions.lookup(namespace, "set_display_sink");
        RunOptions.release(namespace);
        PythonRuntime runtime = new PythonRuntime(pyodide, run);
        PyCallable.callAndRelease(setDisplaySink, runtime::display);
        pyodide.setStdout(StreamOptions.batched(line -> runtime.print(OutputStream.STDOUT, line)));
        pyodide.setStderr(StreamOptions.batched(line -> runtime.print(OutputStream.STDERR, line)));
        return runtime;
    }

    public String pyodideVersion() {
        return pyodide.getVersion();
    }

    /**
     * Runs {@code code} as the body of one chunk.
     *
     * @param filename  the name tracebacks show for this code
     * @param firstLine 0-based notebook line of the code's first line; tracebacks count from it
     */
    public void run(String code, String filename, int firstLine, ExecutionListener listener) {
        if (current != null) {
            throw new IllegalStateException("a Python run is already in progress");
        }
        current = listener;
        PyCallable.callAsync(kernelRun, code, filename, firstLine, (json, failure) -> {
            ExecutionListener finishing = current;
            current = null;
            if (failure != null) {
                finishing.finished(null, "The Jodide kernel failed: " + failure);
            } else {
                RunReply reply = RunReply.parse(json);
                finishing.finished(reply.getValue(), reply.getError());
            }
        });
    }

    private void display(String mimeType, String data) {
        if (current != null) {
            current.display(mimeType, data);
        }
    }

    private void print(OutputStream stream, String line) {
        if (current != null) {
            current.output(stream, line + "\n");
        }
    }

    private static String describe(RuntimeException e) {
        Object js = JSExceptions.getJSException(e);
        return js != null ? String.valueOf(js) : String.valueOf(e.getMessage());
    }
}

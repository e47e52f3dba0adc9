package org.jodide.pyodide.internal;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSPromise;

/**
 * The PyProxy of the {@code jodide_kernel} package: the Python side of the kernel
 * (pyodide-loader/src/main/python/jodide_kernel), fetched next to Pyodide as
 * {@code jodide-kernel.json}, written into Pyodide's file system and imported by
 * pyodide-support.js ({@code src/main/js/pyodide/kernel-files.js}).
 */
public interface KernelModule extends JSObject {
    /**
     * Fetches the kernel's files ({@code {path: source}}); rejects with the reason (HTTP status,
     * network error, bad JSON, or no answer within {@code timeoutMs}).
     */
    @JSBody(params = {"url", "timeoutMs"}, script = "return globalThis.jodidePyodideSupport.fetchJson(url, timeoutMs);")
    static JSPromise<JSObject> fetchFiles(String url, int timeoutMs) {
        throw new UnsupportedOperationException("browser only");
    }

    /** Writes {@code files} into Pyodide's file system and imports the package; throws on a broken kernel. */
    @JSBody(params = {"pyodide", "files"}, script = "return globalThis.jodidePyodideSupport.installKernel(pyodide, files);")
    static KernelModule install(PyodideApi pyodide, JSObject files) {
        throw new UnsupportedOperationException("browser only");
    }

    /**
     * After a start from the memory snapshot, before any user code: renews what the snapshot's start
     * recorded (the random seed, the language, the time zone; the kernel's {@code process_state.py}).
     */
    @JSBody(params = {"pyodide", "kernel"}, script = "globalThis.jodidePyodideSupport.renewProcessState(pyodide, kernel);")
    static void renewProcessState(PyodideApi pyodide, KernelModule kernel) {
        throw new UnsupportedOperationException("browser only");
    }

    /** Whether pyodide-support.js has been loaded into this global scope (the frame, or the worker). */
    @JSBody(script = "return typeof globalThis.jodidePyodideSupport === 'object' && globalThis.jodidePyodideSupport !== null;")
    static boolean isSupportLoaded() {
        throw new UnsupportedOperationException("browser only");
    }

    /** One of the package's functions (see its {@code __init__.py}); the proxy lives as long as the caller keeps it. */
    @JSBody(params = {"kernel", "name"}, script = "return kernel[name];")
    static PyCallable function(KernelModule kernel, String name) {
        throw new UnsupportedOperationException("browser only");
    }

    /** Destroys this proxy (the functions taken from it stay usable). */
    void destroy();
}

package org.jodide.pyodide.internal;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;
import org.teavm.jso.core.JSPromise;

/** Overlay of the object {@code loadPyodide()} resolves to (the parts Jodide uses). */
public interface PyodideApi extends JSObject {
    @JSProperty
    String getVersion();

    void setStdout(StreamOptions options);

    void setStderr(StreamOptions options);

    /**
     * Pyodide's {@code setInterruptBuffer}: Python raises KeyboardInterrupt when 2 is written into
     * {@code buffer} (an Int32Array over a SharedArrayBuffer) while it runs.
     */
    void setInterruptBuffer(JSObject buffer);

    /**
     * Fetches a package index's {@code pyodide-lock.json} and parses it; rejects with the reason
     * (HTTP status, network error, bad JSON, or no answer within {@code timeoutMs}).
     */
    @JSBody(params = {"url", "timeoutMs"}, script = "return globalThis.jodidePyodideSupport.fetchJson(url, timeoutMs);")
    static JSPromise<JSObject> fetchLockFile(String url, int timeoutMs) {
        throw new UnsupportedOperationException("browser only");
    }

    /**
     * Starts fetching the site's memory snapshot of a Pyodide that has just started
     * ({@code src/main/js/pyodide/snapshot.js}); the promise never rejects (no snapshot: Python
     * starts without one).
     */
    @JSBody(params = "url", script = "return globalThis.jodidePyodideSupport.fetchSnapshot(url);")
    static JSObject fetchSnapshot(String url) {
        throw new UnsupportedOperationException("browser only");
    }

    /**
     * Calls the global {@code loadPyodide} that {@code pyodide.js} defines, from {@code snapshot}
     * ({@link #fetchSnapshot}) when it holds one Pyodide accepts. Pyodide 314 takes the package list
     * from {@code lockFileContents} and downloads each package from {@code packageBaseUrl} + its
     * {@code file_name} (checking its sha256), so the two must describe the same index. Its WebAssembly
     * is the module compiled ahead where the Python worker did ({@code precompiled-wasm.js}), and its
     * module script the one imported from the editor page's copy where it handed one ({@code module-script.js}).
     */
    @JSBody(params = {"indexUrl", "lock", "packageBaseUrl", "snapshot"}, script = ""
            + "const support = globalThis.jodidePyodideSupport;"
            + "return support.loadPython(support.usingHandedModuleScript(support.usingPrecompiledWasm(loadPyodide)),"
            + " {indexURL: indexUrl, lockFileContents: lock, packageBaseUrl: packageBaseUrl}, snapshot);")
    static JSPromise<LoadedPython> load(String indexUrl, JSObject lock, String packageBaseUrl, JSObject snapshot) {
        throw new UnsupportedOperationException("browser only");
    }

    /** What {@link #load} resolves to: the Pyodide, and whether it started from the snapshot. */
    interface LoadedPython extends JSObject {
        @JSProperty
        PyodideApi getPyodide();

        @JSProperty
        boolean isRestored();
    }

    @org.teavm.jso.JSFunctor
    interface FatalListener extends JSObject {
        /** @param exited true when the program exited ({@code os._exit}, Emscripten's ExitStatus) rather than crashed */
        void fatal(String reason, boolean exited);
    }

    /**
     * Hooks Pyodide's fatal error handler ({@code API.fatal_error} calls {@code API.on_fatal}
     * after it has made every public API member throw "Pyodide already fatally failed"). Called once
     * (src/main/js/pyodide/fatal.js).
     */
    @JSBody(params = {"pyodide", "listener"}, script = "globalThis.jodidePyodideSupport.onFatal(pyodide, listener);")
    static void onFatal(PyodideApi pyodide, FatalListener listener) {
        throw new UnsupportedOperationException("browser only");
    }

    /**
     * Makes Pyodide the {@code pyodide} global of the page's js chunks, as in Iodide: a view whose
     * {@code pyimport(name)} reads a Python global first, as Iodide's Pyodide did (iodide-pyimport.js).
     */
    @JSBody(params = "pyodide", script = "globalThis.pyodide = globalThis.jodidePyodideSupport.iodideFacingPyodide(pyodide);")
    static void exposeAsGlobal(PyodideApi pyodide) {
        throw new UnsupportedOperationException("browser only");
    }

    /** Whether {@code pyodide.js} has been loaded into this page. */
    @JSBody(script = "return typeof loadPyodide === 'function';")
    static boolean isScriptLoaded() {
        throw new UnsupportedOperationException("browser only");
    }
}

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
     * Calls the global {@code loadPyodide} that {@code pyodide.js} defines. Pyodide 314 takes the
     * package list from {@code lockFileContents} and downloads each package from
     * {@code packageBaseUrl} + its {@code file_name} (checking its sha256), so the two must
     * describe the same index.
     */
    @JSBody(params = {"indexUrl", "lock", "packageBaseUrl"}, script = ""
            + "return loadPyodide({indexURL: indexUrl, lockFileContents: lock, packageBaseUrl: packageBaseUrl});")
    static JSPromise<PyodideApi> load(String indexUrl, JSObject lock, String packageBaseUrl) {
        throw new UnsupportedOperationException("browser only");
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

    @JSBody(params = "pyodide", script = "globalThis.pyodide = pyodide;")
    static void exposeAsGlobal(PyodideApi pyodide) {
        throw new UnsupportedOperationException("browser only");
    }

    /** Whether {@code pyodide.js} has been loaded into this page. */
    @JSBody(script = "return typeof loadPyodide === 'function';")
    static boolean isScriptLoaded() {
        throw new UnsupportedOperationException("browser only");
    }
}

package org.jodide.pyodide.internal;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;
import org.teavm.jso.core.JSPromise;

/** Overlay of the object {@code loadPyodide()} resolves to (the parts Jodide uses). */
public interface PyodideApi extends JSObject {
    @JSProperty
    String getVersion();

    /** Pyodide's {@code runPython(code, {globals, filename})}. */
    JSObject runPython(String code, RunOptions options);

    void setStdout(StreamOptions options);

    void setStderr(StreamOptions options);

    /** Calls the global {@code loadPyodide(config)} that {@code pyodide.js} defines. */
    @JSBody(params = "config", script = "return loadPyodide(config);")
    static JSPromise<PyodideApi> load(LoadConfig config) {
        throw new UnsupportedOperationException("browser only");
    }

    /** Whether {@code pyodide.js} has been loaded into this page. */
    @JSBody(script = "return typeof loadPyodide === 'function';")
    static boolean isScriptLoaded() {
        throw new UnsupportedOperationException("browser only");
    }
}

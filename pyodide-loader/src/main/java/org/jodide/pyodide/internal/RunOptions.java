package org.jodide.pyodide.internal;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;

/** Overlay of the options of Pyodide's {@code runPython}: a fresh globals dict and a filename. */
public interface RunOptions extends JSObject {
    /** Options that run code in a new, private namespace (not the user's {@code __main__}). */
    @JSBody(params = {"pyodide", "filename"},
            script = "return {globals: pyodide.globals.get('dict')(), filename: filename};")
    static RunOptions inFreshNamespace(PyodideApi pyodide, String filename) {
        throw new UnsupportedOperationException("browser only");
    }

    /** Takes {@code name} out of the namespace these options created. */
    @JSBody(params = {"options", "name"}, script = "return options.globals.get(name);")
    static PyCallable lookup(RunOptions options, String name) {
        throw new UnsupportedOperationException("browser only");
    }

    /** Destroys the proxy of the namespace dict (the functions defined in it keep it alive in Python). */
    @JSBody(params = "options", script = "options.globals.destroy();")
    static void release(RunOptions options) {
        throw new UnsupportedOperationException("browser only");
    }
}

package org.jodide.pyodide.internal;

import org.teavm.jso.JSBody;

/** Binding of {@code data-files.js}: the user's data files in Python's home folder. */
public final class DataFiles {
    private DataFiles() {
    }

    @JSBody(params = {"pyodide", "name", "base64"}, script = "globalThis.jodidePyodideSupport.writeDataFile(pyodide, name, base64);")
    public static native void write(PyodideApi pyodide, String name, String base64);

    @JSBody(params = {"pyodide", "name"}, script = "globalThis.jodidePyodideSupport.removeDataFile(pyodide, name);")
    public static native void remove(PyodideApi pyodide, String name);
}

package org.jodide.pyodide.internal;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

/** Binding of {@code data-files.js}: the user's data files in Python's home folder. */
public final class DataFiles {
    private DataFiles() {
    }

    /** Writes {@code bytes} (an {@code ArrayBuffer}) as the data file {@code name}, modified at {@code lastUpdated} (ISO 8601). */
    @JSBody(params = {"pyodide", "name", "bytes", "lastUpdated"},
            script = "globalThis.jodidePyodideSupport.writeDataFile(pyodide, name, bytes, lastUpdated);")
    public static native void write(PyodideApi pyodide, String name, JSObject bytes, String lastUpdated);

    @JSBody(params = {"pyodide", "name"}, script = "globalThis.jodidePyodideSupport.removeDataFile(pyodide, name);")
    public static native void remove(PyodideApi pyodide, String name);

    /** Hears one file of Python's home folder. */
    @JSFunctor
    public interface Each extends JSObject {
        void file(String name, int size);
    }

    /** Calls {@code each} for every regular file of Python's home folder, by name. */
    @JSBody(params = {"pyodide", "each"}, script = "for (const file of JSON.parse(globalThis.jodidePyodideSupport.listHome(pyodide)))"
            + " each(file.name, file.size);")
    public static native void listHome(PyodideApi pyodide, Each each);

    /** Hears a file read: its bytes (base64), or null and why. */
    @JSFunctor
    public interface Read extends JSObject {
        void read(String base64, String error);
    }

    /** Reads a file of Python's home folder; {@code read} hears it at once. */
    @JSBody(params = {"pyodide", "name", "read"}, script = "let base64; try { base64 = globalThis.jodidePyodideSupport.readHome(pyodide, name); }"
            + " catch (e) { read(null, String(e && e.message || e)); return; } read(base64, null);")
    public static native void readHome(PyodideApi pyodide, String name, Read read);
}

package org.jodide.pyodide.internal;

import org.teavm.jso.JSObject;

/** Overlay of the options of Pyodide's {@code setStdout}/{@code setStderr} (made by {@link PrintedLines}). */
public interface StreamOptions extends JSObject {
}

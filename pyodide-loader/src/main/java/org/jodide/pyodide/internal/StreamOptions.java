package org.jodide.pyodide.internal;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;

/** Overlay of the options of Pyodide's {@code setStdout}/{@code setStderr}. */
public interface StreamOptions extends JSObject {
    /** Pyodide calls {@code sink} with each line printed, without its line break. */
    @JSBody(params = "sink", script = "return {batched: function(line) { sink(line); }};")
    static StreamOptions batched(TextSink sink) {
        throw new UnsupportedOperationException("browser only");
    }
}

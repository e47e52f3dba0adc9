package org.jodide.pyodide.internal;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;

/** Overlay of the options of Pyodide's {@code setStdout}/{@code setStderr}. */
public interface StreamOptions extends JSObject {
    /**
     * Pyodide calls {@code sink} with the text of each write of the stream, as Python's buffer
     * hands it over (stdout: about 8 KB at a time, and at each flush; stderr: each line), decoded
     * from UTF-8 across writes. One call per buffer instead of one per line (Pyodide's
     * {@code batched}) keeps a loop printing 100,000 lines from making 100,000 calls into the page.
     */
    @JSBody(params = "sink", script = "var decoder = new TextDecoder();"
            + "return {write: function(buffer) {"
            + "  var text = decoder.decode(buffer, {stream: true});"
            + "  if (text.length > 0) { sink(text); }"
            + "  return buffer.length;"
            + "}};")
    static StreamOptions written(TextSink sink) {
        throw new UnsupportedOperationException("browser only");
    }
}

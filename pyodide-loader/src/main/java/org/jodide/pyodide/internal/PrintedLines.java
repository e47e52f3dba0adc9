package org.jodide.pyodide.internal;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;

/**
 * Joins the lines Python prints, in JavaScript, into one text per stream run and handing: Pyodide
 * calls its stream handler once per line, and a call into the Java side per line cost ~10 µs
 * (a loop printing 100,000 lines ran 2–5 times slower than in a bare page). The sink gets the
 * joined text (each line with its line feed) when {@code maxDelayMs} have passed since the first
 * line waiting (checked at each line, and by a timer for code that yields), when the other stream
 * prints (so stdout and stderr keep their order), and when {@link #flush} is called (before a
 * display and at the end of a run).
 */
public interface PrintedLines extends JSObject {
    /** Hears joined text: {@code stream} 0 is stdout, 1 is stderr. */
    @JSFunctor
    interface Sink extends JSObject {
        void printed(int stream, String text);
    }

    /** The options for {@code pyodide.setStdout}. */
    @JSProperty
    StreamOptions getStdout();

    /** The options for {@code pyodide.setStderr}. */
    @JSProperty
    StreamOptions getStderr();

    /** Hands over what is waiting now. */
    void flush();

    @JSBody(params = {"sink", "maxDelayMs"}, script = "return jodidePrintedLines(sink, maxDelayMs);")
    static PrintedLines create(Sink sink, int maxDelayMs) {
        throw new UnsupportedOperationException("browser only");
    }

    /** Defines {@code jodidePrintedLines}, once per global scope (the page, or a worker). */
    @JSBody(script = ""
            + "if (typeof globalThis.jodidePrintedLines === 'function') return;"
            + "globalThis.jodidePrintedLines = function(sink, maxDelayMs) {"
            + "  var lines = [], stream = 0, since = 0, timer = 0;"
            + "  function flush() {"
            + "    if (timer) { clearTimeout(timer); timer = 0; }"
            + "    if (lines.length) { var text = lines.join('\\n') + '\\n'; lines = []; sink(stream, text); }"
            + "  }"
            + "  function handler(from) {"
            + "    return { batched: function(line) {"
            + "      if (lines.length && stream !== from) flush();"
            + "      var now = performance.now();"
            + "      if (!lines.length) { stream = from; since = now; timer = setTimeout(flush, maxDelayMs); }"
            + "      lines.push(line);"
            + "      if (now - since >= maxDelayMs) flush();"
            + "    } };"
            + "  }"
            + "  return { stdout: handler(0), stderr: handler(1), flush: flush };"
            + "};")
    static void define() {
        throw new UnsupportedOperationException("browser only");
    }
}

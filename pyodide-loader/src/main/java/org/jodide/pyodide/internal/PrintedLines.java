package org.jodide.pyodide.internal;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;

/**
 * Joins what Python prints, in JavaScript, into one text per stream run (see
 * static/src/main/js/pyodide/printed-lines.js, where the rules live and are tested): Pyodide calls
 * its stream writer once per line and at each flush, and a call into the Java side per line cost
 * ~10 µs. The sink gets the joined text, exactly as printed (a flushed text without its line end
 * included), after {@code maxDelayMs}, when the other stream prints, and when {@link #flush} is
 * called (before a display and at the end of a run).
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

    @JSBody(params = {"sink", "maxDelayMs"}, script = "return jodidePyodideSupport.printedLines(sink, maxDelayMs);")
    static PrintedLines create(Sink sink, int maxDelayMs) {
        throw new UnsupportedOperationException("browser only");
    }
}

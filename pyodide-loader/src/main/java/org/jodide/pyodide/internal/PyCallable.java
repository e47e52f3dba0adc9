package org.jodide.pyodide.internal;

import org.jodide.pyodide.LineReader;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

/**
 * A PyProxy of one of the kernel's Python functions. Calling the {@code run} coroutine function
 * returns an awaitable PyProxy; {@link #callAsync} awaits it, destroys it, and reports the JSON
 * string it returned; {@link #callNow} calls {@code run_now}, which answers at once
 * (src/main/js/pyodide/python-calls.js).
 */
public interface PyCallable extends JSObject {

    @JSFunctor
    interface Reply extends JSObject {
        /** Exactly one of the two is non-null. */
        void done(String json, String failure);
    }

    /** Calls a Python function of no argument, then destroys the function's proxy. */
    @JSBody(params = "fn", script = "globalThis.jodidePyodideSupport.callAndRelease(fn);")
    static void callAndRelease(PyCallable fn) {
        throw new UnsupportedOperationException("browser only");
    }

    /** Calls a Python function with a display sink and a clearing sink, then destroys the function's proxy. */
    @JSBody(params = {"fn", "sink", "clear"}, script = "globalThis.jodidePyodideSupport.callAndRelease(fn, sink, clear);")
    static void callAndRelease(PyCallable fn, DisplaySink sink, ClearSink clear) {
        throw new UnsupportedOperationException("browser only");
    }

    /** Calls a Python function of one JS function argument, then destroys the function's proxy. */
    @JSBody(params = {"fn", "callback"}, script = "globalThis.jodidePyodideSupport.callAndRelease(fn, callback);")
    static void callAndRelease(PyCallable fn, JSObject callback) {
        throw new UnsupportedOperationException("browser only");
    }

    /** Calls a Python function with a line reader, then destroys the function's proxy. */
    @JSBody(params = {"fn", "reader"}, script = "globalThis.jodidePyodideSupport.callAndRelease(fn, reader);")
    static void callAndRelease(PyCallable fn, LineReader reader) {
        throw new UnsupportedOperationException("browser only");
    }

    /** Calls a Python function of one string argument (none when null) that returns a string. */
    @JSBody(params = {"fn", "argument"}, script = "return String(argument === null ? fn() : fn(argument));")
    static String callForString(PyCallable fn, String argument) {
        throw new UnsupportedOperationException("browser only");
    }

    /** Calls a Python function of two string arguments that returns a string. */
    @JSBody(params = {"fn", "first", "second"}, script = "return String(fn(first, second));")
    static String callForString(PyCallable fn, String first, String second) {
        throw new UnsupportedOperationException("browser only");
    }

    /**
     * Calls the kernel's {@code run_now}: true when it answered {@code reply} (it ran the chunk, or
     * the call threw), false when it answered None (a chunk that awaits, not run).
     */
    @JSBody(params = {"fn", "code", "filename", "firstLine", "reply"},
            script = "return globalThis.jodidePyodideSupport.callNow(fn, code, filename, firstLine, reply);")
    static boolean callNow(PyCallable fn, String code, String filename, int firstLine, Reply reply) {
        throw new UnsupportedOperationException("browser only");
    }

    @JSBody(params = {"fn", "code", "filename", "firstLine", "reply"},
            script = "globalThis.jodidePyodideSupport.callAsync(fn, code, filename, firstLine, reply);")
    static void callAsync(PyCallable fn, String code, String filename, int firstLine, Reply reply) {
        throw new UnsupportedOperationException("browser only");
    }
}

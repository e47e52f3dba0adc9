package org.jodide.pyodide.internal;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

/**
 * A PyProxy of the kernel's {@code run} coroutine function. Calling it returns an awaitable
 * PyProxy; {@link #callAsync} awaits it, destroys it, and reports the JSON string it returned.
 */
public interface PyCallable extends JSObject {

    @JSFunctor
    interface Reply extends JSObject {
        /** Exactly one of the two is non-null. */
        void done(String json, String failure);
    }

    /** Calls a Python function with a display sink, then destroys the function's proxy. */
    @JSBody(params = {"fn", "sink"}, script = "try { fn(sink); } finally { fn.destroy(); }")
    static void callAndRelease(PyCallable fn, DisplaySink sink) {
        throw new UnsupportedOperationException("browser only");
    }

    /** Calls a Python function of one string argument (none when null) that returns a string. */
    @JSBody(params = {"fn", "argument"}, script = "return String(argument === null ? fn() : fn(argument));")
    static String callForString(PyCallable fn, String argument) {
        throw new UnsupportedOperationException("browser only");
    }

    // Long local names: TeaVM renames parameters to short names that a short local would shadow.
    @JSBody(params = {"fn", "code", "filename", "firstLine", "reply"}, script = ""
            + "var awaitable;"
            + "try { awaitable = fn(code, filename, firstLine); }"
            + "catch (thrown) { reply(null, String(thrown && thrown.stack || thrown)); return; }"
            + "Promise.resolve(awaitable).then("
            + "  function(json) { try { awaitable.destroy(); } catch (ignored) {} reply(String(json), null); },"
            + "  function(thrown) { try { awaitable.destroy(); } catch (ignored) {} reply(null, String(thrown && thrown.message || thrown)); });")
    static void callAsync(PyCallable fn, String code, String filename, int firstLine, Reply reply) {
        throw new UnsupportedOperationException("browser only");
    }
}

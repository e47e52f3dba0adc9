package org.jodide.pyodide.internal;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

/**
 * Pyodide's package loading, made safe to wait on: {@code loadPackagesFromImports} and
 * {@code loadPackage} never reject (failures arrive only through their error callback) and hang
 * forever on an index that never answers, so each call here gets a deadline
 * (src/main/js/pyodide/package-loading.js).
 */
public final class PackageLoading {
    private PackageLoading() {
    }

    @JSFunctor
    public interface Progress extends JSObject {
        void message(String text);
    }

    @JSFunctor
    public interface Settled extends JSObject {
        /**
         * @param outcome null on success, "error" when the error callback was called or the call
         *                threw, "timeout" when the deadline passed first
         * @param errors  the error callback's messages, one per line
         */
        void settled(String outcome, String errors);
    }

    /** {@code pyodide.loadPackagesFromImports(code)} with a deadline (ms). */
    public static void fromImports(PyodideApi pyodide, String code, int timeoutMs, Progress progress, Settled settled) {
        withDeadline(pyodide, "loadPackagesFromImports", code, timeoutMs, progress, settled);
    }

    /** {@code pyodide.loadPackage(url)} for one wheel URL, with a deadline (ms). */
    public static void wheel(PyodideApi pyodide, String url, int timeoutMs, Progress progress, Settled settled) {
        withDeadline(pyodide, "loadPackage", url, timeoutMs, progress, settled);
    }

    /** Calls {@code pyodide[method](argument, callbacks)} and settles once: on completion, on error or at the deadline. */
    @JSBody(params = {"pyodide", "method", "argument", "timeoutMs", "progress", "settled"},
            script = "globalThis.jodidePyodideSupport.withDeadline(pyodide, method, argument, timeoutMs, progress, settled);")
    private static native void withDeadline(PyodideApi pyodide, String method, String argument, int timeoutMs,
                                            Progress progress, Settled settled);
}

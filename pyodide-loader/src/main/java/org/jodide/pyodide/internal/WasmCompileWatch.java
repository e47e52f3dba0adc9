package org.jodide.pyodide.internal;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

/**
 * Notices when Pyodide's Wasm binary cannot be compiled (a truncated or damaged
 * {@code pyodide.asm.wasm}): Pyodide only logs "wasm instantiation failed!" then and never
 * settles, so without this the kernel would wait for its load deadline. Wraps
 * {@code WebAssembly.instantiateStreaming} and {@code WebAssembly.instantiate} while Pyodide loads
 * (src/main/js/pyodide/load-watch.js).
 */
public final class WasmCompileWatch {
    private WasmCompileWatch() {
    }

    @JSFunctor
    public interface Failure extends JSObject {
        void failed(String reason);
    }

    /** A handle to put WebAssembly's functions back as they were. */
    public interface Restore extends JSObject {
    }

    @JSBody(params = "restore", script = "restore.restore();")
    public static native void restore(Restore restore);

    @JSBody(params = "failure", script = "return globalThis.jodidePyodideSupport.watchWasmCompile(failure);")
    public static native Restore start(Failure failure);
}

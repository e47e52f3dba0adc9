package org.jodide.pyodide.internal;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

/**
 * Counts the bytes of Pyodide's big downloads (the Wasm binary and the standard library) as they
 * arrive, by wrapping {@code fetch} while Pyodide loads: each matching response is handed on
 * with a body stream that reports its progress, and the same status and headers (so
 * {@code WebAssembly.instantiateStreaming} still sees {@code application/wasm})
 * (src/main/js/pyodide/load-watch.js).
 */
public final class DownloadProgress {
    private DownloadProgress() {
    }

    @JSFunctor
    public interface Listener extends JSObject {
        /** Bytes received so far and expected in all, over every file being counted; 0 when unknown. */
        void progress(double loadedBytes, double totalBytes);
    }

    @JSFunctor
    public interface Failure extends JSObject {
        /** A counted download failed (an HTTP error status, a network error): Pyodide will never finish loading. */
        void failed(String reason);
    }

    /** A handle to put {@code fetch} back as it was. */
    public interface Restore extends JSObject {
    }

    @JSBody(params = "restore", script = "restore.restore();")
    public static native void restore(Restore restore);

    /**
     * Starts counting downloads whose URL ends with one of {@code suffixes} (comma-separated).
     * Pyodide swallows a failed Wasm download (it logs "wasm instantiation failed" and never
     * settles), so a failed counted download is reported to {@code failure}.
     */
    @JSBody(params = {"suffixes", "listener", "failure"},
            script = "return globalThis.jodidePyodideSupport.countDownloads(suffixes, listener, failure);")
    public static native Restore start(String suffixes, Listener listener, Failure failure);
}

package org.jodide.pyodide.internal;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

/**
 * Counts the bytes of Pyodide's big downloads (the Wasm binary and the standard library) as they
 * arrive, by wrapping {@code fetch} while Pyodide loads: each matching response is handed on
 * with a body stream that reports its progress, and the same status and headers (so
 * {@code WebAssembly.instantiateStreaming} still sees {@code application/wasm}).
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
    @JSBody(params = {"suffixes", "listener", "failure"}, script = ""
            + "var originalFetch = globalThis.fetch;"
            + "var watched = suffixes.split(',');"
            + "var files = {};"
            + "function report() {"
            + "  var loaded = 0, total = 0;"
            + "  for (var name in files) { loaded += files[name].loaded; total += files[name].total; }"
            + "  listener(loaded, total);"
            + "}"
            + "globalThis.fetch = function(resource, options) {"
            + "  var address = String(resource && resource.url || resource);"
            + "  var counted = watched.some(function(suffix) { return address.split('?')[0].endsWith(suffix); });"
            + "  var pending = originalFetch.apply(this, arguments);"
            + "  if (!counted) return pending;"
            + "  return pending.then(function(response) {"
            + "    if (!response.ok) { failure('HTTP ' + response.status + ' for ' + address); return response; }"
            + "    if (!response.body) return response;"
            + "    var entry = {loaded: 0, total: Number(response.headers.get('Content-Length')) || 0};"
            + "    files[address] = entry; report();"
            + "    var reader = response.body.getReader();"
            + "    var counting = new ReadableStream({"
            + "      pull: function(controller) {"
            + "        return reader.read().then(function(chunk) {"
            + "          if (chunk.done) { controller.close(); return; }"
            + "          entry.loaded += chunk.value.byteLength; report();"
            + "          controller.enqueue(chunk.value);"
            + "        });"
            + "      },"
            + "      cancel: function(reason) { return reader.cancel(reason); }"
            + "    });"
            + "    return new Response(counting, {status: response.status, statusText: response.statusText, headers: response.headers});"
            + "  }, function(networkError) { failure('network error loading ' + address + ': ' + networkError); throw networkError; });"
            + "};"
            + "return {restore: function() { globalThis.fetch = originalFetch; }};")
    public static native Restore start(String suffixes, Listener listener, Failure failure);
}

// Watches Pyodide while it loads: how much of its big files has arrived, and whether its Wasm
// binary fails to compile (Pyodide then only logs "wasm instantiation failed!" and never settles).
// Each watch wraps a global while Pyodide loads and returns {restore()} to put it back.

/**
 * Counts the bytes of downloads whose URL (query left out) ends with one of `suffixes`
 * (comma-separated) by wrapping globalThis.fetch: each matching response is handed on with a body
 * stream that reports progress as listener(loaded, total) over every counted file (total 0 when
 * unknown), and the same status and headers (so WebAssembly.instantiateStreaming still sees
 * application/wasm); one made in this scope rather than downloaded (type "default") is counted
 * whole at once and handed on as it is. Pyodide swallows a failed Wasm download, so a failed
 * counted download (an HTTP error, a network error) is reported to failure(reason).
 */
export function countDownloads(suffixes, listener, failure, scope = globalThis) {
  const originalFetch = scope.fetch;
  const watched = suffixes.split(',');
  const files = {};
  const report = () => {
    let loaded = 0;
    let total = 0;
    for (const name of Object.keys(files)) {
      loaded += files[name].loaded;
      total += files[name].total;
    }
    listener(loaded, total);
  };
  scope.fetch = function countingFetch(resource, ...rest) {
    const address = String((resource && resource.url) || resource);
    const counted = watched.some((suffix) => address.split('?')[0].endsWith(suffix));
    const pending = originalFetch.call(this, resource, ...rest);
    if (!counted) return pending;
    return pending.then((response) => {
      if (!response.ok) {
        failure(`HTTP ${response.status} for ${address}`);
        return response;
      }
      if (!response.body) return response;
      const entry = { loaded: 0, total: Number(response.headers.get('Content-Length')) || 0 };
      files[address] = entry;
      if (response.type === 'default') {
        // Made here from bytes in memory (the files the editor page handed over), not downloaded:
        // counted whole at once, and passed on as it is, so that a body nobody reads (Wasm compiled
        // ahead, precompiled-wasm.js) is never read.
        entry.loaded = entry.total;
        report();
        return response;
      }
      report();
      const reader = response.body.getReader();
      const counting = new ReadableStream({
        pull(controller) {
          return reader.read().then((chunk) => {
            if (chunk.done) {
              controller.close();
              return;
            }
            entry.loaded += chunk.value.byteLength;
            report();
            controller.enqueue(chunk.value);
          });
        },
        cancel(reason) {
          return reader.cancel(reason);
        },
      });
      return new Response(counting, { status: response.status, statusText: response.statusText, headers: response.headers });
    }, (networkError) => {
      failure(`network error loading ${address}: ${networkError}`);
      throw networkError;
    });
  };
  return { restore() { scope.fetch = originalFetch; } };
}

/**
 * Reports failure(reason) when WebAssembly.instantiateStreaming or WebAssembly.instantiate
 * rejects (a truncated or damaged pyodide.asm.wasm); the rejection is passed on.
 */
export function watchWasmCompile(failure, wasm = globalThis.WebAssembly) {
  const streaming = wasm.instantiateStreaming;
  const plain = wasm.instantiate;
  const watched = (promise) => promise.then(null, (error) => {
    failure('its WebAssembly binary could not be compiled, the file may be truncated or damaged ('
      + String((error && error.message) || error) + ')');
    throw error;
  });
  if (streaming) wasm.instantiateStreaming = (...args) => watched(streaming.apply(wasm, args));
  wasm.instantiate = (...args) => watched(plain.apply(wasm, args));
  return {
    restore() {
      if (streaming) wasm.instantiateStreaming = streaming;
      wasm.instantiate = plain;
    },
  };
}

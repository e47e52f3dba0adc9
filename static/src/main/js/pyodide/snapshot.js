// Starting Pyodide from the site's memory snapshot (pyodide/python-snapshot.gz, made at build time by
// static/python-snapshot.mjs): the memory of a Pyodide that has just started, so CPython's start-up,
// most of the time Pyodide takes once its Wasm is compiled, is skipped. Without a usable snapshot
// (none on the host, a download that failed, one another Pyodide build made) Python starts as before.
//
//   const snapshot = fetchSnapshot('pyodide/python-snapshot.gz');       // begins at once, never rejects
//   const { pyodide, restored } = await loadPython(loadPyodide, config, snapshot);
//   if (restored) renewProcessState(pyodide, kernel);    // once the kernel is imported, before any user code

/** The snapshot's file, as a site path (next to pyodide.asm.wasm; python-snapshot.mjs writes it there). */
export const SNAPSHOT_PATH = 'pyodide/python-snapshot.gz';

/** Whether `bytes` start as gzip data does (a host may have sent the file decoded already). */
export function isGzip(bytes) {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * Decompresses gzip `bytes` into one buffer of the size its trailer states (ISIZE, exact below
 * 4 GiB; a trailer that lies makes it throw, as DecompressionStream does), read straight from
 * memory: about twice as fast as through a Blob's stream into a Response (measured in Chromium,
 * 31 MB: 320–380 ms against 540–820).
 */
export async function gunzip(bytes) {
  const size = new DataView(bytes.buffer, bytes.byteOffset + bytes.length - 4, 4).getUint32(0, true);
  const result = new Uint8Array(size);
  let length = 0;
  const reader = new ReadableStream({ start(controller) { controller.enqueue(bytes); controller.close(); } })
    .pipeThrough(new DecompressionStream('gzip')).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    result.set(value, length);
    length += value.length;
    if (value.byteOffset === 0 && value.byteLength === value.buffer.byteLength) {
      discard(value.buffer); // 31 MB of chunks would otherwise wait for a garbage collection
    }
  }
  return result;
}

/** Downloads begun ahead of loadPython (prefetchSnapshot), by URL, until fetchSnapshot takes them. */
const prefetched = new Map();

/**
 * Begins fetchSnapshot's download and decompression now (the Python worker does as it boots, before
 * it is told to load Python); the next fetchSnapshot of the same URL takes it.
 */
export function prefetchSnapshot(url, scope = globalThis) {
  prefetched.set(url, download(url, scope));
}

/**
 * The snapshot's bytes, uncompressed, as {bytes, problem}: bytes null and problem saying why when
 * there is none to start from (HTTP error, network error, corrupt gzip). Never rejects.
 */
export function fetchSnapshot(url, scope = globalThis) {
  const begun = prefetched.get(url);
  prefetched.delete(url);
  return begun || download(url, scope);
}

function download(url, scope) {
  let answered;
  try {
    answered = Promise.resolve(scope.fetch(url));
  } catch (error) {
    answered = Promise.reject(error);
  }
  return answered
    .then(async (response) => {
      if (!response.ok) {
        return { bytes: null, problem: `HTTP ${response.status} for ${url}` };
      }
      const bytes = new Uint8Array(await response.arrayBuffer());
      if (!isGzip(bytes)) {
        return { bytes, problem: null };
      }
      const uncompressed = await gunzip(bytes);
      discard(bytes.buffer);
      return { bytes: uncompressed, problem: null };
    })
    .catch((error) => ({ bytes: null, problem: `${url}: ${(error && error.message) || error}` }));
}

/**
 * Loads Pyodide with `loadPyodide(config)`, from the snapshot `fetchSnapshot` gives when there is one:
 * resolves to {pyodide, restored}. A snapshot Pyodide refuses (another build's, a damaged one) is
 * reported on the console and Python starts without it.
 */
export async function loadPython(loadPyodide, config, snapshot, log = console) {
  const { bytes } = await snapshot;
  if (bytes) {
    try {
      return { pyodide: await loadPyodide({ ...config, _loadSnapshot: bytes }), restored: true };
    } catch (error) {
      log.warn(`Jodide: Python starts without its snapshot, which Pyodide refused: ${(error && error.message) || error}`);
    } finally {
      // Pyodide has copied the snapshot into its own memory but keeps its configuration,
      // `_loadSnapshot` included, for as long as it runs: detached, the 31 MB are freed now.
      discard(bytes.buffer);
    }
  }
  return { pyodide: await loadPyodide(config), restored: false };
}

/**
 * Detaches `buffer` so that its memory is freed now: `transfer(0)` hands it a new empty store and
 * drops the old one at once (measured in Chromium: the frame's process kept ~45 MB of decompressed
 * snapshot and chunks for tens of seconds when they waited for a garbage collection). Where
 * `transfer` is missing (Node 20), the memory moves into a clone that nothing keeps.
 */
export function discard(buffer) {
  if (buffer.byteLength === 0) {
    return; // detached already
  }
  if (typeof buffer.transfer === 'function') {
    buffer.transfer(0);
  } else {
    structuredClone(buffer, { transfer: [buffer] });
  }
}

/** $LANG as Emscripten writes it for this browser, as a fresh start would have it: en_US.UTF-8. */
export function emscriptenLanguage(scope = globalThis) {
  return ((scope.navigator && scope.navigator.language) || 'C').replace('-', '_') + '.UTF-8';
}

/**
 * After a restore, before any user code: the C library's time zone is made this browser's again
 * (Emscripten's tzset ran once, when the snapshot was made, and wrote the build machine's zone into
 * C's `timezone`, `daylight` and `tzname`; its JavaScript half is called again on the same memory),
 * then the kernel renews what Python's start recorded (its process_state.py).
 */
export function renewProcessState(pyodide, kernel, scope = globalThis) {
  const emscripten = pyodide._module;
  const names = emscripten._tzname >>> 2;
  emscripten.__tzset_js(emscripten._timezone, emscripten._daylight, emscripten.HEAPU32[names], emscripten.HEAPU32[names + 1]);
  const renew = kernel.renew_process_state;
  try {
    renew(emscriptenLanguage(scope));
  } finally {
    renew.destroy();
  }
}

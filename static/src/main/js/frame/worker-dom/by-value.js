// Values the frame copies into the Python worker instead of handing it a proxy: fetch-chunk data
// (JSON, bytes, array buffers). Reading 1,000 fetched objects through proxies took 7,002 round trips
// (1.6 s) in the spike; a copy takes one. The set lives on the frame's global, so the fetch loader
// (frame-runtime.js) and the worker host (python-worker-support.js), two bundles, share it.
//
//   copyToWorkerByValue(rows);        // fetch-loader.js, after JSON.parse
//   byValueSet().has(rows)            // frame-host.js: true, so `from js import rows` gets a copy

/** The WeakSet of values copied into the worker by value (fetch-chunk data), shared through the frame's global. */
export function byValueSet(scope = globalThis) {
  if (!scope.__jodideByValue) {
    Object.defineProperty(scope, '__jodideByValue', { value: new WeakSet(), configurable: true });
  }
  return scope.__jodideByValue;
}

/** Marks `value` (fetch-chunk data) to be copied into the Python worker, never proxied. */
export function copyToWorkerByValue(value, scope = globalThis) {
  if (value !== null && typeof value === 'object') byValueSet(scope).add(value);
  return value;
}


// Made when the frame's scripts load, before the workspace records the frame's own globals.
if (typeof window !== 'undefined') byValueSet(window);

// Calls from JavaScript into the kernel's Python functions (PyProxies), releasing what they return.

/** Calls fn with the arguments given (none, or one), then destroys fn's proxy. */
export function callAndRelease(fn, ...args) {
  try {
    fn(...args);
  } finally {
    fn.destroy();
  }
}

/**
 * Calls the kernel's run coroutine function fn(code, filename, firstLine), awaits it and reports
 * reply(json, null) with the JSON string it returned, or reply(null, why) when the call threw or
 * the coroutine rejected. The awaitable's proxy is destroyed either way.
 */
export function callAsync(fn, code, filename, firstLine, reply) {
  let awaitable;
  try {
    awaitable = fn(code, filename, firstLine);
  } catch (thrown) {
    reply(null, String((thrown && thrown.stack) || thrown));
    return;
  }
  const release = () => {
    try {
      awaitable.destroy();
    } catch (ignored) {
      // not a proxy, or destroyed already
    }
  };
  Promise.resolve(awaitable).then(
    (json) => { release(); reply(String(json), null); },
    (thrown) => { release(); reply(null, String((thrown && thrown.message) || thrown)); },
  );
}

/**
 * Calls the kernel's run_now(code, filename, firstLine), which runs a chunk that does not await at
 * top level at once: reports reply(json, null) and returns true when it returned a JSON string,
 * reply(null, why) and true when the call threw, and returns false without replying when it
 * returned None (the chunk awaits: run it with callAsync).
 */
export function callNow(fn, code, filename, firstLine, reply) {
  let json;
  try {
    json = fn(code, filename, firstLine);
  } catch (thrown) {
    reply(null, String((thrown && thrown.message) || thrown));
    return true;
  }
  if (json === undefined || json === null) return false;
  reply(String(json), null);
  return true;
}

// Calls from JavaScript into the kernel's Python functions (PyProxies), releasing what they return.

/** Calls fn(argument), then destroys fn's proxy. */
export function callAndRelease(fn, argument) {
  try {
    fn(argument);
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

// Relative URLs in the Python worker mean what they mean in the frame. The worker runs from a blob:
// URL (python-worker-frame.js), which is its base URL, so `pyfetch("data/rows.csv")`, `open_url(...)`
// or `js.fetch(...)` from Python in the worker failed ("Failed to parse URL") where the same call
// from Python on the frame's thread, or from a js chunk, reads the file next to the page. The worker's
// fetch, Request and XMLHttpRequest's open resolve a relative URL against the frame's base URL first.
//
//   resolveRelativeUrls(self, frameDocument.baseURI);   // in the worker, before Python loads
//   fetch('data/rows.csv');                              // fetches <frame's base>/data/rows.csv

/** `url` resolved against `base` when it is a string (a URL object is absolute); else as it is. */
function resolved(url, base) {
  if (typeof url !== 'string') return url;
  try {
    return new URL(url, base).href;
  } catch (unparsable) {
    return url; // The call's own error says what is wrong with it.
  }
}

/**
 * Makes `scope`'s fetch, Request and XMLHttpRequest resolve relative URLs against `base` (the
 * frame's document.baseURI). Absolute URLs, Request objects and everything else pass unchanged.
 */
export function resolveRelativeUrls(scope, base) {
  const fetch = scope.fetch;
  if (typeof fetch === 'function') {
    scope.fetch = (input, init) => fetch.call(scope, resolved(input, base), init);
  }
  const NativeRequest = scope.Request;
  if (typeof NativeRequest === 'function') {
    scope.Request = class Request extends NativeRequest {
      constructor(input, init) {
        super(resolved(input, base), init);
      }
    };
  }
  const xhr = scope.XMLHttpRequest && scope.XMLHttpRequest.prototype;
  if (xhr && typeof xhr.open === 'function') {
    const open = xhr.open;
    xhr.open = function openResolved(method, url, ...rest) {
      return open.call(this, method, resolved(url, base), ...rest);
    };
  }
}

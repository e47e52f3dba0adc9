// Registers the site's service worker (sw.js, see src/main/js/sw), which keeps the app for offline
// use. The application calls it once its kernel has loaded (OfflineCopy.java): the install downloads
// the app shell again and compiles its scripts, which should not compete with the page's start. It
// registers after the load event, at the page's next idle moment. Browsers without service workers,
// or pages that are not a secure context (http:// other than localhost), simply go without.
//
//   registerOfflineCache();

/** How long an idle moment is waited for before registering anyway (ms). */
const IDLE_DEADLINE_MS = 2000;

/**
 * Registers sw.js for this page's folder after the load event, when the page is next idle; resolves to
 * the registration, or null where there is none. Registers once per page, whoever calls it how often.
 */
export function registerOfflineCache(scope = globalThis) {
  if (!('serviceWorker' in (scope.navigator || {}))) {
    return Promise.resolve(null);
  }
  if (!registrations.has(scope)) {
    registrations.set(scope, afterLoad(scope).then(() => whenIdle(scope)).then(() => scope.navigator.serviceWorker.register('sw.js'))
      .catch((error) => {
        console.warn(`Jodide: no offline copy of the app (the service worker did not register: ${error.message})`);
        return null;
      }));
  }
  return registrations.get(scope);
}

const registrations = new WeakMap();

function afterLoad(scope) {
  if (scope.document.readyState === 'complete') return Promise.resolve();
  return new Promise((resolve) => scope.addEventListener('load', () => resolve(), { once: true }));
}

function whenIdle(scope) {
  return new Promise((resolve) => (typeof scope.requestIdleCallback === 'function'
    ? scope.requestIdleCallback(() => resolve(), { timeout: IDLE_DEADLINE_MS })
    : scope.setTimeout(resolve, 0)));
}

// Registers the site's service worker (sw.js, see src/main/js/sw), which keeps the app and the
// Pyodide core for offline use, once the page has loaded (its install downloads them, which should
// not compete with the page's own start). Browsers without service workers, or pages that are not a
// secure context (http:// other than localhost), simply go without.
//
//   registerOfflineCache();

/** Registers sw.js for this page's folder after the load event; resolves to the registration or null. */
export function registerOfflineCache(scope = globalThis) {
  if (!('serviceWorker' in (scope.navigator || {}))) {
    return Promise.resolve(null);
  }
  const register = () => scope.navigator.serviceWorker.register('sw.js').catch((error) => {
    console.warn(`Jodide: no offline copy of the app (the service worker did not register: ${error.message})`);
    return null;
  });
  if (scope.document.readyState === 'complete') {
    return register();
  }
  return new Promise((resolve) => scope.addEventListener('load', () => resolve(register()), { once: true }));
}

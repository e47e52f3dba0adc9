// The boot script of a "handed" eval frame: a sandboxed srcdoc frame (an opaque origin) that gets the
// site's files from the editor page instead of fetching them itself. On a host that sends no CORS
// headers the browser refuses the site's scripts and Pyodide's files to an opaque origin, and offline
// the frame's own requests never reach the service worker; the editor page, same origin as the site,
// fetches them (through the service worker and the HTTP cache) and posts them here as Blobs.
//
// bootHandedFrame runs inside the frame: it is turned into source text (handedFrameDocument in
// handed-frame.js), so it uses nothing from its module's scope.

/**
 * Waits for the editor's `{jodideFrameFiles: {base, files: {path: Blob}, jodidePackageIndex}}` (with a
 * port for the package index's files: frame/package-fetches.js), then starts the frame as
 * evalframe.html does: styles, Pyodide's loader (when it was handed Pyodide's files), the frame's
 * modules (from blob: URLs), and `main`; the files stay as window.jodideHandedScripts, where MicroPython's
 * loader finds its own (frame/micropython-loader.js).
 * Pyodide's own fetches of its files (Wasm, stdlib, lock file, the kernel's Python) are answered from
 * the Blobs by a fetch that knows their site URLs; `pyodide.asm.mjs` is imported here and given to
 * loadPyodide (its `createPyodideModule` option), whose indexURL is made absolute (the frame's own
 * address is about:srcdoc). `modulePaths` are the frame's modules in their order, `starterPath` the one
 * whose startEvalFrame starts it (frame/frame-modules.js), `stylePaths` its style sheets.
 */
export function bootHandedFrame(settingsHash, modulePaths, starterPath, stylePaths) {
  // hash-parameters.js reads the frame's settings here: a srcdoc frame has no address of its own.
  globalThis.jodideFrameHash = settingsHash;
  const siteOrigin = new URL(document.baseURI).origin;
  window.addEventListener('message', async function receive(event) {
    if (event.source !== window.parent || event.origin !== siteOrigin || !event.data || !event.data.jodideFrameFiles) {
      return;
    }
    window.removeEventListener('message', receive);
    const { base, files, jodidePackageIndex: packageIndex } = event.data.jodideFrameFiles;
    // The files the page downloaded come again once its service worker has stored them, read from the
    // disk (handed-frame.js: handedFrameStoredCopies): taken in place, so that the Blobs held in the
    // browser's memory can go.
    window.addEventListener('message', (later) => {
      const copies = later.data && later.data.jodideFrameFilesStored;
      if (later.source === window.parent && later.origin === siteOrigin && copies && typeof copies === 'object') {
        Object.assign(files, copies);
      }
    });
    // The page's offer to fetch the package index's files (frame/package-fetches.js), as a served
    // frame gets it with the promise of Pyodide's files.
    const packageOffer = typeof packageIndex === 'string' && event.ports[0] ? { port: event.ports[0], index: packageIndex } : null;
    const pathOf = new Map(Object.keys(files).map((path) => [new URL(path, base).href, path]));
    const siteFetch = window.fetch.bind(window);
    window.fetch = (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input), document.baseURI);
      const path = pathOf.get(url.origin + url.pathname);
      if (path === undefined) {
        return siteFetch(input, init);
      }
      const blob = files[path];
      const type = path.endsWith('.wasm') ? 'application/wasm' : (blob.type || 'application/octet-stream');
      return Promise.resolve(new Response(blob, { status: 200, headers: { 'Content-Type': type } }));
    };
    // A blob: URL keeps its Blob until revoked: one only for each script loaded here, revoked once loaded.
    const loaded = (path, load) => {
      const url = URL.createObjectURL(files[path]);
      return Promise.resolve(load(url)).finally(() => URL.revokeObjectURL(url));
    };
    for (const css of stylePaths) {
      const style = document.createElement('style');
      style.textContent = await files[css].text();
      document.head.appendChild(style);
    }
    // Pyodide's loader, in a frame handed Pyodide's files (one that runs MicroPython is handed
    // MicroPython's instead, which frame/micropython-loader.js takes from window.jodideHandedScripts).
    if (files['pyodide/pyodide.js'] && files['pyodide/pyodide.asm.mjs']) {
      await loaded('pyodide/pyodide.js', (url) => new Promise((resolve, reject) => {
        const script = document.createElement('script');
        script.src = url;
        script.onload = resolve;
        script.onerror = () => reject(new Error('pyodide.js did not load'));
        document.head.appendChild(script);
      }));
      const asm = await loaded('pyodide/pyodide.asm.mjs', (url) => import(url));
      const load = window.loadPyodide;
      window.loadPyodide = (config) => load(Object.assign({}, config, {
        indexURL: new URL(config.indexURL || 'pyodide/', base).href,
        createPyodideModule: asm.default,
      }));
    }
    window.jodideHandedScripts = files;
    const modules = await Promise.all(modulePaths.map((path) => loaded(path, (url) => import(url))));
    // frame-runtime.js's startEvalFrame, as evalframe.html starts: the modules on window, then main.
    modules[modulePaths.indexOf(starterPath)].startEvalFrame(modules, window, packageOffer);
  });
}

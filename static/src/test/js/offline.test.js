// How the report frame gets its files (page/handed-frame.js) and the service worker's choices
// (sw/offline-cache.js), without a browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  deliveryFor, FrameDelivery, handedFrameDocument, HANDED_FRAME_FILES, HANDED_MICROPYTHON_FRAME_FILES, pyodideFileSource, typedBlob,
} from '../../main/js/page/handed-frame.js';
import { HANDED_PYODIDE_FILES } from '../../main/js/frame/handed-pyodide-files.js';
import { FRAME_MODULES } from '../../main/js/frame/frame-modules.js';
import {
  cacheName, decompressedKey, isOwnCache, networkFirst, sameVersion, shouldHandle, storeAsk, storedKey, storeMissing,
  urlsOfOtherCaches, urlsToStore,
} from '../../main/js/sw/offline-cache.js';

const probe = (ok, allowOrigin) => ({ ok, headers: new Headers(allowOrigin ? { 'Access-Control-Allow-Origin': allowOrigin } : {}) });

test('the frame loads its files itself only from a host that answers and sends Access-Control-Allow-Origin: *', () => {
  assert.equal(deliveryFor(probe(true, '*')), FrameDelivery.SERVED);
  assert.equal(deliveryFor(probe(true, null)), FrameDelivery.HANDED, 'a plain static host');
  assert.equal(deliveryFor(probe(false, '*')), FrameDelivery.HANDED, 'an error answer');
  assert.equal(deliveryFor(null), FrameDelivery.HANDED, 'no network: offline');
});

test('a handed frame gets its modules, its styles and the Pyodide core', () => {
  for (const path of ['evalframe.js', 'frame-runtime.js', 'report.css', 'pyodide/pyodide.asm.wasm', 'pyodide/python_stdlib.zip',
    'pyodide/pyodide-lock.json', 'pyodide/jodide-kernel.json', 'pyodide/python-snapshot.gz']) {
    assert.ok(HANDED_FRAME_FILES.includes(path), path);
  }
});

const SITE = 'https://site.example/';

/**
 * A site whose service worker stored every handed Pyodide file at version "v1", and whose host
 * serves `changed` at "v2" (the rest at "v1"); records the requests made, as "METHOD path".
 */
function siteWithStoredCopies(changed) {
  const requests = [];
  const version = (path) => (path === changed ? '"v2"' : '"v1"');
  const stored = Object.fromEntries(HANDED_PYODIDE_FILES.map((path) => [SITE + path,
    new Response(`stored ${path}`, { headers: { ETag: '"v1"' } })]));
  const caches = {
    keys: async () => ['jodide-b1'],
    open: async () => ({ match: async (url) => stored[String(url)] }),
  };
  const fetch = async (url, init = {}) => {
    const path = String(url).slice(SITE.length);
    requests.push(`${init.method || 'GET'} ${path}`);
    return new Response(init.method === 'HEAD' ? null : `network ${path}`, { headers: { ETag: version(path) } });
  };
  return { requests, source: pyodideFileSource(SITE, { caches, fetch }) };
}

test('the current copies of Pyodide\'s files are checked ahead with HEADs only; the frame\'s files download only what changed', async () => {
  const changed = 'pyodide/python-snapshot.gz';
  const { requests, source } = siteWithStoredCopies(changed);
  const copies = await source.currentCopies();
  assert.deepEqual(Object.keys(copies).sort(), HANDED_PYODIDE_FILES.filter((path) => path !== changed).sort());
  assert.deepEqual(requests.sort(), HANDED_PYODIDE_FILES.map((path) => `HEAD ${path}`).sort(), 'nothing downloaded ahead');
  const files = await source.filesForFrame();
  assert.deepEqual(requests.filter((request) => request.startsWith('GET')), [`GET ${changed}`]);
  assert.equal(await files[changed].text(), `network ${changed}`);
  assert.equal(await files['pyodide/pyodide.asm.wasm'].text(), 'stored pyodide/pyodide.asm.wasm');
  assert.equal(files['pyodide/pyodide.asm.wasm'].type, 'application/wasm', 'typed for streaming compilation');
  assert.equal(await source.filesForFrame(), files, 'a later frame gets the same files, read once');
  assert.equal(requests.length, HANDED_PYODIDE_FILES.length + 1);
});

test('the handed frame\'s document paints in the theme and carries its boot script, which cannot end its own <script>', () => {
  const html = handedFrameDocument('dark', '#theme=dark&python=main</script>');
  assert.match(html, /<html lang="en" data-theme="dark">/);
  assert.match(html, /<main id="report" class="report"><\/main>/);
  assert.equal(html.match(/<\/script>/g).length, 1);
  assert.ok(html.includes('jodideFrameFiles'));
  assert.equal(handedFrameDocument('"><b>', '').includes('"><b>'), false);
});

test('the handed frame\'s boot puts the styles in, imports the frame\'s modules in their order and starts the frame with them', async () => {
  const html = handedFrameDocument('light', '#theme=light');
  const boot = /<script>([\s\S]*)<\/script>/.exec(html)[1];
  // Each module a data: URL (node imports no blob: URL) that names itself; frame-runtime.js starts the frame.
  const moduleSource = (path) => path === 'frame-runtime.js'
    ? `export const path = ${JSON.stringify(path)}; export function startEvalFrame(modules, win, offer) { win.started = { modules, offer }; }`
    : `export const path = ${JSON.stringify(path)};`;
  const files = Object.fromEntries(HANDED_MICROPYTHON_FRAME_FILES.map((path) => [path, new Blob([FRAME_MODULES.includes(path) ? moduleSource(path) : `/* ${path} */`])]));
  const listeners = [];
  const styles = [];
  const parent = {};
  const win = {
    parent, fetch: async () => { throw new Error('nothing is fetched'); },
    addEventListener: (type, listener) => listeners.push(listener), removeEventListener: () => {},
  };
  const doc = {
    baseURI: 'https://site.example/app/',
    createElement: () => ({}),
    head: { appendChild: (element) => styles.push(element.textContent) },
  };
  const urls = new Map();
  const url = Object.assign(function (...args) { return new URL(...args); }, {
    createObjectURL: (blob) => { const name = `data:text/javascript,${Math.random()}`; urls.set(name, blob); return name; },
    revokeObjectURL: () => {},
  });
  const imported = [];
  const importModule = async (name) => {
    const source = await urls.get(name).text();
    imported.push(/export const path = "([^"]+)"/.exec(source)[1]);
    return import(`data:text/javascript,${encodeURIComponent(source)}`);
  };
  new Function('window', 'document', 'URL', 'globalThis', 'importModule', boot.replace(/\bimport\(url\)/g, 'importModule(url)'))(win, doc, url, {}, importModule);
  for (const listener of [...listeners]) {
    listener({ source: parent, origin: 'https://site.example', data: { jodideFrameFiles: { base: doc.baseURI, files } }, ports: [] });
  }
  for (let i = 0; i < 100 && !win.started; i++) await new Promise((resolve) => setTimeout(resolve, 5));
  assert.deepEqual(styles, ['/* katex/katex.min.css */', '/* report.css */'], 'the report\'s own styles last');
  assert.deepEqual(imported, [...FRAME_MODULES]);
  assert.deepEqual(win.started.modules.map((module) => module.path), [...FRAME_MODULES], 'startEvalFrame gets them in their order');
  assert.equal(win.jodideHandedScripts, files, 'kept for MicroPython\'s loader');
});

test('each build has its own cache, and only this site\'s caches are its own', () => {
  assert.equal(cacheName('abc'), 'jodide-abc');
  assert.ok(isOwnCache('jodide-old'));
  assert.equal(isOwnCache('someone-else'), false);
});

test('the service worker answers GETs of its own site only, never ranges or HEAD', () => {
  const origin = 'https://site.example';
  assert.ok(shouldHandle(new Request(`${origin}/pyodide/pyodide.asm.wasm`), origin));
  assert.equal(shouldHandle(new Request(`${origin}/evalframe.html`, { method: 'HEAD' }), origin), false);
  assert.equal(shouldHandle(new Request('https://cdn.example/x.whl'), origin), false);
  assert.equal(shouldHandle(new Request(`${origin}/a.zip`, { headers: { Range: 'bytes=0-1' } }), origin), false);
});

test('a stored copy is rewritten only when the file changed (its ETag, else its Last-Modified)', () => {
  const answer = (headers) => new Response('x', { headers });
  assert.equal(sameVersion(undefined, answer({ ETag: '"a"' })), false, 'nothing stored');
  assert.ok(sameVersion(answer({ ETag: '"a"' }), answer({ ETag: '"a"' })));
  assert.equal(sameVersion(answer({ ETag: '"a"' }), answer({ ETag: '"b"' })), false);
  const monday = 'Mon, 30 Nov 2026 10:00:00 GMT';
  assert.ok(sameVersion(answer({ 'Last-Modified': monday }), answer({ 'Last-Modified': monday })), 'python3 -m http.server sends no ETag');
  assert.equal(sameVersion(answer({}), answer({})), false, 'nothing to compare: store again');
});

test('handed scripts are JavaScript and Wasm is Wasm, whatever type the host sent', () => {
  const octets = new Blob(['x'], { type: 'application/octet-stream' });
  assert.equal(typedBlob('pyodide/pyodide.asm.mjs', octets).type, 'text/javascript');
  assert.equal(typedBlob('evalframe.js', octets).type, 'text/javascript');
  assert.equal(typedBlob('pyodide/pyodide.asm.wasm', octets).type, 'application/wasm');
  assert.equal(typedBlob('pyodide/python_stdlib.zip', octets), octets, 'others as sent');
  const withCharset = new Blob(['x'], { type: 'text/javascript; charset=utf-8' });
  assert.equal(typedBlob('pyodide/pyodide.asm.mjs', withCharset), withCharset, 'a JavaScript type with parameters is not copied');
  const wasm = new Blob(['x'], { type: 'application/wasm' });
  assert.equal(typedBlob('pyodide/pyodide.asm.wasm', wasm), wasm);
});

/** A network answer as the worker sees it, counting its copies. */
function answer(etag, { status = 200, type = 'basic' } = {}) {
  const response = { status, type, headers: new Headers(etag ? { ETag: etag } : {}), copies: 0 };
  response.clone = () => { response.copies++; return { copyOf: response }; };
  return response;
}

/**
 * Cache Storage with one cache (`jodide-v1`) of {path and query: answer} of the site at SITE, recording
 * what is stored under which key (a Request or a URL, as Cache Storage takes either).
 */
function cacheStorage(entries = {}) {
  const stored = new Map(Object.entries(entries));
  const url = (request) => new URL(typeof request === 'string' ? request : request.url, SITE);
  const cache = {
    match: async (request, { ignoreSearch = false } = {}) => {
      const wanted = url(request);
      for (const [key, response] of stored) {
        const held = new URL(key, SITE);
        if (held.pathname === wanted.pathname && (ignoreSearch || held.search === wanted.search)) return response;
      }
      return undefined;
    },
    put: async (request, response) => { const key = url(request); stored.set(key.pathname + key.search, response); },
  };
  return {
    stored,
    open: async (name) => { assert.equal(name, 'jodide-v1'); return cache; },
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

test('an answer of the version stored is passed on without a copy; a new version, or a first one, is copied and stored', async () => {
  const request = { url: 'https://site.example/pyodide/pyodide.asm.wasm', mode: 'cors' };
  const same = answer('"v1"');
  const caches = cacheStorage({ '/pyodide/pyodide.asm.wasm': answer('"v1"') });
  assert.equal(await networkFirst(request, undefined, { caches, fetch: async () => same, cacheName: 'jodide-v1' }), same);
  await settle();
  assert.equal(same.copies, 0, 'no copy teed through the worker');

  const newer = answer('"v2"');
  assert.equal(await networkFirst(request, undefined, { caches, fetch: async () => newer, cacheName: 'jodide-v1' }), newer);
  await settle();
  assert.equal(newer.copies, 1);
  assert.equal(caches.stored.get('/pyodide/pyodide.asm.wasm').copyOf, newer);

  const empty = cacheStorage();
  const first = answer('"v1"');
  await networkFirst(request, undefined, { caches: empty, fetch: async () => first, cacheName: 'jodide-v1' });
  await settle();
  assert.equal(empty.stored.get('/pyodide/pyodide.asm.wasm').copyOf, first);
});

test('error answers, other sites\' answers and the navigation preload: passed on, never stored', async () => {
  const request = { url: 'https://site.example/missing.js', mode: 'cors' };
  for (const response of [answer('"a"', { status: 404 }), answer('"a"', { type: 'opaque' })]) {
    const caches = cacheStorage();
    assert.equal(await networkFirst(request, undefined, { caches, fetch: async () => response, cacheName: 'jodide-v1' }), response);
    await settle();
    assert.equal(caches.stored.size, 0);
  }
  const preloaded = answer('"p"');
  const navigation = { url: 'https://site.example/index.html', mode: 'navigate' };
  const fetch = async () => assert.fail('the preload answers a navigation');
  assert.equal(await networkFirst(navigation, Promise.resolve(preloaded), { caches: cacheStorage(), fetch, cacheName: 'jodide-v1' }), preloaded);
});

test('offline, the stored copy answers, whatever the query; a navigation without one gets index.html; else the network error', async () => {
  const offline = async () => { throw new TypeError('Failed to fetch'); };
  const page = answer('"i"');
  const script = answer('"s"');
  const caches = cacheStorage({ '/editor.js': script, '/index.html': page });
  assert.equal(await networkFirst({ url: 'https://site.example/editor.js?v=2', mode: 'cors' }, undefined,
    { caches, fetch: offline, cacheName: 'jodide-v1' }), script);
  assert.equal(await networkFirst({ url: 'https://site.example/notebooks/?notebook=x', mode: 'navigate' }, undefined,
    { caches, fetch: offline, cacheName: 'jodide-v1' }), page);
  await assert.rejects(networkFirst({ url: 'https://site.example/other.js', mode: 'cors' }, undefined,
    { caches, fetch: offline, cacheName: 'jodide-v1' }), /Failed to fetch/);
});

test('a page opened with a query is stored once, as its file: the links a browser opened are not copies of their own', async () => {
  const caches = cacheStorage();
  for (const query of ['?notebook=a.iomd', '?notebook=b.iomd&view=report', '']) {
    await networkFirst({ url: `https://site.example/index.html${query}`, mode: 'navigate' }, undefined,
      { caches, fetch: async () => answer(`"v${query.length}"`), cacheName: 'jodide-v1' });
    await settle();
  }
  assert.deepEqual([...caches.stored.keys()], ['/index.html']);
  assert.equal(storedKey('https://site.example/editor.js?v=2#x'), 'https://site.example/editor.js');
});

test('a page\'s ask to store files is a list of URLs; anything else is no ask', () => {
  const urls = ['https://site.example/pyodide/pyodide.asm.wasm'];
  assert.deepEqual(urlsToStore(storeAsk(urls)), urls);
  for (const other of [null, 'jodideStoreFiles', {}, { jodideStoreFiles: 'x' }, { jodideStoreFiles: [1] }, { jodidePyodideFiles: urls }]) {
    assert.equal(urlsToStore(other), null, JSON.stringify(other));
  }
});

test('the worker stores the files asked that it lacks, revalidated through the HTTP cache; held, foreign, failed and error answers are not stored', async () => {
  const caches = cacheStorage({ '/pyodide/pyodide-lock.json': answer('"v1"') });
  const fetched = [];
  const fetch = async (request) => {
    const path = new URL(request.url).pathname;
    fetched.push([path, request.cache]);
    if (path.endsWith('.zip')) throw new TypeError('Failed to fetch');
    return path.endsWith('missing.json') ? answer('"m"', { status: 404 }) : answer('"v1"');
  };
  const site = 'https://site.example';
  const stored = await storeMissing([`${site}/pyodide/pyodide.asm.wasm`, `${site}/pyodide/pyodide-lock.json`, `${site}/pyodide/python_stdlib.zip`,
    `${site}/pyodide/missing.json`, 'https://elsewhere.example/pyodide/pyodide.asm.wasm'], { caches, fetch, cacheName: 'jodide-v1', origin: site });
  assert.deepEqual(stored, [`${site}/pyodide/pyodide.asm.wasm`]);
  assert.deepEqual(fetched.sort(), [['/pyodide/missing.json', 'no-cache'], ['/pyodide/pyodide.asm.wasm', 'no-cache'], ['/pyodide/python_stdlib.zip', 'no-cache']],
    'the file held is not fetched, nor another site\'s');
  assert.deepEqual([...caches.stored.keys()].sort(), ['/pyodide/pyodide-lock.json', '/pyodide/pyodide.asm.wasm']);
});

test('a new build\'s worker stores again what the older caches of this site held beyond its own (what pages asked for)', async () => {
  const site = 'https://site.example/';
  const held = {
    'jodide-old': [`${site}index.html`, `${site}index.html?notebook=a.iomd`, `${site}pyodide/pyodide.asm.wasm`,
      `${site}pyodide/pyodide.asm.wasm?v=1`, `${site}pyodide/python-snapshot.gz`],
    'jodide-new': [`${site}index.html`],
    'other-app': [`${site}elsewhere.js`],
  };
  const caches = {
    keys: async () => Object.keys(held),
    open: async (name) => ({
      keys: async () => held[name].map((url) => new Request(url)),
      match: async (request) => (held[name].includes(typeof request === 'string' ? request : request.url) ? answer('"v1"') : undefined),
    }),
  };
  held['jodide-old'].push(`${site}pyodide/python-snapshot`);
  assert.deepEqual(await urlsOfOtherCaches('jodide-new', { caches }), [`${site}pyodide/pyodide.asm.wasm`, `${site}pyodide/python-snapshot.gz`],
    'a decompressed copy is not fetched (the host has no such file): it comes again with its file');
  held['jodide-old'] = [`${site}index.html`];
  assert.deepEqual(await urlsOfOtherCaches('jodide-new', { caches }), [], 'a site whose pages asked for nothing (MicroPython) gets nothing more');
});

const SNAPSHOT_URL = 'https://site.example/jodide/pyodide/python-snapshot.gz';

test('the snapshot\'s decompressed copy has a key of its own beside the file\'s, which only the site\'s snapshot has', () => {
  assert.equal(decompressedKey(SNAPSHOT_URL), 'https://site.example/jodide/pyodide/python-snapshot');
  assert.equal(decompressedKey(new Request(`${SNAPSHOT_URL}?v=2`)), 'https://site.example/jodide/pyodide/python-snapshot');
  assert.equal(decompressedKey('https://site.example/jodide/pyodide/python_stdlib.zip'), null);
  assert.equal(decompressedKey('https://site.example/jodide/notes/python-snapshot.gz'), null, 'only the site\'s own snapshot');
});

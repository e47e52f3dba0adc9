// Files the editor page downloaded for its frame (a first visit: no stored copy yet) are handed again
// as the service worker's stored copies once it has stored them, and the frame and its worker take
// those in place of the Blobs held in the browser's memory (page/handed-frame.js: siteFileSource's
// storedCopiesOfDownloads, answerPyodideFilesAsk, handedFrameStoredCopies; frame/handed-pyodide-files.js:
// takeStoredCopies; page/handed-frame-boot.js for a handed frame).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  answerPyodideFilesAsk, HANDED_FILES_STORED, HANDED_FRAME_FILES, handedFrameDocument, handedFrameFiles, handedFrameStoredCopies, siteFileSource,
} from '../../main/js/page/handed-frame.js';
import { STORED, takeStoredCopies } from '../../main/js/frame/handed-pyodide-files.js';

const BASE = 'https://site.example/jodide/';
const PATHS = ['pyodide/pyodide.asm.wasm', 'pyodide/python_stdlib.zip', 'pyodide/pyodide-lock.json'];

/**
 * A host serving every path with ETag "v1", and the service worker's cache, which holds what
 * `stored` holds ({path: ETag}); `ready` is the promise that the worker is active.
 */
function site(stored) {
  const asked = [];
  const fetch = async (url, init = {}) => {
    const path = String(url).slice(BASE.length);
    asked.push(`${init.method || 'GET'} ${path}`);
    return new Response(`network ${path}`, { headers: { ETag: '"v1"' } });
  };
  const caches = {
    keys: async () => ['jodide-b1'],
    open: async () => ({
      match: async (url) => {
        const path = String(url).slice(BASE.length);
        return path in stored ? new Response(`stored ${path}`, { headers: { ETag: stored[path] } }) : undefined;
      },
    }),
  };
  return { asked, fetch, caches };
}

/** A promise and the function that resolves it. */
function later() {
  let resolve;
  const promise = new Promise((done) => { resolve = done; });
  return { promise, resolve };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

test('once the service worker is ready, the files downloaded come again as its stored copies, in the object given too', async () => {
  // The lock file is stored already (a current copy); the other two are not, on this first visit.
  const stored = { 'pyodide/pyodide-lock.json': '"v1"' };
  const { asked, fetch, caches } = site(stored);
  const ready = later();
  const source = siteFileSource(BASE, PATHS, { caches, fetch, ready: ready.promise });
  const given = await source.allFiles();
  assert.deepEqual(asked.filter((request) => request.startsWith('GET')), ['GET pyodide/pyodide.asm.wasm', 'GET pyodide/python_stdlib.zip']);
  assert.equal(await given['pyodide/pyodide.asm.wasm'].text(), 'network pyodide/pyodide.asm.wasm');
  let copies = null;
  source.storedCopiesOfDownloads().then((value) => { copies = value; });
  await tick();
  assert.equal(copies, null, 'nothing before the worker is ready (it stores the site\'s files as it installs)');
  // The worker stored the Wasm of the version downloaded, and a newer standard library than the one given.
  stored['pyodide/pyodide.asm.wasm'] = '"v1"';
  stored['pyodide/python_stdlib.zip'] = '"v2"';
  ready.resolve();
  await tick();
  await tick();
  assert.deepEqual(Object.keys(copies), ['pyodide/pyodide.asm.wasm'], 'only stored copies of the version downloaded');
  assert.equal(await copies['pyodide/pyodide.asm.wasm'].text(), 'stored pyodide/pyodide.asm.wasm');
  assert.equal(copies['pyodide/pyodide.asm.wasm'].type, 'application/wasm', 'typed as the file was');
  assert.equal(given['pyodide/pyodide.asm.wasm'], copies['pyodide/pyodide.asm.wasm'], 'the object given holds the stored copy now');
  assert.equal(await given['pyodide/python_stdlib.zip'].text(), 'network pyodide/python_stdlib.zip', 'the other download stays');
  assert.equal(await source.storedCopiesOfDownloads(), copies, 'asked once');
});

test('the worker is asked to store the files downloaded (its install stores only the app shell), and the copies are looked up once it has', async () => {
  const stored = {};
  const { fetch, caches } = site(stored);
  const asks = [];
  let answer = null;
  // An active worker that stores what it is asked only when the test lets it answer.
  const worker = {
    postMessage: (data, [port]) => {
      asks.push(data);
      answer = () => {
        for (const url of data.jodideStoreFiles) stored[url.slice(BASE.length)] = '"v1"';
        port.postMessage({ jodideFilesStored: data.jodideStoreFiles });
        port.close();
      };
    },
  };
  // A worker of another site (a documentation page's own, under embed.js) is never asked.
  const foreign = siteFileSource(BASE, PATHS, { caches, fetch, ready: Promise.resolve({ active: worker, scope: 'https://docs.example/' }) });
  await foreign.allFiles();
  assert.deepEqual(await foreign.storedCopiesOfDownloads(), {});
  assert.deepEqual(asks, [], 'a worker whose scope does not hold the files is not asked');
  const source = siteFileSource(BASE, PATHS, { caches, fetch, ready: Promise.resolve({ active: worker, scope: BASE }) });
  await source.allFiles();
  let copies = null;
  source.storedCopiesOfDownloads().then((value) => { copies = value; });
  await tick();
  assert.deepEqual(asks, [{ jodideStoreFiles: PATHS.map((path) => BASE + path) }], 'one ask, with the absolute URLs downloaded');
  assert.equal(copies, null, 'no copy looked up before the worker answered');
  answer();
  for (let i = 0; i < 20 && copies === null; i++) await tick();
  assert.deepEqual(Object.keys(copies).sort(), [...PATHS].sort());
  assert.equal(await copies['pyodide/python_stdlib.zip'].text(), 'stored pyodide/python_stdlib.zip');
});

test('with nothing downloaded (a revisit: every file a current copy) or no service worker, there is nothing to hand again', async () => {
  const current = Object.fromEntries(PATHS.map((path) => [path, '"v1"']));
  const never = new Promise(() => {});
  const revisit = site(current);
  assert.deepEqual(await siteFileSource(BASE, PATHS, { caches: revisit.caches, fetch: revisit.fetch, ready: never }).storedCopiesOfDownloads(), {});
  const noWorker = site({});
  assert.deepEqual(await siteFileSource(BASE, PATHS, { caches: noWorker.caches, fetch: noWorker.fetch, ready: null }).storedCopiesOfDownloads(), {});
  const failing = site({});
  failing.caches.keys = async () => { throw new Error('storage refused'); };
  assert.deepEqual(await siteFileSource(BASE, PATHS, { caches: failing.caches, fetch: failing.fetch, ready: Promise.resolve() }).storedCopiesOfDownloads(), {},
    'storage the browser refuses leaves the downloads as they are');
});

/** A window with message listeners, and the iframe whose contentWindow posts are recorded. */
function page() {
  const listeners = new Set();
  const posted = [];
  // A port handed over (the package fetches') is closed: the frame here takes none.
  const frameWindow = { postMessage: (data, origin, ports = []) => { ports.forEach((port) => port.close()); posted.push({ data, origin }); } };
  return {
    win: {
      location: { origin: 'https://site.example' },
      addEventListener: (type, listener) => listeners.add(listener),
      removeEventListener: (type, listener) => listeners.delete(listener),
    },
    iframe: { contentWindow: frameWindow },
    posted,
    dispatch: (event) => [...listeners].forEach((listener) => listener(event)),
  };
}

test('the page hands its frame the stored copies after the files, only when there are some and it had files to give', async () => {
  const wasm = new Blob(['network']);
  const storedWasm = new Blob(['stored']);
  for (const [given, copies, expected] of [
    [{ 'pyodide/pyodide.asm.wasm': wasm }, { 'pyodide/pyodide.asm.wasm': storedWasm }, [{ jodidePyodideFiles: { 'pyodide/pyodide.asm.wasm': wasm } }, { [STORED]: { 'pyodide/pyodide.asm.wasm': storedWasm } }]],
    [{ 'pyodide/pyodide.asm.wasm': wasm }, {}, [{ jodidePyodideFiles: { 'pyodide/pyodide.asm.wasm': wasm } }]],
    [null, { 'pyodide/pyodide.asm.wasm': storedWasm }, [{ jodidePyodideFiles: null }]],
  ]) {
    const { win, iframe, posted, dispatch } = page();
    answerPyodideFilesAsk(iframe, win, { files: () => Promise.resolve(given), store: null, storedCopies: () => Promise.resolve(copies) });
    dispatch({ source: iframe.contentWindow, data: { jodideWantsPyodideFiles: true } });
    await tick();
    assert.deepEqual(posted.slice(1).map((message) => message.data), expected);
  }
});

/** A frame's window whose parent is the editor page. */
function frameWindow() {
  const listeners = new Set();
  const parent = {};
  return {
    parent,
    location: { origin: 'https://site.example' },
    addEventListener: (type, listener) => listeners.add(listener),
    dispatch: (event) => [...listeners].forEach((listener) => listener(event)),
  };
}

test('the frame takes the stored copies into the files it was handed, in place, and passes them on; only from its parent at the site\'s origin', async () => {
  const win = frameWindow();
  const handed = { 'pyodide/pyodide.asm.wasm': new Blob(['network']), 'pyodide/python_stdlib.zip': new Blob(['stdlib']) };
  const forwarded = [];
  takeStoredCopies(win, Promise.resolve(handed), (copies) => forwarded.push(copies));
  const copies = { 'pyodide/pyodide.asm.wasm': new Blob(['stored']) };
  win.dispatch({ source: {}, origin: 'https://site.example', data: { [STORED]: { 'pyodide/pyodide.asm.wasm': new Blob(['evil']) } } });
  win.dispatch({ source: win.parent, origin: 'https://evil.example', data: { [STORED]: { 'pyodide/pyodide.asm.wasm': new Blob(['evil']) } } });
  win.dispatch({ source: win.parent, origin: 'https://site.example', data: 'a protocol message' });
  win.dispatch({ source: win.parent, origin: 'https://site.example', data: null });
  await tick();
  assert.deepEqual(forwarded, []);
  win.dispatch({ source: win.parent, origin: 'https://site.example', data: { [STORED]: copies } });
  await tick();
  assert.equal(handed['pyodide/pyodide.asm.wasm'], copies['pyodide/pyodide.asm.wasm']);
  assert.equal(await handed['pyodide/python_stdlib.zip'].text(), 'stdlib');
  assert.deepEqual(forwarded, [copies]);
});

test('a frame handed no files (it fetched them itself) has nothing to replace', async () => {
  const win = frameWindow();
  const forwarded = [];
  takeStoredCopies(win, Promise.resolve(null), (copies) => forwarded.push(copies));
  win.dispatch({ source: win.parent, origin: 'https://site.example', data: { [STORED]: { 'pyodide/pyodide.asm.wasm': new Blob(['stored']) } } });
  await tick();
  assert.deepEqual(forwarded, []);
});

test('a handed frame (a plain host) is handed again the stored copies of what the page downloaded for it; its boot takes them', async () => {
  const stored = {};
  const { asked, fetch, caches } = site(stored);
  const ready = later();
  Object.assign(globalThis, { fetch, caches });
  Object.defineProperty(globalThis, 'navigator', { value: { serviceWorker: { ready: ready.promise } }, configurable: true });
  const given = await handedFrameFiles(BASE);
  assert.deepEqual(Object.keys(given), [...HANDED_FRAME_FILES]);
  assert.equal(asked.filter((request) => request.startsWith('GET')).length, HANDED_FRAME_FILES.length, 'a first visit: all downloaded');
  let copies = null;
  handedFrameStoredCopies(BASE).then((value) => { copies = value; });
  await tick();
  assert.equal(copies, null, 'nothing before the service worker is ready');
  for (const path of HANDED_FRAME_FILES) stored[path] = '"v1"';
  ready.resolve();
  for (let i = 0; i < 5 && copies === null; i++) await tick();
  assert.deepEqual(Object.keys(copies), [...HANDED_FRAME_FILES]);
  assert.equal(await given['pyodide/pyodide.asm.wasm'].text(), 'stored pyodide/pyodide.asm.wasm', 'in place in the object the frame was given');
  assert.ok(handedFrameDocument('light', '').includes(`later.data.${HANDED_FILES_STORED}`), 'the frame\'s boot takes them under the same key');
});

test('a handed frame that runs MicroPython is handed MicroPython\'s files and none of Pyodide\'s; a switch to Pyodide reads Pyodide\'s', async () => {
  const page = await import('../../main/js/page/handed-frame.js?micropython');
  const { MICROPYTHON_FILES } = await import('../../main/js/frame/micropython-loader.js');
  const { asked, fetch, caches } = site({});
  Object.assign(globalThis, { fetch, caches });
  Object.defineProperty(globalThis, 'navigator', { value: { serviceWorker: { ready: later().promise } }, configurable: true });
  const given = await page.handedFrameFiles(BASE, { micropython: true });
  assert.deepEqual(Object.keys(given), [...page.HANDED_MICROPYTHON_FRAME_FILES]);
  for (const path of MICROPYTHON_FILES) assert.ok(path in given, path);
  assert.equal(given['micropython/micropython.wasm'].type, 'application/wasm');
  assert.deepEqual(asked.filter((request) => request.includes('pyodide/')), [], 'nothing of Pyodide\'s read');
  assert.equal(await page.handedFrameFiles(BASE, { micropython: true }), given, 'read once per page');
  const pyodide = await page.handedFrameFiles(BASE);
  assert.deepEqual(Object.keys(pyodide), [...page.HANDED_FRAME_FILES], 'the Kernel menu\'s switch to Pyodide gets Pyodide\'s files');
  assert.ok(page.handedFrameDocument('light', '').includes('window.jodideHandedScripts = files;'),
    'the frame\'s boot leaves them where MicroPython\'s loader looks');
});

test('files that failed to load leave nothing behind: the next load that succeeds still gets its stored copies', async () => {
  // A module instance of its own: the test above has used this page's files.
  const page = await import('../../main/js/page/handed-frame.js?failed-first-load');
  const stored = {};
  const host = site(stored);
  let down = true;
  const fetch = async (url, init) => (down ? new Response('', { status: 503 }) : host.fetch(url, init));
  const ready = later();
  Object.assign(globalThis, { fetch, caches: host.caches });
  Object.defineProperty(globalThis, 'navigator', { value: { serviceWorker: { ready: ready.promise } }, configurable: true });
  await assert.rejects(page.handedFrameFiles(BASE), /HTTP 503/);
  assert.deepEqual(await page.handedFrameStoredCopies(BASE), {}, 'no files, no copies');
  down = false;
  const given = await page.handedFrameFiles(BASE);
  const copies = page.handedFrameStoredCopies(BASE);
  for (const path of page.HANDED_FRAME_FILES) stored[path] = '"v1"';
  ready.resolve();
  assert.deepEqual(Object.keys(await copies), [...page.HANDED_FRAME_FILES], 'the retry\'s downloads come again as stored copies');
  assert.equal(await given['pyodide/python_stdlib.zip'].text(), 'stored pyodide/python_stdlib.zip');
});

test('the snapshot handed as its stored file gets its decompressed copy made in a worker, and that copy is handed again', async () => {
  const snapshot = 'pyodide/python-snapshot.gz';
  const held = new Map([[BASE + snapshot, () => new Response('gzip bytes', { headers: { ETag: '"v1"' } })]]);
  const caches = {
    keys: async () => ['jodide-b1'],
    open: async () => ({ match: async (url) => (held.has(String(url)) ? held.get(String(url))() : undefined) }),
  };
  const fetch = async (url, init = {}) => new Response(init.method === 'HEAD' ? null : 'network', { headers: { ETag: '"v1"' } });
  const asked = [];
  const makeWorker = () => {
    const worker = {
      terminate: () => asked.push('terminated'),
      postMessage: (data) => {
        asked.push(Object.values(data)[0]);
        held.set(BASE + 'pyodide/python-snapshot', () => new Response('decompressed bytes', { headers: { ETag: '"v1"' } }));
        setTimeout(() => worker.onmessage({ data: true }));
      },
    };
    return worker;
  };
  const source = siteFileSource(BASE, [snapshot], { caches, fetch, ready: Promise.resolve(null), makeWorker });
  const given = await source.allFiles();
  assert.equal(await given[snapshot].text(), 'gzip bytes', 'a revisit without the copy hands the file');
  const copies = await source.storedCopiesOfDownloads();
  assert.deepEqual(asked, [BASE + snapshot, 'terminated']);
  assert.equal(await copies[snapshot].text(), 'decompressed bytes');
  assert.equal(await given[snapshot].text(), 'decompressed bytes', 'in the object given too');
});

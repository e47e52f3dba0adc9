// The served eval frame's modules, handed over by the editor page (page/frame-scripts.js), and
// evalframe.html's side of it, which keeps its own copy of the module list and of the message keys.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  ANSWER, answerFrameScriptsAsk, ASK, frameScriptSource, HANDED_SCRIPTS_SETTING, WORKER_ONLY_SCRIPTS,
} from '../../main/js/page/frame-scripts.js';
import { answerPyodideFilesAsk, HANDED_FRAME_FILES } from '../../main/js/page/handed-frame.js';
import { WORKER_SCRIPTS, workerScriptUrls } from '../../main/js/frame/worker-scripts.js';
import { MICROPYTHON_FILES } from '../../main/js/frame/micropython-loader.js';
import { FRAME_MODULES } from '../../main/js/frame/frame-modules.js';
import { handedFileUrls } from '../../main/js/frame/handed-file-urls.js';

const BASE = 'https://site.example/jodide/';
const EVAL_FRAME_HTML = readFileSync(new URL('../../main/site/evalframe.html', import.meta.url), 'utf8');

/** A host without Cache Storage that answers each module with `answer(path)` (a Response, or an Error to throw); records what was asked. */
function host(answer) {
  const asked = [];
  const fetch = async (url, init = {}) => {
    const path = String(url).slice(BASE.length);
    asked.push(`${init.method || 'GET'} ${path}`);
    const response = answer(path);
    if (response instanceof Error) throw response;
    return response;
  };
  return { asked, fetch };
}

test('the page reads every module of the frame and its worker\'s scripts, each a Blob the browser imports as JavaScript', async () => {
  const { asked, fetch } = host((path) => new Response(`// ${path}`, { headers: { 'Content-Type': 'application/octet-stream' } }));
  const scripts = await frameScriptSource(BASE, { caches: undefined, fetch }).allFiles();
  const all = [...FRAME_MODULES, ...WORKER_ONLY_SCRIPTS];
  assert.deepEqual(Object.keys(scripts), all);
  assert.deepEqual(asked, all.map((path) => `GET ${path}`));
  for (const path of WORKER_SCRIPTS) {
    assert.ok(path in scripts, `the worker's ${path} is read`);
  }
  for (const [path, blob] of Object.entries(scripts)) {
    assert.equal(blob.type, 'text/javascript');
    assert.equal(await blob.text(), `// ${path}`);
  }
});

test('a module the page could not read is left out, for the frame to import by its URL', async () => {
  const { fetch } = host((path) => {
    if (path === 'evalframe.js') return new Response('missing', { status: 404 });
    if (path === 'report-libs.js') return new TypeError('Failed to fetch');
    return new Response(`// ${path}`, { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
  });
  const scripts = await frameScriptSource(BASE, { worker: false, caches: undefined, fetch }).allFiles();
  assert.deepEqual(Object.keys(scripts), FRAME_MODULES.filter((path) => path !== 'evalframe.js' && path !== 'report-libs.js'));
});

test('a frame without a Python worker (MicroPython) is read its own modules and MicroPython\'s files, the Wasm typed as Wasm', async () => {
  const { asked, fetch } = host((path) => new Response(`// ${path}`));
  const files = await frameScriptSource(BASE, { worker: false, micropython: true, caches: undefined, fetch }).allFiles();
  assert.deepEqual(Object.keys(files), [...FRAME_MODULES, ...MICROPYTHON_FILES]);
  assert.deepEqual(asked, [...FRAME_MODULES, ...MICROPYTHON_FILES].map((path) => `GET ${path}`));
  assert.equal(files['micropython/micropython.wasm'].type, 'application/wasm', 'compiled as it streams');
  assert.equal(files['micropython/micropython.mjs'].type, 'text/javascript', 'importable from a blob: URL');
  assert.ok(!('python-worker.js' in files), 'no worker\'s scripts');
});

test('MicroPython loads from the handed copies\' blob: URLs, made once for its restarts, else from the site', () => {
  const made = [];
  const create = (blob) => { made.push(blob); return `blob:null/${made.length}`; };
  const handed = { 'micropython/micropython.wasm': new Blob(['\0asm'], { type: 'application/wasm' }) };
  const urls = handedFileUrls(BASE, MICROPYTHON_FILES, handed, create);
  assert.deepEqual(urls, {
    'micropython-support.js': `${BASE}micropython-support.js`,
    'micropython/micropython.mjs': `${BASE}micropython/micropython.mjs`,
    'micropython/micropython.wasm': 'blob:null/1',
  });
  assert.deepEqual(handedFileUrls(BASE, MICROPYTHON_FILES, handed, create), urls);
  assert.equal(made.length, 1);
});

test('the worker imports each script from the handed copy\'s blob: URL, made once, else from the site', () => {
  const made = [];
  const create = (blob) => { made.push(blob); return `blob:null/${made.length}`; };
  const handed = { 'python-worker.js': new Blob(['// program'], { type: 'text/javascript' }), 'pyodide-support.js': 'not a Blob' };
  const urls = workerScriptUrls(BASE, handed, create);
  assert.deepEqual(Object.keys(urls), [...WORKER_SCRIPTS]);
  assert.equal(urls['python-worker.js'], 'blob:null/1');
  assert.equal(urls['pyodide/pyodide.mjs'], `${BASE}pyodide/pyodide.mjs`);
  assert.equal(urls['pyodide-support.js'], `${BASE}pyodide-support.js`);
  assert.deepEqual(workerScriptUrls(BASE, handed, create), urls, 'a restarted worker gets the same URLs');
  assert.equal(made.length, 1);
  assert.deepEqual(workerScriptUrls(BASE, undefined, create), Object.fromEntries(WORKER_SCRIPTS.map((path) => [path, BASE + path])));
});

test('stored copies are checked without a download; reading all the files downloads only the rest', async () => {
  const stored = (path) => new Response(`// stored ${path}`, { headers: { ETag: '"v1"' } });
  const caches = {
    keys: async () => ['jodide-b1'],
    open: async () => ({ match: async (url) => (String(url).endsWith('evalframe.js') ? undefined : stored(String(url))) }),
  };
  const { asked, fetch } = host((path) => new Response(`// ${path}`, { headers: { ETag: '"v1"' } }));
  const source = frameScriptSource(BASE, { worker: false, caches, fetch });
  const copies = await source.currentCopies();
  assert.deepEqual(Object.keys(copies), FRAME_MODULES.filter((path) => path !== 'evalframe.js'));
  assert.deepEqual(asked.filter((request) => request.startsWith('GET')), [], 'nothing downloaded by the check');
  const all = await source.allFiles();
  assert.deepEqual(Object.keys(all).sort(), [...FRAME_MODULES].sort());
  assert.equal(await all['evalframe.js'].text(), '// evalframe.js');
  assert.deepEqual(asked.filter((request) => request.startsWith('GET')), ['GET evalframe.js']);
});

/** A window with message listeners, and the iframe whose contentWindow posts are recorded. */
function page() {
  const listeners = new Set();
  const posted = [];
  const frameWindow = { postMessage: (data, origin) => posted.push({ data, origin }) };
  return {
    win: {
      addEventListener: (type, listener) => listeners.add(listener),
      removeEventListener: (type, listener) => listeners.delete(listener),
    },
    iframe: { contentWindow: frameWindow },
    posted,
    listeners,
    dispatch: (event) => [...listeners].forEach((listener) => listener(event)),
  };
}

test('the page answers its frame\'s first ask with the modules, and nobody else\'s', async () => {
  const { win, iframe, posted, listeners, dispatch } = page();
  const scripts = { 'evalframe.js': new Blob(['// main'], { type: 'text/javascript' }) };
  answerFrameScriptsAsk(iframe, () => Promise.resolve(scripts), win);
  dispatch({ source: { postMessage() {} }, data: { [ASK]: true } });
  dispatch({ source: iframe.contentWindow, data: 'protocol text' });
  dispatch({ source: iframe.contentWindow, data: { jodideWantsPyodideFiles: true } });
  await new Promise((resolve) => setTimeout(resolve, 0));
  assert.deepEqual(posted, [], 'another window\'s ask, or another message, gets no answer');
  dispatch({ source: iframe.contentWindow, data: { [ASK]: true } });
  await new Promise((resolve) => setTimeout(resolve, 0));
  assert.deepEqual(posted, [{ data: { [ANSWER]: scripts }, origin: '*' }]);
  assert.equal(listeners.size, 0, 'one answer per frame');
});

test('once it has answered, the page keeps the service worker\'s copies of what it downloaded, and not before', async () => {
  const { win, iframe, posted, dispatch } = page();
  let kept = 0;
  answerFrameScriptsAsk(iframe, () => Promise.resolve({}), win, () => { kept += 1; });
  await new Promise((resolve) => setTimeout(resolve, 0));
  assert.equal(kept, 0, 'nothing is read before the frame asks');
  dispatch({ source: iframe.contentWindow, data: { [ASK]: true } });
  await new Promise((resolve) => setTimeout(resolve, 0));
  assert.equal(posted.length, 1);
  assert.equal(kept, 1);
});

test('an ask that comes once its frame is gone (removed: no window) gets no answer, and no error', async () => {
  for (const answerAsk of [
    (iframe, win) => answerFrameScriptsAsk(iframe, () => Promise.resolve({}), win),
    (iframe, win) => answerPyodideFilesAsk(iframe, win, { files: () => Promise.resolve({}), store: null }),
  ]) {
    const { win, iframe, posted, listeners, dispatch } = page();
    answerAsk(iframe, win);
    iframe.contentWindow = null;
    dispatch({ source: null, data: { [ASK]: true, jodideWantsPyodideFiles: true } });
    await new Promise((resolve) => setTimeout(resolve, 0));
    assert.deepEqual(posted, []);
    assert.equal(listeners.size, 1, 'still listening (the frame will never ask again; the page replaces it)');
  }
});

test('evalframe.html imports the modules the page hands, in the same order, asks with the same keys, and waits only when told', () => {
  const listed = /const modules = \[([^\]]*)\]/.exec(EVAL_FRAME_HTML);
  assert.ok(listed, 'evalframe.html lists its modules');
  assert.deepEqual(JSON.parse(`[${listed[1]}]`), [...FRAME_MODULES]);
  assert.ok(EVAL_FRAME_HTML.includes(`{ ${ASK}: true }`), `evalframe.html asks with ${ASK}`);
  assert.ok(EVAL_FRAME_HTML.includes(`"${ANSWER}" in event.data`), `evalframe.html takes ${ANSWER}`);
  const [name, value] = HANDED_SCRIPTS_SETTING.slice(1).split('=');
  assert.ok(EVAL_FRAME_HTML.includes(`/[#&]${name}=${value}(?:&|$)/.test(location.hash)`), 'evalframe.html waits only when its settings say so');
  assert.ok(EVAL_FRAME_HTML.includes('event.origin === location.origin'), 'only the site\'s own page may hand the frame its modules');
  assert.ok(EVAL_FRAME_HTML.includes('window.jodideHandedScripts = handed;'), 'the worker\'s scripts are kept for python-worker-support.js');
  // Once imported, the modules' blob: URLs and the frame's own copies go (python-worker-support.js is the 4th module).
  const revoked = EVAL_FRAME_HTML.indexOf('for (const url of urls) if (url.startsWith("blob:")) URL.revokeObjectURL(url);');
  assert.ok(revoked > EVAL_FRAME_HTML.indexOf('await Promise.all(imports)'), 'the URLs are revoked only once every module is imported');
  // What it loads later stays handed (the worker's scripts, MicroPython's files); its own modules go.
  const dropped = EVAL_FRAME_HTML.indexOf('for (const path of modules) delete handed[path];');
  assert.ok(dropped > revoked, 'the frame drops its own modules\' copies once they are imported');
});

test('a handed frame is given the same modules', () => {
  for (const path of FRAME_MODULES) {
    assert.ok(HANDED_FRAME_FILES.includes(path), `${path} is among HANDED_FRAME_FILES`);
  }
});

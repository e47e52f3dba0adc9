// Pyodide's big files handed from the editor page to the served frame (frame/handed-pyodide-files.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { answerFetchesFromHandedFiles, askParentForPyodideFiles, firstLoadWaits, HANDED_PYODIDE_FILES, PROMISE_DEADLINE_MS } from '../../main/js/frame/handed-pyodide-files.js';

const SITE = 'https://site.example/app/';

function frameWindow() {
  const listeners = new Set();
  const parent = { posted: [], postMessage(data, origin) { this.posted.push([data, origin]); } };
  return {
    parent,
    location: { origin: 'https://site.example' },
    addEventListener: (type, listener) => listeners.add(listener),
    removeEventListener: (type, listener) => listeners.delete(listener),
    dispatch: (event) => [...listeners].forEach((listener) => listener(event)),
    listeners,
  };
}

test('the frame asks the window that framed it, at the site origin, and takes only its answer', async () => {
  const win = frameWindow();
  const files = askParentForPyodideFiles(win, { deadlineMs: 50 });
  assert.deepEqual(win.parent.posted, [[{ jodideWantsPyodideFiles: true }, 'https://site.example']]);
  win.dispatch({ source: win.parent, origin: 'https://site.example', data: { jodidePyodideFilesComing: true } });
  await new Promise((resolve) => setTimeout(resolve, 100));   // past the deadline: the page promised
  const wasm = new Blob(['wasm']);
  win.dispatch({ source: {}, origin: 'https://site.example', data: { jodidePyodideFiles: { 'pyodide/pyodide.asm.wasm': new Blob(['evil']) } } });
  win.dispatch({ source: win.parent, origin: 'https://evil.example', data: { jodidePyodideFiles: {} } });
  win.dispatch({ source: win.parent, origin: 'https://site.example', data: 'a protocol message' });
  win.dispatch({ source: win.parent, origin: 'https://site.example', data: null });
  win.dispatch({ source: win.parent, origin: 'https://site.example', data: { jodidePyodideFiles: { 'pyodide/pyodide.asm.wasm': wasm } } });
  assert.deepEqual(await files, { 'pyodide/pyodide.asm.wasm': wasm });
  assert.equal(win.listeners.size, 0, 'stops listening once answered');
});

test('a page that has no files to give answers null', async () => {
  const win = frameWindow();
  const files = askParentForPyodideFiles(win);
  win.dispatch({ source: win.parent, origin: 'https://site.example', data: { jodidePyodideFiles: null } });
  assert.equal(await files, null);
});

test('a parent that does not promise the files in time (not the editor) gets the frame to fetch them itself', async () => {
  const win = frameWindow();
  const started = Date.now();
  assert.equal(await askParentForPyodideFiles(win, { deadlineMs: 30 }), null);
  assert.ok(Date.now() - started >= 25);
  assert.equal(win.listeners.size, 0);
  assert.ok(PROMISE_DEADLINE_MS >= 1000, 'long enough for an editor page busy starting');
});

function scopeWithNetwork() {
  const network = [];
  return {
    network,
    fetch: (input) => {
      network.push(String(input instanceof Request ? input.url : input));
      return Promise.resolve(new Response('from the network'));
    },
  };
}

test('a fetch of a handed file waits for the files and is answered from its Blob, typed for streaming compilation', async () => {
  const scope = scopeWithNetwork();
  let hand;
  answerFetchesFromHandedFiles(scope, SITE, new Promise((resolve) => { hand = resolve; }));
  const pending = scope.fetch(`${SITE}pyodide/pyodide.asm.wasm`);
  const other = await scope.fetch(`${SITE}evalframe.js`);
  assert.equal(await other.text(), 'from the network', 'others go to the network at once');
  hand({ 'pyodide/pyodide.asm.wasm': new Blob(['\0asm']) });
  const answer = await pending;
  assert.equal(answer.headers.get('Content-Type'), 'application/wasm');
  assert.equal(answer.headers.get('Content-Length'), '4');
  assert.equal(await answer.text(), '\0asm');
  assert.deepEqual(scope.network, [`${SITE}evalframe.js`]);
});

test('a handed file the page could not read, or no files at all, is fetched from the network', async () => {
  const scope = scopeWithNetwork();
  answerFetchesFromHandedFiles(scope, SITE, Promise.resolve({ 'pyodide/pyodide.asm.wasm': new Blob(['w']) }));
  assert.equal(await (await scope.fetch(new Request(`${SITE}pyodide/python_stdlib.zip`))).text(), 'from the network');
  const bare = scopeWithNetwork();
  answerFetchesFromHandedFiles(bare, SITE, Promise.resolve(null));
  await bare.fetch('pyodide/python-snapshot.gz?v=1');
  assert.deepEqual(bare.network, ['pyodide/python-snapshot.gz?v=1']);
  assert.deepEqual([...HANDED_PYODIDE_FILES].sort(),
    ['pyodide/jodide-kernel.json', 'pyodide/pyodide-lock.json', 'pyodide/pyodide.asm.mjs', 'pyodide/pyodide.asm.wasm',
      'pyodide/python-snapshot.gz', 'pyodide/python_stdlib.zip']);
});

test('the lock file and the kernel come typed as JSON, the module script as JavaScript', async () => {
  const scope = scopeWithNetwork();
  answerFetchesFromHandedFiles(scope, SITE, Promise.resolve({
    'pyodide/pyodide-lock.json': new Blob(['{}']), 'pyodide/jodide-kernel.json': new Blob(['{}']), 'pyodide/pyodide.asm.mjs': new Blob(['']),
  }));
  const types = [];
  for (const path of ['pyodide/pyodide-lock.json', 'pyodide/jodide-kernel.json', 'pyodide/pyodide.asm.mjs']) {
    types.push((await scope.fetch(`${SITE}${path}`)).headers.get('Content-Type'));
  }
  assert.deepEqual(types, ['application/json', 'application/json', 'text/javascript']);
  assert.deepEqual(scope.network, []);
});

test('the same path of another site is not a handed file', async () => {
  const scope = scopeWithNetwork();
  answerFetchesFromHandedFiles(scope, SITE, Promise.resolve({ 'pyodide/pyodide.asm.wasm': new Blob(['w']) }));
  await scope.fetch('https://cdn.example/app/pyodide/pyodide.asm.wasm');
  assert.deepEqual(scope.network, ['https://cdn.example/app/pyodide/pyodide.asm.wasm']);
});

test('only the first fetch of a handed file waits for the files: a later one goes to the network while they have not come', async () => {
  const scope = scopeWithNetwork();
  let hand;
  answerFetchesFromHandedFiles(scope, SITE, new Promise((resolve) => { hand = resolve; }));
  const first = scope.fetch(`${SITE}pyodide/pyodide.asm.wasm`);
  const retry = await scope.fetch(`${SITE}pyodide/pyodide.asm.wasm`);
  assert.equal(await retry.text(), 'from the network', 'a Retry is not held by a stalled download');
  hand({ 'pyodide/pyodide.asm.wasm': new Blob(['\0asm']) });
  assert.equal(await (await first).text(), '\0asm');
  assert.equal(await (await scope.fetch(`${SITE}pyodide/pyodide.asm.wasm`)).text(), '\0asm', 'once they have come, from the Blob');
  assert.deepEqual(scope.network, [`${SITE}pyodide/pyodide.asm.wasm`]);
});

test('the first load waits for the files; a later one takes them if they have come, else none at once', async () => {
  let hand;
  const next = firstLoadWaits(new Promise((resolve) => { hand = resolve; }));
  const first = next();
  assert.equal(await next(), null, 'not come yet: none, at once');
  const files = { 'pyodide/pyodide.asm.wasm': new Blob(['w']) };
  hand(files);
  assert.equal(await first, files);
  assert.equal(await next(), files, 'come: taken');
  assert.equal(await firstLoadWaits(Promise.resolve(null))(), null);
});

test('a frame framed by a page of another site (#embedded=1) asks any origin and takes its parent\'s answer whatever its origin', async () => {
  const win = frameWindow();
  const files = askParentForPyodideFiles(win, { deadlineMs: 50, parentOrigin: '*' });
  assert.deepEqual(win.parent.posted, [[{ jodideWantsPyodideFiles: true }, '*']]);
  const wasm = new Blob(['wasm']);
  win.dispatch({ source: {}, origin: 'https://docs.example', data: { jodidePyodideFiles: { 'pyodide/pyodide.asm.wasm': new Blob(['not the parent']) } } });
  win.dispatch({ source: win.parent, origin: 'https://docs.example', data: { jodidePyodideFiles: { 'pyodide/pyodide.asm.wasm': wasm } } });
  assert.deepEqual(await files, { 'pyodide/pyodide.asm.wasm': wasm });
});

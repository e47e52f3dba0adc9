// The JavaScript side of pyodide-loader (src/main/js/pyodide), with fakes for Pyodide and the network.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { fetchJson } from '../../main/js/pyodide/kernel-files.js';
import { callAndRelease, callAsync, callNow } from '../../main/js/pyodide/python-calls.js';
import { describeFatal, isExit, onFatal } from '../../main/js/pyodide/fatal.js';
import { withDeadline } from '../../main/js/pyodide/package-loading.js';
import { iodideFacingPyodide } from '../../main/js/pyodide/iodide-pyimport.js';
import { countDownloads, watchWasmCompile } from '../../main/js/pyodide/load-watch.js';

/** A function that records its calls, with a destroy() like a PyProxy's. */
function fakeProxy(body) {
  const fn = (...args) => { fn.calls.push(args); return body(...args); };
  fn.calls = [];
  fn.destroyed = 0;
  fn.destroy = () => { fn.destroyed++; };
  return fn;
}

function replies() {
  const seen = [];
  const reply = (json, failure) => seen.push([json, failure]);
  reply.seen = seen;
  reply.settled = () => new Promise((resolve) => {
    const poll = () => (seen.length ? resolve(seen) : setImmediate(poll));
    poll();
  });
  return reply;
}

async function serving(handler, body) {
  const server = createServer(handler);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    return await body(`http://127.0.0.1:${server.address().port}`);
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

test('fetchJson parses the file, and rejects naming the HTTP status or the deadline', async () => {
  await serving((request, response) => {
    if (request.url === '/ok.json') response.end('{"jodide_kernel/__init__.py": "x = 1"}');
    else if (request.url === '/stall.json') { /* never answers */ } else { response.statusCode = 404; response.end(); }
  }, async (base) => {
    assert.deepEqual(await fetchJson(`${base}/ok.json`, 5000), { 'jodide_kernel/__init__.py': 'x = 1' });
    await assert.rejects(fetchJson(`${base}/missing.json`, 5000), /HTTP 404/);
    await assert.rejects(fetchJson(`${base}/stall.json`, 200), /no answer within 0.2 s/);
  });
});

test('callAndRelease destroys the function proxy even when the call throws', () => {
  const fn = fakeProxy(() => { throw new Error('python failed'); });
  assert.throws(() => callAndRelease(fn, 'sink'), /python failed/);
  assert.deepEqual(fn.calls, [['sink']]);
  assert.equal(fn.destroyed, 1);
});

test('callAndRelease calls a function of no argument with none', () => {
  const fn = fakeProxy(() => undefined);
  callAndRelease(fn);
  assert.deepEqual(fn.calls, [[]]);
  assert.equal(fn.destroyed, 1);
});

test('callAsync reports the awaited JSON and destroys the awaitable', async () => {
  const awaitable = Promise.resolve('{"value": "2"}');
  awaitable.destroy = () => { awaitable.destroyed = true; };
  const reply = replies();
  callAsync(fakeProxy(() => awaitable), '1+1', '<chunk>', 3, reply);
  assert.deepEqual(await reply.settled(), [['{"value": "2"}', null]]);
  assert.ok(awaitable.destroyed);
});

test('callAsync reports a rejection or a throwing call as a failure, once', async () => {
  const rejected = replies();
  callAsync(fakeProxy(() => Promise.reject(new Error('kernel broke'))), '', '', 0, rejected);
  assert.deepEqual(await rejected.settled(), [[null, 'kernel broke']]);
  const thrown = replies();
  callAsync(fakeProxy(() => { throw new Error('no call'); }), '', '', 0, thrown);
  assert.equal(thrown.seen.length, 1);
  assert.match(thrown.seen[0][1], /no call/);
});

test('callNow reports the JSON of a chunk run at once, and a throwing call as a failure', () => {
  const ran = replies();
  assert.equal(callNow(fakeProxy(() => '{"value": "2"}'), '1+1', '<chunk>', 3, ran), true);
  assert.deepEqual(ran.seen, [['{"value": "2"}', null]]);
  const thrown = replies();
  assert.equal(callNow(fakeProxy(() => { throw new Error('kernel broke'); }), '', '', 0, thrown), true);
  assert.deepEqual(thrown.seen, [[null, 'kernel broke']]);
});

test('callNow answers false, without a reply, for a chunk that awaits (run_now returned None)', () => {
  const reply = replies();
  assert.equal(callNow(fakeProxy(() => undefined), 'await x', '<chunk>', 0, reply), false);
  assert.deepEqual(reply.seen, []);
});

test('onFatal tells once whether Python crashed or exited', () => {
  const pyodide = { _api: {} };
  const heard = [];
  onFatal(pyodide, (reason, exited) => heard.push([reason, exited]));
  pyodide._api.on_fatal({ name: 'ExitStatus', message: 'Program terminated with exit(3)', status: 3 });
  pyodide._api.on_fatal(new Error('later'));
  assert.deepEqual(heard, [['ExitStatus: Program terminated with exit(3)', true]]);
  assert.equal(isExit(new RangeError('Maximum call stack size exceeded')), false);
  assert.equal(describeFatal('plain'), 'plain');
});

test('withDeadline settles once: success, error callback, rejection, throw, timeout', async () => {
  const settle = (pyodideMethod, timeoutMs = 1000) => new Promise((resolve) => {
    const progress = [];
    let calls = 0;
    withDeadline({ load: pyodideMethod }, 'load', 'numpy', timeoutMs, (text) => progress.push(text), (outcome, errors) => {
      calls++;
      setTimeout(() => resolve({ outcome, errors, progress, calls }), 30);
    });
  });
  const ok = await settle((name, { messageCallback }) => { messageCallback(`Loading ${name}`); return Promise.resolve(); });
  assert.deepEqual(ok, { outcome: null, errors: '', progress: ['Loading numpy'], calls: 1 });
  const reported = await settle((name, { errorCallback }) => { errorCallback('no wheel'); return Promise.resolve(); });
  assert.deepEqual([reported.outcome, reported.errors], ['error', 'no wheel']);
  const rejected = await settle(() => Promise.reject(new Error('network')));
  assert.deepEqual([rejected.outcome, rejected.errors], ['error', 'network']);
  const threw = await settle(() => { throw new Error('bad argument'); });
  assert.deepEqual([threw.outcome, threw.errors], ['error', 'bad argument']);
  const late = await settle(() => new Promise(() => {}), 20);
  assert.deepEqual([late.outcome, late.calls], ['timeout', 1]);
});

/** `response` as fetch gives it from the network (a Response made here is of type "default"). */
function downloaded(response) {
  return Object.defineProperty(response, 'type', { value: 'basic' });
}

test('countDownloads reports bytes of watched files only, and restores fetch', async () => {
  const bodies = { 'https://site/pyodide/pyodide.asm.wasm': 'x'.repeat(1000), 'https://site/other.js': 'y' };
  const scope = {
    fetch: async (address) => { const url = address.split('?')[0]; return bodies[url] === undefined ? new Response('', { status: 404 })
      : downloaded(new Response(bodies[url], { headers: { 'Content-Length': String(bodies[url].length), 'Content-Type': 'application/wasm' } })); },
  };
  const original = scope.fetch;
  const progress = [];
  const failures = [];
  const watch = countDownloads('pyodide.asm.wasm,python_stdlib.zip', (loaded, total) => progress.push([loaded, total]),
    (reason) => failures.push(reason), scope);
  const wasm = await scope.fetch('https://site/pyodide/pyodide.asm.wasm?v=1');
  assert.equal(wasm.headers.get('Content-Type'), 'application/wasm');
  assert.equal((await wasm.text()).length, 1000);
  assert.deepEqual(progress[0], [0, 1000]);
  assert.deepEqual(progress.at(-1), [1000, 1000]);
  const count = progress.length;
  await (await scope.fetch('https://site/other.js')).text();
  assert.equal(progress.length, count, 'unwatched files are not counted');
  await scope.fetch('https://site/pyodide/python_stdlib.zip');
  assert.deepEqual(failures, ['HTTP 404 for https://site/pyodide/python_stdlib.zip']);
  watch.restore();
  assert.equal(scope.fetch, original);
});

test('countDownloads counts a response made from memory (a handed file) whole at once and passes it on unread', async () => {
  const handed = new Response(new Blob(['x'.repeat(300)]), { headers: { 'Content-Length': '300', 'Content-Type': 'application/wasm' } });
  const downloaded = new Response('y'.repeat(200), { headers: { 'Content-Length': '200' } });
  Object.defineProperty(downloaded, 'type', { value: 'cors' });
  const scope = { fetch: async (address) => (address.endsWith('.wasm') ? handed : downloaded) };
  const progress = [];
  countDownloads('pyodide.asm.wasm,python_stdlib.zip', (loaded, total) => progress.push([loaded, total]), () => {}, scope);
  assert.equal(await scope.fetch('https://site/pyodide/pyodide.asm.wasm'), handed);
  assert.equal(handed.bodyUsed, false);
  assert.deepEqual(progress, [[300, 300]]);
  const stdlib = await scope.fetch('https://site/pyodide/python_stdlib.zip');
  assert.notEqual(stdlib, downloaded, 'a download is handed on with a counting body');
  assert.deepEqual(progress.at(-1), [300, 500]);
  await stdlib.text();
  assert.deepEqual(progress.at(-1), [500, 500]);
});

test('watchWasmCompile reports a binary that does not compile, passes the error on, and restores', async () => {
  const wasm = {
    instantiate: () => Promise.reject(new Error('expected magic word')),
    instantiateStreaming: () => Promise.resolve('module'),
  };
  const originals = { ...wasm };
  const failures = [];
  const watch = watchWasmCompile((reason) => failures.push(reason), wasm);
  assert.equal(await wasm.instantiateStreaming(), 'module');
  await assert.rejects(wasm.instantiate(), /expected magic word/);
  assert.equal(failures.length, 1);
  assert.match(failures[0], /could not be compiled, the file may be truncated or damaged \(expected magic word\)/);
  watch.restore();
  assert.equal(wasm.instantiate, originals.instantiate);
  assert.equal(wasm.instantiateStreaming, originals.instantiateStreaming);
});

test('the pyodide global of js chunks reads a Python global by pyimport, as Iodide\'s did, else imports the module', () => {
  const imported = [];
  const globals = new Map([['decoded', 'hello'], ['numpy', 'the numpy module']]);
  const api = {
    globals: { has: (name) => globals.has(name), get: (name) => globals.get(name) },
    pyimport: (name) => { imported.push(name); return `module ${name}`; },
    runPython: (code) => `ran ${code}`,
    version: '314.0.7',
  };
  const shown = iodideFacingPyodide(api);
  assert.equal(shown.pyimport('decoded'), 'hello');
  assert.equal(shown.pyimport('numpy'), 'the numpy module', 'an imported module is a global of its name too');
  assert.equal(shown.pyimport('json'), 'module json');
  assert.deepEqual(imported, ['json']);
  assert.equal(shown.runPython('1+1'), 'ran 1+1', 'the rest of the API reads through');
  assert.equal(shown.version, '314.0.7');
  assert.equal(shown.globals, api.globals);
  api.loadedLater = true;
  assert.equal(shown.loadedLater, true, 'members the API gets later read through too');
});

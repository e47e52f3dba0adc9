// The editor page's eval frame (page/eval-frame.js), in a process of its own: which page-wide reads a
// frame starts as it is made.
import { test } from 'node:test';
import assert from 'node:assert/strict';

test("a served frame that runs MicroPython starts no check of Pyodide's stored copies; one that loads Pyodide does;"
  + " both have their modules read for them, the first MicroPython's files, the second its worker's scripts", async () => {
  const element = () => ({
    attributes: {}, setAttribute(name, value) { this.attributes[name] = value; }, dataset: {}, addEventListener() {},
  });
  globalThis.document = { createElement: element, baseURI: 'https://site.example/index.html' };
  globalThis.window = { location: { origin: 'https://site.example', search: '' }, addEventListener() {}, removeEventListener() {} };
  const requests = [];
  const siteFetch = globalThis.fetch;
  // The host answers the frame's probe with CORS headers: served frames.
  globalThis.fetch = async (url, init = {}) => {
    requests.push(`${init.method || 'GET'} ${url}`);
    return new Response(null, { headers: { 'Access-Control-Allow-Origin': '*', ETag: '"v1"' } });
  };
  globalThis.caches = {
    keys: async () => ['jodide-b1'],
    open: async () => ({ match: async (url) => new Response(`stored ${url}`, { headers: { ETag: '"v1"' } }) }),
  };
  try {
    const { createEvalFrame } = await import('../../main/js/page/eval-frame.js');
    const { FRAME_MODULES } = await import('../../main/js/frame/frame-modules.js');
    const { MICROPYTHON_FILES } = await import('../../main/js/frame/micropython-loader.js');
    const moduleChecks = FRAME_MODULES.map((path) => `HEAD https://site.example/${path}`);
    const micropythonChecks = MICROPYTHON_FILES.map((path) => `HEAD https://site.example/${path}`);
    const container = { appendChild() {} };
    const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

    const micropython = createEvalFrame(container, 'dark', '?python=micropython');
    await settle();
    assert.equal(micropython.attributes.src, 'evalframe.html#theme=dark&python=micropython&scripts=page');
    assert.deepEqual(requests, ['HEAD https://site.example/evalframe.html', ...moduleChecks, ...micropythonChecks],
      "the probe, the frame's modules and MicroPython's files (stored copies, checked with a HEAD each); nothing of Pyodide's");

    requests.length = 0;
    createEvalFrame(container, 'dark', '?python=micropython');
    await settle();
    assert.deepEqual(requests, [], "a restart's frame gets the files read for the first");

    // The Kernel menu's switch to Pyodide: its frame's worker scripts are read too, with its modules.
    const { WORKER_ONLY_SCRIPTS } = await import('../../main/js/page/frame-scripts.js');
    createEvalFrame(container, 'dark', '');
    await settle();
    for (const path of [...FRAME_MODULES, ...WORKER_ONLY_SCRIPTS]) {
      assert.ok(requests.includes(`HEAD https://site.example/${path}`), `${path} read for the Pyodide frame:\n${requests.join('\n')}`);
    }
    assert.ok(requests.includes('HEAD https://site.example/pyodide/pyodide.asm.wasm'), requests.join('\n'));
    assert.equal(requests.filter((request) => request.startsWith('GET')).length, 0, 'nothing downloaded before the frame asks');
  } finally {
    globalThis.fetch = siteFetch;
    delete globalThis.caches;
    delete globalThis.document;
    delete globalThis.window;
  }
});

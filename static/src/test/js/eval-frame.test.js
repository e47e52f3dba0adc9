// The editor page's eval frame (page/eval-frame.js), in a process of its own: which page-wide reads a
// frame starts as it is made.
import { test } from 'node:test';
import assert from 'node:assert/strict';

test("a served frame that runs MicroPython starts no check of Pyodide's stored copies; one that loads Pyodide does", async () => {
  const element = () => ({
    attributes: {}, setAttribute(name, value) { this.attributes[name] = value; }, dataset: {}, addEventListener() {},
  });
  globalThis.document = { createElement: element, baseURI: 'https://site.example/index.html' };
  globalThis.window = { location: { origin: 'https://site.example', search: '' }, addEventListener() {}, removeEventListener() {} };
  const requests = [];
  const cacheReads = [];
  const siteFetch = globalThis.fetch;
  // The host answers the frame's probe with CORS headers: served frames.
  globalThis.fetch = async (url, init = {}) => {
    requests.push(`${init.method || 'GET'} ${url}`);
    return new Response(null, { headers: { 'Access-Control-Allow-Origin': '*', ETag: '"v1"' } });
  };
  globalThis.caches = {
    keys: async () => { cacheReads.push('keys'); return ['jodide-b1']; },
    open: async () => ({ match: async (url) => new Response(`stored ${url}`, { headers: { ETag: '"v1"' } }) }),
  };
  try {
    const { createEvalFrame } = await import('../../main/js/page/eval-frame.js');
    const container = { appendChild() {} };
    const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

    const micropython = createEvalFrame(container, 'dark', '?python=micropython');
    await settle();
    assert.equal(micropython.attributes.src, 'evalframe.html#theme=dark&python=micropython');
    assert.deepEqual(cacheReads, []);
    assert.deepEqual(requests, ['HEAD https://site.example/evalframe.html'], 'only the probe');

    createEvalFrame(container, 'dark', '');
    await settle();
    assert.ok(cacheReads.length > 0, 'the stored copies are read');
    assert.ok(requests.includes('HEAD https://site.example/pyodide/pyodide.asm.wasm'), requests.join('\n'));
    assert.equal(requests.filter((request) => request.startsWith('GET')).length, 0, 'nothing downloaded before the frame asks');
  } finally {
    globalThis.fetch = siteFetch;
    delete globalThis.caches;
    delete globalThis.document;
    delete globalThis.window;
  }
});

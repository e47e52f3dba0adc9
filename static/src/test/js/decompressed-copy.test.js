// The decompressed copy of Pyodide's memory snapshot kept beside the stored file (page/decompressed-copy.js):
// made in a worker the page terminates once it has answered, only where a copy of the file's version is missing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { answerCopyAsks, ASK, keepDecompressedCopy, storeDecompressedCopy } from '../../main/js/page/decompressed-copy.js';

const SNAPSHOT_URL = 'https://site.example/jodide/pyodide/python-snapshot.gz';
const COPY_URL = 'https://site.example/jodide/pyodide/python-snapshot';
const MEMORY = new Uint8Array(100_000).map((_, i) => (i * 7919) % 251);

/**
 * A cache of answers by URL, as Cache Storage keeps them (put, match, delete): `held` maps each URL to
 * a function giving a new Response of what was stored, as each match does.
 */
function responseCache(entries = {}) {
  const stored = (bytes, headers) => () => new Response(bytes, { headers });
  const held = new Map(Object.entries(entries).map(([url, [body, headers]]) => [url, stored(body, headers)]));
  const key = (request) => (typeof request === 'string' ? request : request.url);
  return {
    held,
    match: async (request) => (held.has(key(String(request))) ? held.get(key(String(request)))() : undefined),
    put: async (request, response) => { held.set(key(request), stored(await response.arrayBuffer(), response.headers)); },
    delete: async (request) => held.delete(key(request)),
  };
}

/** Cache Storage of one cache of the site, `jodide-b1`. */
const storageOf = (cache) => ({ keys: async () => ['jodide-b1'], open: async () => cache });

const VALIDATORS = { ETag: '"v1"', 'Last-Modified': 'Sun, 06 Dec 2026 10:00:00 GMT' };

test('the copy holds the file decompressed, with the file\'s version, beside the file as it was stored', async () => {
  const cache = responseCache({ [SNAPSHOT_URL]: [gzipSync(MEMORY), { ...VALIDATORS, 'Content-Type': 'application/gzip' }] });
  assert.equal(await storeDecompressedCopy(cache, SNAPSHOT_URL), true);
  const copy = cache.held.get(COPY_URL)();
  assert.deepEqual(new Uint8Array(await copy.arrayBuffer()), MEMORY);
  assert.equal(copy.headers.get('ETag'), '"v1"');
  assert.equal(copy.headers.get('Last-Modified'), VALIDATORS['Last-Modified']);
  assert.equal(copy.headers.get('Content-Type'), 'application/octet-stream');
  assert.deepEqual(new Uint8Array(await cache.held.get(SNAPSHOT_URL)().arrayBuffer()), new Uint8Array(gzipSync(MEMORY)));
});

test('a file the host sent decoded gives no copy, and an older version\'s copy goes; so do a file not stored and another file', async () => {
  const cache = responseCache({ [SNAPSHOT_URL]: [MEMORY, { ETag: '"v1"' }], [COPY_URL]: ['older', { ETag: '"v0"' }] });
  assert.equal(await storeDecompressedCopy(cache, SNAPSHOT_URL), false);
  assert.deepEqual([...cache.held.keys()], [SNAPSHOT_URL]);
  assert.equal(await storeDecompressedCopy(responseCache(), SNAPSHOT_URL), false);
  const wasm = 'https://site.example/jodide/pyodide/pyodide.asm.wasm';
  const other = responseCache({ [wasm]: ['wasm', {}] });
  assert.equal(await storeDecompressedCopy(other, wasm), false);
  assert.equal(other.held.size, 1);
});

/** A worker as the page sees it, running answerCopyAsks in this thread; records its life. */
function inThreadWorker(caches, life) {
  const worker = { postMessage: null, onmessage: null, onerror: null, terminate: () => life.push('terminated') };
  const scope = { caches, postMessage: (data) => { life.push(`answered ${data}`); worker.onmessage({ data }); } };
  answerCopyAsks(scope);
  worker.postMessage = (data) => { life.push('asked'); scope.onmessage({ data }); };
  return worker;
}

test('the page has the copy made in a worker, which it terminates once answered, only where the file\'s version has none', async () => {
  const cache = responseCache({ [SNAPSHOT_URL]: [gzipSync(MEMORY), VALIDATORS] });
  const caches = storageOf(cache);
  const life = [];
  const makeWorker = () => { life.push('started'); return inThreadWorker(caches, life); };
  assert.equal(await keepDecompressedCopy(SNAPSHOT_URL, { caches, makeWorker }), true);
  assert.deepEqual(life, ['started', 'asked', 'answered true', 'terminated']);
  assert.deepEqual(new Uint8Array(await cache.held.get(COPY_URL)().arrayBuffer()), MEMORY);

  life.length = 0;
  assert.equal(await keepDecompressedCopy(SNAPSHOT_URL, { caches, makeWorker }), false, 'a copy of this version is there');
  assert.deepEqual(life, [], 'no worker for nothing');

  cache.held.set(SNAPSHOT_URL, () => new Response(gzipSync(MEMORY), { headers: { ETag: '"v2"' } }));
  assert.equal(await keepDecompressedCopy(SNAPSHOT_URL, { caches, makeWorker }), true, 'a new version gets its copy');
  assert.equal(cache.held.get(COPY_URL)().headers.get('ETag'), '"v2"');

  life.length = 0;
  assert.equal(await keepDecompressedCopy(SNAPSHOT_URL, { caches: storageOf(responseCache()), makeWorker }), false, 'no file stored');
  assert.equal(await keepDecompressedCopy('https://site.example/jodide/pyodide/pyodide.asm.wasm', { caches, makeWorker }), false);
  assert.equal(await keepDecompressedCopy(SNAPSHOT_URL, { caches: storageOf(responseCache({ [SNAPSHOT_URL]: [gzipSync(MEMORY), VALIDATORS] })) }), false,
    'no workers here');
  assert.deepEqual(life, []);
});

test('a worker that fails, never answers, or cannot start is terminated and no copy is said to be made', async () => {
  const caches = storageOf(responseCache({ [SNAPSHOT_URL]: [gzipSync(MEMORY), VALIDATORS] }));
  const life = [];
  const failing = () => ({
    terminate: () => life.push('terminated'),
    postMessage() { life.push('asked'); setTimeout(() => this.onerror({ preventDefault: () => life.push('kept from the console') })); },
  });
  assert.equal(await keepDecompressedCopy(SNAPSHOT_URL, { caches, makeWorker: failing }), false);
  assert.deepEqual(life, ['asked', 'kept from the console', 'terminated']);

  life.length = 0;
  const silent = () => ({ terminate: () => life.push('terminated'), postMessage: () => life.push('asked') });
  assert.equal(await keepDecompressedCopy(SNAPSHOT_URL, { caches, makeWorker: silent, deadlineMs: 20 }), false);
  assert.deepEqual(life, ['asked', 'terminated']);

  const refused = () => { throw new DOMException('no workers', 'SecurityError'); };
  assert.equal(await keepDecompressedCopy(SNAPSHOT_URL, { caches, makeWorker: refused }), false);
  assert.equal(typeof ASK, 'string');
});

// The editor page's reads of Pyodide's big files (page/stored-site-files.js): the service worker's
// stored copy while the host serves that version, the network otherwise.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { currentSiteFile, currentStoredCopy, preferDecompressed, storedCopy } from '../../main/js/page/stored-site-files.js';

const URL_OF_WASM = 'https://site.example/pyodide/pyodide.asm.wasm';

/** Cache Storage holding the caches {name: {url: response}}, in that order of creation. */
function cacheStorage(caches) {
  return {
    keys: async () => Object.keys(caches),
    open: async (name) => ({ match: async (url) => caches[name][String(url)] }),
  };
}

const copy = (etag) => new Response('stored bytes', { headers: { ETag: etag } });

/** A fetch that answers a HEAD with `head` (a Response, or an Error to throw) and a GET with the network's body; records its calls. */
function host(head) {
  const calls = [];
  const fetch = async (url, init = {}) => {
    calls.push(`${init.method || 'GET'} ${url}${init.cache ? ` ${init.cache}` : ''}`);
    if (init.method === 'HEAD') {
      if (head instanceof Error) throw head;
      return head;
    }
    return new Response('network bytes', { headers: { ETag: '"v2"' } });
  };
  return { calls, fetch };
}

test('with the host serving the stored version, the stored copy answers after a HEAD past every cache', async () => {
  const stored = copy('"v1"');
  const { calls, fetch } = host(new Response(null, { headers: { ETag: '"v1"' } }));
  const caches = cacheStorage({ 'jodide-b1': { [URL_OF_WASM]: stored } });
  const downloads = [];
  assert.equal(await currentSiteFile(URL_OF_WASM, { caches, fetch, downloaded: (response) => downloads.push(response) }), stored);
  assert.deepEqual(calls, [`HEAD ${URL_OF_WASM} no-store`]);
  assert.deepEqual(downloads, [], 'a stored copy is no download');
});

test('a new version on the host, or a HEAD it refuses, is fetched; so is a file never stored', async () => {
  for (const head of [new Response(null, { headers: { ETag: '"v2"' } }), new Response(null, { status: 405 }),
    new Response(null, { headers: {} })]) {
    const { calls, fetch } = host(head);
    const caches = cacheStorage({ 'jodide-b1': { [URL_OF_WASM]: copy('"v1"') } });
    assert.equal(await (await currentSiteFile(URL_OF_WASM, { caches, fetch })).text(), 'network bytes');
    assert.deepEqual(calls, [`HEAD ${URL_OF_WASM} no-store`, `GET ${URL_OF_WASM}`]);
  }
  const { calls, fetch } = host(new Error('no HEAD without a copy'));
  const downloads = [];
  const answer = await currentSiteFile(URL_OF_WASM, { caches: cacheStorage({ 'jodide-b1': {} }), fetch, downloaded: (response) => downloads.push(response) });
  assert.deepEqual(downloads, [answer], 'the network\'s answer is told as a download');
  assert.equal(await answer.text(), 'network bytes');
  assert.deepEqual(calls, [`GET ${URL_OF_WASM}`]);
});

test('offline (the HEAD fails), the stored copy answers, as the service worker would', async () => {
  const stored = copy('"v1"');
  const { fetch } = host(new TypeError('Failed to fetch'));
  assert.equal(await currentSiteFile(URL_OF_WASM, { caches: cacheStorage({ 'jodide-b1': { [URL_OF_WASM]: stored } }), fetch }), stored);
});

test('the newest of the site\'s own caches is searched first; other caches, and no Cache Storage at all, do not count', async () => {
  const older = copy('"old"');
  const newer = copy('"new"');
  assert.equal(await storedCopy(URL_OF_WASM, cacheStorage({ 'jodide-b1': { [URL_OF_WASM]: older }, 'jodide-b2': { [URL_OF_WASM]: newer } })), newer);
  assert.equal(await storedCopy(URL_OF_WASM, cacheStorage({ 'jodide-b1': { [URL_OF_WASM]: older }, 'jodide-b2': {} })), older);
  assert.equal(await storedCopy(URL_OF_WASM, cacheStorage({ 'someone-else': { [URL_OF_WASM]: older } })), undefined);
  assert.equal(await storedCopy(URL_OF_WASM, undefined), undefined);
  const refusing = { keys: async () => { throw new DOMException('denied', 'SecurityError'); } };
  assert.equal(await storedCopy(URL_OF_WASM, refusing), undefined);
});

test('the current stored copy is known without downloading anything: a new version or no copy is undefined', async () => {
  const stored = copy('"v1"');
  const current = host(new Response(null, { headers: { ETag: '"v1"' } }));
  assert.equal(await currentStoredCopy(URL_OF_WASM, { caches: cacheStorage({ 'jodide-b1': { [URL_OF_WASM]: stored } }), fetch: current.fetch }), stored);
  const changed = host(new Response(null, { headers: { ETag: '"v2"' } }));
  assert.equal(await currentStoredCopy(URL_OF_WASM, { caches: cacheStorage({ 'jodide-b1': { [URL_OF_WASM]: copy('"v1"') } }), fetch: changed.fetch }), undefined);
  assert.deepEqual(changed.calls, [`HEAD ${URL_OF_WASM} no-store`]);
  const none = host(new Error('no HEAD without a copy'));
  assert.equal(await currentStoredCopy(URL_OF_WASM, { caches: cacheStorage({ 'jodide-b1': {} }), fetch: none.fetch }), undefined);
  assert.deepEqual(none.calls, []);
});

const URL_OF_SNAPSHOT = 'https://site.example/pyodide/python-snapshot.gz';
const URL_OF_MEMORY = 'https://site.example/pyodide/python-snapshot';

test('of the snapshot, the decompressed copy the worker keeps is given when it is of the version the host serves', async () => {
  const gzip = copy('"v1"');
  const memory = copy('"v1"');
  const current = host(new Response(null, { headers: { ETag: '"v1"' } }));
  const caches = cacheStorage({ 'jodide-b1': { [URL_OF_SNAPSHOT]: gzip, [URL_OF_MEMORY]: memory } });
  assert.equal(await currentStoredCopy(URL_OF_SNAPSHOT, { caches, fetch: current.fetch }), memory);
  assert.equal(await currentSiteFile(URL_OF_SNAPSHOT, { caches, fetch: current.fetch }), memory);
  assert.deepEqual(current.calls, [`HEAD ${URL_OF_SNAPSHOT} no-store`, `HEAD ${URL_OF_SNAPSHOT} no-store`], 'the copy itself is never asked of the host');
  const offline = host(new TypeError('Failed to fetch'));
  assert.equal(await currentStoredCopy(URL_OF_SNAPSHOT, { caches, fetch: offline.fetch }), memory, 'offline too');
});

test('a decompressed copy of another version than its file\'s, or none, gives the file itself', async () => {
  const gzip = copy('"v2"');
  const current = host(new Response(null, { headers: { ETag: '"v2"' } }));
  const stale = cacheStorage({ 'jodide-b1': { [URL_OF_SNAPSHOT]: gzip, [URL_OF_MEMORY]: copy('"v1"') } });
  assert.equal(await currentStoredCopy(URL_OF_SNAPSHOT, { caches: stale, fetch: current.fetch }), gzip);
  const none = cacheStorage({ 'jodide-b1': { [URL_OF_SNAPSHOT]: gzip } });
  assert.equal(await currentStoredCopy(URL_OF_SNAPSHOT, { caches: none, fetch: current.fetch }), gzip);
  assert.equal(await preferDecompressed(URL_OF_SNAPSHOT, undefined, none), undefined);
  const wasm = copy('"v1"');
  assert.equal(await preferDecompressed(URL_OF_WASM, wasm, none), wasm, 'other files have none');
});

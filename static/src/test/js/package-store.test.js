// The package files the page keeps for when the index cannot be reached (page/package-store.js), and
// answerPackageFetches using them (page/package-files.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PACKAGE_CACHE, packageStore } from '../../main/js/page/package-store.js';
import { answerPackageFetches } from '../../main/js/page/package-files.js';
import { isOwnCache } from '../../main/js/sw/offline-cache.js';

const INDEX = 'https://packages.example/pyodide/v1/';
const WHEEL = `${INDEX}greeting-1.0-py3-none-any.whl`;

/** Cache Storage in memory: {name: Map(url → Response)}, counting puts. */
function memoryCaches() {
  const caches = new Map();
  const puts = [];
  return {
    puts,
    named: (name) => caches.get(name),
    open: async (name) => {
      if (!caches.has(name)) caches.set(name, new Map());
      const cache = caches.get(name);
      return {
        match: async (url) => (cache.has(url) ? cache.get(url).clone() : undefined),
        put: async (url, response) => { puts.push(url); cache.set(url, response); },
      };
    },
  };
}

test('the packages are kept in a cache of their own, which no new build of the site deletes', () => {
  assert.equal(isOwnCache(PACKAGE_CACHE), false, "the service worker deletes its other caches: isOwnCache's");
});

test('a file is kept once per version, and its copy comes back as a Blob', async () => {
  const caches = memoryCaches();
  const store = packageStore(caches);
  const answer = (etag) => new Response('wheel', { headers: { ETag: etag, 'Content-Type': 'application/zip' } });
  await store.keep(WHEEL, answer('"v1"'), new Blob(['wheel']));
  await store.keep(WHEEL, answer('"v1"'), new Blob(['wheel']));
  assert.deepEqual(caches.puts, [WHEEL], 'the same version is not written again');
  await store.keep(WHEEL, answer('"v2"'), new Blob(['wheel 2']));
  assert.equal(caches.puts.length, 2, 'a new version replaces it');
  const copy = await store.copy(WHEEL);
  assert.equal(await copy.text(), 'wheel 2');
  assert.equal(await store.copy(`${INDEX}missing.whl`), null);

  const noValidators = new Response('lock');
  await store.keep(`${INDEX}pyodide-lock.json`, noValidators, new Blob(['lock']));
  await store.keep(`${INDEX}pyodide-lock.json`, noValidators, new Blob(['lock']));
  assert.equal(caches.puts.length, 3, 'without validators, the same size counts as the same version');
  await store.keep(`${INDEX}pyodide-lock.json`, noValidators, new Blob(['lock, longer']));
  assert.equal(caches.puts.length, 4);
});

test('without Cache Storage, or when it refuses, nothing is kept and there is no copy', async () => {
  const none = packageStore(undefined);
  assert.equal(await none.keep(WHEEL, new Response('x'), new Blob(['x'])), undefined);
  assert.equal(await none.copy(WHEEL), null);
  const refusing = packageStore({ open: () => Promise.reject(new Error('QuotaExceededError')) });
  assert.equal(await refusing.keep(WHEEL, new Response('x'), new Blob(['x'])), undefined);
  assert.equal(await refusing.copy(WHEEL), null);
});

/** Asks `port` (the frame's side) for `url`; the page's answer. */
function ask(port, url) {
  const reply = new MessageChannel();
  const answer = new Promise((resolve) => { reply.port1.onmessage = (event) => { reply.port1.close(); resolve(event.data); }; });
  port.postMessage({ url, integrity: '' }, [reply.port2]);
  return answer;
}

test('the page keeps what it fetched and gives the copy when the index cannot be reached, not when it answers an error', async () => {
  const store = packageStore(memoryCaches());
  let network = (url) => Promise.resolve(new Response(`bytes of ${url}`, { headers: { 'Last-Modified': 'Fri, 04 Dec 2026 10:00:00 GMT' } }));
  const channel = new MessageChannel();
  answerPackageFetches(channel.port1, INDEX, 'https://site.example', (url) => network(url), store);
  const online = await ask(channel.port2, WHEEL);
  assert.equal(await online.blob.text(), `bytes of ${WHEEL}`);
  await new Promise((resolve) => setTimeout(resolve, 10));

  network = () => Promise.reject(new TypeError('Failed to fetch'));
  const offline = await ask(channel.port2, WHEEL);
  assert.equal(await offline.blob.text(), `bytes of ${WHEEL}`, 'the kept copy');
  assert.deepEqual(await ask(channel.port2, `${INDEX}never-fetched.whl`), { failed: 'Failed to fetch' });

  network = () => Promise.resolve(new Response('gone', { status: 404 }));
  assert.deepEqual(await ask(channel.port2, WHEEL), { failed: 'HTTP 404' }, 'the index is heard when it answers');
  channel.port1.close();
  channel.port2.close();
});

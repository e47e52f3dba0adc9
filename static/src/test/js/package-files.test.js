// The package index's files fetched for the report frame by the editor page (page/package-files.js)
// and asked for where Python runs (frame/package-fetches.js), over real MessageChannels. The
// browser path (a revisit loads a package without downloading it again) is PackageIndexIT's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  answerPackageFetches, OFFICIAL_PACKAGE_INDEX, PACKAGE_INDEX, PYODIDE_VERSION, packageFileUrl, packageIndexOf,
} from '../../main/js/page/package-files.js';
import {
  fetchPackagesThroughPage, handPackageFetchesToWorker, offerOfPackageFetches, PACKAGE_FETCHES,
} from '../../main/js/frame/package-fetches.js';
import { PROMISE } from '../../main/js/frame/handed-pyodide-files.js';

const SITE = 'https://notebooks.example';
const INDEX = 'https://packages.example/pyodide/v1/';
const WHEEL = `${INDEX}numpy-2.0-cp313-wasm32.whl`;

test("the official index is the one of the Pyodide static/package-lock.json installs", () => {
  const lock = JSON.parse(readFileSync(new URL('../../../package-lock.json', import.meta.url)));
  assert.equal(PYODIDE_VERSION, lock.packages['node_modules/pyodide'].version);
  assert.equal(OFFICIAL_PACKAGE_INDEX, `https://cdn.jsdelivr.net/pyodide/v${PYODIDE_VERSION}/full/`);
});

test("the index is the page's packageIndex, absolute and ending with a slash, else the official one", () => {
  assert.equal(packageIndexOf('', `${SITE}/jodide/`), OFFICIAL_PACKAGE_INDEX);
  assert.equal(packageIndexOf('?packageIndex=https%3A%2F%2Fpackages.example%2Fpyodide%2Fv1', `${SITE}/`), INDEX);
  assert.equal(packageIndexOf('?packageIndex=wheels', `${SITE}/jodide/`), `${SITE}/jodide/wheels/`);
});

test('only a file under the index, of another origin than the site, with no user in its URL, is fetched', () => {
  assert.equal(packageFileUrl({ url: WHEEL }, INDEX, SITE), WHEEL);
  assert.equal(packageFileUrl({ url: `${INDEX}pyodide-lock.json` }, INDEX, SITE), `${INDEX}pyodide-lock.json`);
  for (const url of [`${INDEX}../../secret.json`, 'https://packages.example/other/x.whl', `${SITE}/x.whl`,
    'https://user:pw@packages.example/pyodide/v1/x.whl', 'file:///etc/passwd', 'not a url']) {
    assert.equal(packageFileUrl({ url }, INDEX, SITE), null, url);
  }
  assert.equal(packageFileUrl({ url: `${SITE}/wheels/x.whl` }, `${SITE}/wheels/`, SITE), null, "the site's own files: the frame fetches those");
  assert.equal(packageFileUrl({}, INDEX, SITE), null);
  assert.equal(packageFileUrl(null, INDEX, SITE), null);
});

/** The page's side on one end of a channel; `fetched` lists what its fetch was asked. */
function pageAnswering(respond) {
  const fetched = [];
  const channel = new MessageChannel();
  answerPackageFetches(channel.port1, INDEX, SITE, (url, init) => {
    fetched.push({ url, init });
    return respond(url);
  });
  return { port: channel.port2, fetched, close: () => { channel.port1.close(); channel.port2.close(); } };
}

/** A scope (a worker's or the frame's) whose own fetch answers 'from the network'. */
function scopeWithOwnFetch() {
  const own = [];
  return {
    own,
    location: { href: `${SITE}/evalframe.html` },
    fetch: (input, init) => {
      own.push({ input: String(input), init });
      return Promise.resolve(new Response('from the network'));
    },
  };
}

test("a package file comes from the page's fetch, without credentials, with Pyodide's integrity", async () => {
  const page = pageAnswering(() => Promise.resolve(new Response(new Blob(['wheel bytes']))));
  const scope = scopeWithOwnFetch();
  const offer = Promise.resolve({ port: page.port, index: INDEX });
  fetchPackagesThroughPage(scope, offer);
  await offer;
  const response = await scope.fetch(new URL(WHEEL), { integrity: 'sha256-abc' });
  assert.equal(await response.text(), 'wheel bytes');
  assert.equal(response.headers.get('Content-Length'), '11');
  assert.deepEqual(page.fetched, [{ url: WHEEL, init: { credentials: 'omit', mode: 'cors', integrity: 'sha256-abc' } }]);
  assert.deepEqual(scope.own, []);
  page.close();
});

test("anything else goes to the scope's own fetch, and so does a file the page could not give", async () => {
  const page = pageAnswering((url) => (url.endsWith('missing.whl') ? Promise.resolve(new Response('', { status: 404 }))
    : Promise.reject(new TypeError('Failed to fetch'))));
  const scope = scopeWithOwnFetch();
  const offer = Promise.resolve({ port: page.port, index: INDEX });
  fetchPackagesThroughPage(scope, offer);
  await offer;
  await scope.fetch('https://api.example/data.json');
  await scope.fetch(WHEEL, { method: 'POST', body: 'x' });
  assert.equal(page.fetched.length, 0, 'neither went to the page');
  assert.equal(await (await scope.fetch(`${INDEX}missing.whl`)).text(), 'from the network');
  assert.equal(await (await scope.fetch(`${INDEX}offline.whl`, { integrity: 'sha256-x' })).text(), 'from the network');
  assert.deepEqual(scope.own.map((f) => f.input), ['https://api.example/data.json', WHEEL, `${INDEX}missing.whl`, `${INDEX}offline.whl`]);
  assert.deepEqual(scope.own[3].init, { integrity: 'sha256-x' }, 'asked again as Pyodide asked it');
  page.close();
});

test('a file the page must not fetch is refused without a fetch; before an offer, and without one, the scope fetches', async () => {
  const page = pageAnswering(() => assert.fail('not fetched'));
  const reply = new MessageChannel();
  const answer = new Promise((resolve) => { reply.port1.onmessage = (event) => resolve(event.data); });
  page.port.postMessage({ url: `${SITE}/private.json` }, [reply.port2]);
  assert.match((await answer).failed, /not a file of the package index/);
  reply.port1.close();
  page.close();

  const scope = scopeWithOwnFetch();
  let give;
  fetchPackagesThroughPage(scope, new Promise((resolve) => { give = resolve; }));
  await scope.fetch(WHEEL);
  give(null);
  await scope.fetch(WHEEL);
  assert.equal(scope.own.length, 2);
});

test("an offer given as it is (a handed frame's) counts from the first fetch, made at once", async () => {
  const page = pageAnswering(() => Promise.resolve(new Response(new Blob(['{"packages": {}}']))));
  const scope = scopeWithOwnFetch();
  fetchPackagesThroughPage(scope, { port: page.port, index: INDEX });
  const lock = await scope.fetch(`${INDEX}pyodide-lock.json`);
  assert.equal(await lock.text(), '{"packages": {}}');
  assert.deepEqual(scope.own, []);
  page.close();
});

test('an aborted fetch rejects with its reason while the page still waits, as fetch does', async () => {
  let answer;
  const page = pageAnswering(() => new Promise((resolve) => { answer = resolve; }));
  const scope = scopeWithOwnFetch();
  const offer = Promise.resolve({ port: page.port, index: INDEX });
  fetchPackagesThroughPage(scope, offer);
  await offer;
  const abort = new AbortController();
  const fetching = scope.fetch(`${INDEX}pyodide-lock.json`, { signal: abort.signal });
  while (page.fetched.length === 0) await new Promise((resolve) => setTimeout(resolve, 1));
  abort.abort(new Error('no answer within 3 s'));
  await assert.rejects(fetching, /no answer within 3 s/);
  await assert.rejects(scope.fetch(WHEEL, { signal: abort.signal }), /no answer within 3 s/, 'aborted before it asked');
  answer(new Response('late'));
  assert.deepEqual(scope.own, []);
  page.close();
});

test("a worker's asks reach the page through the frame, which hands it a port of its own", async () => {
  const page = pageAnswering(() => Promise.resolve(new Response(new Blob(['through the frame']))));
  const posted = [];
  const worker = { postMessage: (data, transfer) => posted.push({ data, transfer }) };
  handPackageFetchesToWorker(worker, Promise.resolve({ port: page.port, index: INDEX }));
  await new Promise((resolve) => setTimeout(resolve, 0));
  assert.deepEqual(posted[0].data, { [PACKAGE_FETCHES]: { index: INDEX } });
  const workerScope = scopeWithOwnFetch();
  const offer = Promise.resolve({ port: posted[0].transfer[0], index: INDEX });
  fetchPackagesThroughPage(workerScope, offer);
  await offer;
  assert.equal(await (await workerScope.fetch(WHEEL)).text(), 'through the frame');
  posted[0].transfer[0].close();
  page.close();

  const without = [];
  handPackageFetchesToWorker({ postMessage: (data) => without.push(data) }, Promise.resolve(null));
  await new Promise((resolve) => setTimeout(resolve, 0));
  assert.deepEqual(without, [{ [PACKAGE_FETCHES]: null }]);
});

/** A frame's window whose parent is `parent`; `send` hands an event to its message listeners. */
function frameWindow() {
  const parent = {};
  const listeners = new Set();
  const win = {
    parent,
    location: { origin: SITE },
    addEventListener: (type, fn) => listeners.add(fn),
    removeEventListener: (type, fn) => listeners.delete(fn),
  };
  return { parent, listeners, win, send: (event) => [...listeners].forEach((fn) => fn(event)) };
}

test("the frame takes the offer only from its parent, with the site's origin, with a port; else null once the files settle", async () => {
  const { parent, listeners, win, send } = frameWindow();
  const channel = new MessageChannel();
  let settle;
  const offer = offerOfPackageFetches(win, new Promise((resolve) => { settle = resolve; }));
  send({ source: {}, origin: SITE, data: { [PROMISE]: true, [PACKAGE_INDEX]: INDEX }, ports: [channel.port1] });
  send({ source: parent, origin: 'https://evil.example', data: { [PROMISE]: true, [PACKAGE_INDEX]: INDEX }, ports: [channel.port1] });
  send({ source: parent, origin: SITE, data: { [PROMISE]: true }, ports: [channel.port1] });
  send({ source: parent, origin: SITE, data: { [PROMISE]: true, [PACKAGE_INDEX]: INDEX }, ports: [channel.port1] });
  assert.deepEqual(await offer, { port: channel.port1, index: INDEX });
  assert.equal(listeners.size, 0);
  settle(null);
  channel.port1.close();

  const none = offerOfPackageFetches({ ...win, addEventListener: () => {}, removeEventListener: () => {} }, Promise.resolve(null));
  assert.equal(await none, null);
});

test('an embedded frame takes the offer of its parent whatever its origin (the embedding page is of another site)', async () => {
  const { parent, listeners, win, send } = frameWindow();
  const channel = new MessageChannel();
  const offer = offerOfPackageFetches(win, new Promise(() => {}), '*');
  send({ source: {}, origin: 'https://docs.example', data: { [PROMISE]: true, [PACKAGE_INDEX]: INDEX }, ports: [channel.port1] });
  assert.equal(listeners.size, 1, 'not from its parent: ignored');
  send({ source: parent, origin: 'https://docs.example', data: { [PROMISE]: true, [PACKAGE_INDEX]: INDEX }, ports: [channel.port1] });
  assert.deepEqual(await offer, { port: channel.port1, index: INDEX });
  channel.port1.close();
});

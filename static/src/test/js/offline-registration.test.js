// When the page registers its service worker (page/offline.js), without a browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { registerOfflineCache } from '../../main/js/page/offline.js';

/** A page with a service worker container that records registrations, loaded or not, and idle callbacks to run by hand. */
function page({ loaded = true } = {}) {
  const registered = [];
  const idle = [];
  const listeners = {};
  const scope = {
    navigator: { serviceWorker: { register: async (url) => { registered.push(url); return { scope: 'https://site.example/' }; } } },
    document: { readyState: loaded ? 'complete' : 'loading' },
    addEventListener: (type, listener) => { (listeners[type] ||= []).push(listener); },
    requestIdleCallback: (callback, options) => { idle.push({ callback, options }); },
    setTimeout,
  };
  const fire = (type) => (listeners[type] || []).forEach((listener) => listener());
  const runIdle = () => idle.splice(0).forEach(({ callback }) => callback());
  return { scope, registered, idle, fire, runIdle };
}

const turn = () => new Promise((resolve) => setTimeout(resolve, 0));

test('a loaded page registers sw.js at its next idle moment, not before', async () => {
  const { scope, registered, idle, runIdle } = page();
  const registration = registerOfflineCache(scope);
  await turn();
  assert.deepEqual(registered, [], 'nothing before the page is idle');
  assert.equal(idle.length, 1);
  assert.ok(idle[0].options.timeout > 0, 'a busy page registers anyway after a deadline');
  runIdle();
  assert.deepEqual(await registration, { scope: 'https://site.example/' });
  assert.deepEqual(registered, ['sw.js']);
});

test('a page still loading waits for its load event first', async () => {
  const { scope, registered, idle, fire, runIdle } = page({ loaded: false });
  registerOfflineCache(scope);
  await turn();
  assert.equal(idle.length, 0, 'no idle moment asked for before the load event');
  fire('load');
  await turn();
  runIdle();
  await turn();
  assert.deepEqual(registered, ['sw.js']);
});

test('a page registers once however often it is asked to (a kernel restarted, a second call)', async () => {
  const { scope, registered, runIdle } = page();
  const first = registerOfflineCache(scope);
  const second = registerOfflineCache(scope);
  await turn();
  runIdle();
  assert.equal(await first, await second);
  assert.deepEqual(registered, ['sw.js']);
});

test('a browser without service workers goes without, and a refused registration resolves to null', async () => {
  assert.equal(await registerOfflineCache({ navigator: {} }), null);
  const { scope, runIdle } = page();
  scope.navigator.serviceWorker.register = async () => { throw new Error('insecure context'); };
  const warn = console.warn;
  const warnings = [];
  console.warn = (text) => warnings.push(text);
  try {
    const registration = registerOfflineCache(scope);
    await turn();
    runIdle();
    assert.equal(await registration, null);
  } finally {
    console.warn = warn;
  }
  assert.match(warnings[0], /no offline copy of the app.*insecure context/);
});

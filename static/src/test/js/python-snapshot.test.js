// Starting Python from the site's memory snapshot (src/main/js/pyodide/snapshot.js), and the snapshot
// itself (python-snapshot.mjs) under real Pyodide in Node: a restored Python, once the kernel renewed
// what the snapshot's start recorded, looks like one that started in this browser.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { loadPyodide } from 'pyodide';
import { discard, emscriptenLanguage, fetchSnapshot, gunzip, isGzip, loadPython, prefetchSnapshot, renewProcessState } from '../../main/js/pyodide/snapshot.js';
import { installKernel, kernelDigest, SOURCES_DIGEST } from '../../main/js/pyodide/kernel-files.js';
import { KERNEL_SOURCES, readPythonTree } from '../../../python-tree.mjs';
import { makeSnapshot } from '../../../python-snapshot.mjs';

const URL_ = 'https://site/pyodide/python-snapshot.gz';

function scopeAnswering(answer) {
  const asked = [];
  return {
    asked,
    fetch: (url) => {
      asked.push(url);
      return typeof answer === 'function' ? answer() : Promise.resolve(answer);
    },
  };
}

test('a gzip snapshot is given back uncompressed', async () => {
  const raw = new Uint8Array([1, 2, 3, 250, 0, 7]);
  const scope = scopeAnswering(new Response(gzipSync(raw)));
  const { bytes, problem } = await fetchSnapshot(URL_, scope);
  assert.deepEqual([...bytes], [...raw]);
  assert.equal(problem, null);
  assert.deepEqual(scope.asked, [URL_]);
});

test('a snapshot the host sent decoded already (Content-Encoding: gzip) is taken as it came', async () => {
  const raw = new Uint8Array([9, 8, 7]);
  const { bytes } = await fetchSnapshot(URL_, scopeAnswering(new Response(raw)));
  assert.deepEqual([...bytes], [...raw]);
  assert.equal(isGzip(gzipSync(raw)), true);
  assert.equal(isGzip(raw), false);
});

test('no snapshot, never a rejection: HTTP errors, network errors and broken gzip say why', async () => {
  const missing = await fetchSnapshot(URL_, scopeAnswering(new Response('', { status: 404 })));
  assert.deepEqual(missing, { bytes: null, problem: `HTTP 404 for ${URL_}` });
  const offline = await fetchSnapshot(URL_, scopeAnswering(() => Promise.reject(new TypeError('Failed to fetch'))));
  assert.deepEqual(offline, { bytes: null, problem: `${URL_}: Failed to fetch` });
  const broken = await fetchSnapshot(URL_, scopeAnswering(new Response(new Uint8Array([0x1f, 0x8b, 8, 0, 1, 2, 3]))));
  assert.equal(broken.bytes, null);
  assert.match(broken.problem, /python-snapshot\.gz: /);
});

test('Pyodide starts from the snapshot when there is one, else as before', async () => {
  const calls = [];
  const load = (config) => {
    calls.push(config);
    return Promise.resolve({ name: 'pyodide' });
  };
  const bytes = new Uint8Array([1]);
  assert.deepEqual(await loadPython(load, { indexURL: 'pyodide/' }, Promise.resolve({ bytes, problem: null })),
    { pyodide: { name: 'pyodide' }, restored: true });
  assert.equal(calls[0]._loadSnapshot, bytes);
  assert.equal(calls[0].indexURL, 'pyodide/');
  assert.deepEqual(await loadPython(load, { indexURL: 'pyodide/' }, Promise.resolve({ bytes: null, problem: 'HTTP 404' })),
    { pyodide: { name: 'pyodide' }, restored: false });
  assert.deepEqual(calls[1], { indexURL: 'pyodide/' });
});

test('a snapshot Pyodide refuses is reported on the console and Python starts without it', async () => {
  const calls = [];
  const warnings = [];
  const load = (config) => {
    calls.push(config);
    return config._loadSnapshot ? Promise.reject(new Error('Snapshot build id mismatch')) : Promise.resolve('plain');
  };
  const loaded = await loadPython(load, {}, Promise.resolve({ bytes: new Uint8Array([1]), problem: null }),
    { warn: (text) => warnings.push(text) });
  assert.deepEqual(loaded, { pyodide: 'plain', restored: false });
  assert.equal(calls.length, 2);
  assert.deepEqual(warnings, ['Jodide: Python starts without its snapshot, which Pyodide refused: Snapshot build id mismatch']);
});

test("$LANG is written as Emscripten writes it from the browser's language", () => {
  assert.equal(emscriptenLanguage({ navigator: { language: 'de-CH' } }), 'de_CH.UTF-8');
  assert.equal(emscriptenLanguage({ navigator: { language: 'en' } }), 'en.UTF-8');
  assert.equal(emscriptenLanguage({}), 'C.UTF-8');
});

let gzipped;

before(async () => {
  // Made in one time zone, restored in another (Node reads TZ again when it changes).
  process.env.TZ = 'UTC';
  gzipped = gzipSync(await makeSnapshot());
  process.env.TZ = 'America/New_York';
}, { timeout: 120000 });

/** A Pyodide restored from the built snapshot with the kernel installed and renewed, as the frame does it. */
async function restoredPython() {
  const { pyodide, restored } = await loadPython(loadPyodide, {},
    fetchSnapshot(URL_, scopeAnswering(() => Promise.resolve(new Response(gzipped)))));
  assert.equal(restored, true);
  const kernel = installKernel(pyodide, readPythonTree(KERNEL_SOURCES));
  try {
    renewProcessState(pyodide, kernel, { navigator: { language: 'fr-CA' } });
  } finally {
    kernel.destroy();
  }
  return pyodide;
}

test('Python restored from the built snapshot looks like a fresh start in a browser', { timeout: 120000 }, async () => {
  const first = await restoredPython();
  const second = await restoredPython();
  const look = (pyodide) => JSON.parse(pyodide.runPython(`import json, os, random, sys
json.dumps({"lang": os.environ["LANG"], "program": os.environ["_"], "executable": sys.executable,
            "path": sys.path, "random": random.random(), "two": 1 + 1})`));
  const [a, b] = [look(first), look(second)];
  assert.equal(a.lang, 'fr_CA.UTF-8');
  assert.equal(a.program, './this.program', 'named as Emscripten names the program in a browser');
  assert.equal(a.executable, '/home/pyodide/this.program');
  assert.equal(new Set(a.path).size, a.path.length, `no folder twice on sys.path: ${a.path}`);
  assert.equal(a.path.filter((folder) => folder === '').length, 1);
  assert.equal(a.two, 2);
  assert.notEqual(a.random, b.random, 'each start draws its own random numbers');
});

test('the snapshot holds the standard-library modules the kernel imports, and __main__ holds nothing more', { timeout: 120000 }, async () => {
  const { pyodide } = await loadPython(loadPyodide, {}, fetchSnapshot(URL_, scopeAnswering(() => Promise.resolve(new Response(gzipped)))));
  const state = (python) => JSON.parse(python.runPython(`import json as _json, sys as _sys
_state = _json.dumps({"modules": sorted(_sys.modules), "main": sorted(n for n in globals() if not n.startswith("_"))})
del _json, _sys
_state`));
  const restored = state(pyodide);
  for (const name of ['inspect', 'ast', 'reprlib', 'rlcompleter', 'traceback', 'textwrap', 'getpass']) {
    assert.ok(restored.modules.includes(name), `${name} is imported in the snapshot`);
  }
  assert.ok(restored.modules.includes('jodide_kernel.execution'), 'the kernel is imported in the snapshot');
  assert.equal(restored.modules.includes('IPython'), false, 'its IPython stand-in is installed at each start');
  assert.deepEqual(restored.main, state(await loadPyodide()).main);
});

/**
 * Marks every kernel module now in `pyodide`'s sys.modules, so that a later look tells those module
 * objects from ones imported since (their ids cannot: a new module may take a freed one's address).
 */
function markKernelModules(pyodide) {
  pyodide.runPython(`import sys as _sys
for _name, _module in list(_sys.modules.items()):
    if _name.split(".")[0] == "jodide_kernel":
        _module._test_seen_before = True
del _sys, _name, _module`);
}

/** The kernel's modules in `pyodide`, by name: true for a module markKernelModules marked. */
function kernelModulesMarked(pyodide) {
  return JSON.parse(pyodide.runPython(`import json as _json, sys as _sys
_marked = _json.dumps({name: getattr(module, "_test_seen_before", False)
                       for name, module in _sys.modules.items() if name.split(".")[0] == "jodide_kernel"})
del _json, _sys
_marked`));
}

test("a start from the snapshot uses the kernel it holds when the site's kernel files are the same", { timeout: 120000 }, async () => {
  const { pyodide } = await loadPython(loadPyodide, {}, fetchSnapshot(URL_, scopeAnswering(() => Promise.resolve(new Response(gzipped)))));
  markKernelModules(pyodide);
  const before = kernelModulesMarked(pyodide);
  const files = readPythonTree(KERNEL_SOURCES);
  const kernel = installKernel(pyodide, files);
  assert.equal(kernel[SOURCES_DIGEST], kernelDigest(files));
  kernel.destroy();
  assert.ok(Object.keys(before).length > 1 && Object.values(before).every(Boolean), JSON.stringify(before));
  assert.deepEqual(kernelModulesMarked(pyodide), before, 'not imported again');
  assert.equal(pyodide.runPython('import sys; sys.path.count("/jodide")'), 1);
  assert.equal(pyodide.FS.readFile('/jodide/jodide_kernel/execution.py', { encoding: 'utf8' }), files['jodide_kernel/execution.py'],
    'its files are there for tracebacks and inspect');
});

test('a start from the snapshot imports the kernel anew from files that differ from those the snapshot holds', { timeout: 120000 }, async () => {
  const { pyodide } = await loadPython(loadPyodide, {}, fetchSnapshot(URL_, scopeAnswering(() => Promise.resolve(new Response(gzipped)))));
  markKernelModules(pyodide);
  const files = readPythonTree(KERNEL_SOURCES);
  files['jodide_kernel/execution.py'] += '\nNEWER_KERNEL = True\n';
  installKernel(pyodide, files).destroy();
  assert.equal(pyodide.runPython('import jodide_kernel.execution; jodide_kernel.execution.NEWER_KERNEL'), true);
  const after = kernelModulesMarked(pyodide);
  assert.equal(after['jodide_kernel.execution'], false);
  assert.equal(after.jodide_kernel, false, 'the whole package, so that no module mixes the two');
  assert.notEqual(kernelDigest(files), kernelDigest(readPythonTree(KERNEL_SOURCES)));
});

test("a restored Python keeps the browser's time zone, not the one the snapshot was made in", { timeout: 120000 }, async () => {
  const zone = (pyodide) => pyodide.runPython(`import time, datetime
july = time.localtime(1751371200)
str((time.timezone, time.altzone, time.daylight, time.tzname, july.tm_hour, july.tm_zone, july.tm_gmtoff,
     datetime.datetime.fromtimestamp(1751371200).astimezone().tzname()))`);
  const plain = zone(await loadPyodide());
  assert.match(plain, /^\(18000, 14400, 1, /, 'New York, as a fresh start sees it');
  assert.equal(zone(await restoredPython()), plain);
});

test('a snapshot fetched ahead is taken by the next fetch of its URL, once', async () => {
  const scope = scopeAnswering(() => Promise.resolve(new Response(gzipSync(new Uint8Array([5])))));
  prefetchSnapshot(URL_, scope);
  assert.deepEqual(scope.asked, [URL_], 'begun at once');
  assert.deepEqual([...(await fetchSnapshot(URL_, scope)).bytes], [5]);
  assert.deepEqual(scope.asked, [URL_], 'taken, not fetched again');
  await fetchSnapshot(URL_, scope);
  assert.deepEqual(scope.asked, [URL_, URL_], 'a later start fetches anew (nothing is kept)');
});

test('gunzip gives back exactly the bytes, and refuses a trailer that lies about their size', async () => {
  const raw = new Uint8Array(300000).map((_, i) => (i * 7919) % 251);
  assert.deepEqual(await gunzip(gzipSync(raw)), raw);
  const lying = gzipSync(raw);
  lying.set([1, 0, 0, 0], lying.length - 4);   // a trailer that says 1 byte
  assert.equal(await gunzip(lying).catch(() => 'refused'), 'refused');
  assert.deepEqual(await gunzip(gzipSync(new Uint8Array(0))), new Uint8Array(0));
});

test("the snapshot's buffer is freed once Pyodide has taken it, whether it took it or not", async () => {
  for (const outcome of ['restored', 'refused']) {
    const bytes = new Uint8Array(1024);
    const load = (config) => (config._loadSnapshot && outcome === 'refused' ? Promise.reject(new Error('no')) : Promise.resolve('py'));
    await loadPython(load, {}, Promise.resolve({ bytes, problem: null }), { warn() {} });
    assert.equal(bytes.buffer.byteLength, 0, `${outcome}: detached`);
    assert.equal(bytes.length, 0);
  }
});

test('discard detaches a buffer at once, and leaves a detached one be', () => {
  const buffer = new ArrayBuffer(4096);
  const view = new Uint8Array(buffer);
  discard(buffer);
  assert.equal(buffer.byteLength, 0);
  assert.equal(view.length, 0);
  discard(buffer);
  assert.equal(buffer.byteLength, 0);
});

// Pyodide's module script imported from the editor page's copy (pyodide/module-script.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { handModuleScript, MODULE_SCRIPT_PATH, usingHandedModuleScript } from '../../main/js/pyodide/module-script.js';

let sites = 0;
/** A site of its own per test: the module keeps what it noted by the script's URL. */
const newSite = () => `https://site${++sites}.example/`;

function recordingLoad() {
  const configs = [];
  return { configs, load: (config) => { configs.push(config); return Promise.resolve('pyodide'); } };
}

test("the worker imports the handed Blob at once, from a blob: URL, and loadPyodide gets its factory", async () => {
  const site = newSite();
  const imported = [];
  const factory = (settings) => Promise.resolve({ module: settings });
  handModuleScript(site, Promise.resolve({ [MODULE_SCRIPT_PATH]: new Blob(['export default 1']) }),
    { early: true, importModule: (url) => { imported.push(url); return Promise.resolve({ default: factory }); } });
  await new Promise((resolve) => setTimeout(resolve, 0));
  assert.equal(imported.length, 1, 'at once, before any load');
  assert.match(imported[0], /^blob:/);
  const { configs, load } = recordingLoad();
  await usingHandedModuleScript(load)({ indexURL: `${site}pyodide/` });
  assert.deepEqual(await configs[0].createPyodideModule({ a: 1 }), { module: { a: 1 } });
  assert.equal(imported.length, 1, 'imported once');
});

test('without a Blob the script comes from the site, as Pyodide would import it; nothing is imported before a load asks', async () => {
  const site = newSite();
  const imported = [];
  handModuleScript(site, Promise.resolve(null), { importModule: (url) => { imported.push(url); return Promise.resolve({ default: () => 'module' }); } });
  await new Promise((resolve) => setTimeout(resolve, 0));
  assert.deepEqual(imported, [], 'the frame imports only when Python loads there');
  const { configs, load } = recordingLoad();
  await usingHandedModuleScript(load)({ indexURL: `${site}pyodide/` });
  assert.equal(await configs[0].createPyodideModule({}), 'module');
  assert.deepEqual(imported, [`${site}${MODULE_SCRIPT_PATH}`]);
});

test('a later load does not wait for files that never came; another site is left to Pyodide', async () => {
  const site = newSite();
  handModuleScript(site, new Promise(() => {}), { importModule: () => assert.fail('nothing to import') });
  const { configs, load } = recordingLoad();
  const using = usingHandedModuleScript(load);
  using({ indexURL: `${site}pyodide/` });
  assert.equal(typeof configs[0].createPyodideModule, 'function', 'the first load waits inside Pyodide');
  await using({ indexURL: `${site}pyodide/` });
  assert.equal(configs[1].createPyodideModule, undefined, 'the second imports the script itself');
  await using({ indexURL: 'https://other.example/pyodide/' });
  assert.equal(configs[2].createPyodideModule, undefined);
});

test('a handed script that does not import is imported from the site, whose failure is the load\'s', async () => {
  const site = newSite();
  const imported = [];
  handModuleScript(site, Promise.resolve({ [MODULE_SCRIPT_PATH]: new Blob(['broken']) }),
    { importModule: (url) => { imported.push(url); return Promise.reject(new SyntaxError('bad')); } });
  const { configs, load } = recordingLoad();
  await usingHandedModuleScript(load, (url) => { imported.push(url); return Promise.reject(new TypeError(`failed to import ${url}`)); })({ indexURL: `${site}pyodide/` });
  await assert.rejects(configs[0].createPyodideModule({}), /failed to import .*pyodide\.asm\.mjs/);
  assert.match(imported[0], /^blob:/);
  assert.equal(imported[1], `${site}${MODULE_SCRIPT_PATH}`);
});

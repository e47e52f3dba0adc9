// The notebooks kept in this browser (page/local-notebooks.js), on fake-indexeddb's IndexedDB,
// and the file saving of Ctrl+S (page/notebook-save.js) and the one-tab lock (page/notebook-lock.js).
import 'fake-indexeddb/auto';
import { test, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { IDBFactory } from 'fake-indexeddb';
import {
  deleteLocalNotebook, duplicateLocalNotebook, forgetDatabase, iomdName, listLocalNotebooks, loadLocalNotebook,
  newLocalNotebookId, renameLocalNotebook, storeLocalNotebook,
} from '../../main/js/page/local-notebooks.js';
import { saveNotebookFile, pickNotebookFile } from '../../main/js/page/notebook-save.js';
import { holdNotebook, takeNotebook, releaseNotebook } from '../../main/js/page/notebook-lock.js';

const call = (fn, ...args) => new Promise((resolve) => fn(...args, (...answer) => resolve(answer)));

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  forgetDatabase();
});

const TEXT = '%% md\r\n# Café ☕ — 𝛑\r\n%% py\nprint("hi")\n';

test('a stored notebook comes back byte for byte with what it was stored with', async () => {
  const [stored, error] = await call(storeLocalNotebook, { id: 'untitled', name: 'notebook.iomd', place: null, text: TEXT,
    byteOrderMark: true, trusted: true });
  assert.equal(error, null);
  assert.equal(stored.created, stored.modified);
  const [loaded] = await call(loadLocalNotebook, 'untitled');
  assert.equal(loaded.text, TEXT);
  assert.equal(loaded.byteOrderMark, true);
  assert.equal(loaded.trusted, true);
  assert.deepEqual(await call(loadLocalNotebook, 'elsewhere'), [null, null], 'none kept: null, no error');
});

test('a later store keeps the name and file handle it does not mention, and the creation time', async () => {
  await new Promise((resolve) => storeLocalNotebook({ id: 'a', text: 'one' }, resolve, 1000));
  await call(renameLocalNotebook, 'a', 'My analysis');
  const handle = { name: 'mine.iomd' };
  await new Promise((resolve) => storeLocalNotebook({ id: 'a', fileHandle: handle }, resolve, 2000));
  const [record] = await new Promise((resolve) => storeLocalNotebook({ id: 'a', text: 'two', trusted: false },
    (...answer) => resolve(answer), 3000));
  assert.equal(record.name, 'My analysis.iomd');
  assert.deepEqual(record.fileHandle, handle);
  assert.equal(record.text, 'two');
  assert.equal(record.created, 1000);
  assert.equal(record.modified, 3000);
});

test('the list is the last modified first; delete and duplicate change it', async () => {
  await new Promise((resolve) => storeLocalNotebook({ id: 'old', name: 'old.iomd', text: 'o', trusted: true }, resolve, 1));
  await new Promise((resolve) => storeLocalNotebook({ id: 'new', name: 'new.iomd', text: 'n' }, resolve, 2));
  assert.deepEqual((await call(listLocalNotebooks))[0].map((r) => r.id), ['new', 'old']);

  const [copy] = await call(duplicateLocalNotebook, 'old');
  assert.match(copy.id, /^copy:[0-9a-f]{12}$/);
  assert.equal(copy.name, 'Copy of old.iomd');
  assert.equal(copy.text, 'o');
  assert.equal(copy.trusted, true, 'a copy is trusted as its original');
  assert.equal(copy.fileHandle, null, 'a copy has no file: Save asks where');

  assert.deepEqual(await call(deleteLocalNotebook, 'old'), [null]);
  assert.deepEqual((await call(listLocalNotebooks))[0].map((r) => r.id).sort(), [copy.id, 'new'].sort());
  const [none, why] = await call(duplicateLocalNotebook, 'old');
  assert.equal(none, null);
  assert.match(why, /no longer kept/);
});

test('a storage that cannot be opened is a message, not a throw', async () => {
  globalThis.indexedDB = { open() { throw new DOMException('The user denied permission', 'SecurityError'); } };
  forgetDatabase();
  const [record, error] = await call(loadLocalNotebook, 'x');
  assert.equal(record, null);
  assert.match(error, /denied/);
  const [, full] = await call(storeLocalNotebook, { id: 'x', text: '' });
  assert.match(full, /denied/);
});

test('names end in .iomd and carry no path separators', () => {
  assert.equal(iomdName('  results '), 'results.iomd');
  assert.equal(iomdName('a/b:c.IOMD'), 'a-b-c.IOMD');
  assert.equal(iomdName(''), 'notebook.iomd');
  assert.equal(newLocalNotebookId('new', () => 'abc'), 'new:abc');
});

/** A FileSystemFileHandle over a string, recording what was written. */
function fileHandle(name, permission = 'granted') {
  const handle = {
    name,
    written: null,
    queryPermission: async () => permission,
    requestPermission: async () => permission,
    createWritable: async () => {
      const parts = [];
      return {
        write: async (blob) => parts.push(await blob.arrayBuffer()),
        close: async () => { handle.written = Buffer.concat(parts.map((p) => Buffer.from(p))); },
      };
    },
    getFile: async () => new Blob([handle.written || '']),
  };
  return handle;
}

test('Ctrl+S writes in place to the file it has, byte for byte (a byte order mark and CRLF kept)', async () => {
  const handle = fileHandle('mine.iomd');
  const [answered, how, error] = await call(saveNotebookFile, handle, 'ignored.iomd', `\uFEFF${TEXT}`);
  assert.deepEqual([answered, how, error], [handle, 'in-place', null]);
  assert.deepEqual(handle.written, Buffer.from(`\uFEFF${TEXT}`, 'utf8'));
  assert.deepEqual([...handle.written.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
});

test('without a file, Ctrl+S asks where (the browser dialog), and a closed dialog writes nothing', async () => {
  const picked = fileHandle('chosen.iomd');
  let asked = null;
  const win = { showSaveFilePicker: async (options) => { asked = options; return picked; } };
  const [handle, how] = await call((...a) => saveNotebookFile(...a, win), null, 'city.iomd', TEXT);
  assert.equal(asked.suggestedName, 'city.iomd');
  assert.deepEqual([handle, how], [picked, 'picked']);
  assert.equal(picked.written.toString('utf8'), TEXT);

  const closing = { showSaveFilePicker: async () => { throw new DOMException('closed', 'AbortError'); } };
  assert.deepEqual(await call((...a) => saveNotebookFile(...a, closing), null, 'city.iomd', TEXT), [null, 'cancelled', null]);
});

test('a file the browser may not write to is an error naming it', async () => {
  const refused = fileHandle('locked.iomd', 'denied');
  const [, how, error] = await call(saveNotebookFile, refused, 'x', TEXT);
  assert.equal(how, null);
  assert.match(error, /could not write locked\.iomd: the browser was not allowed/);
  assert.equal(refused.written, null);
});

test('Open… gives the picked file with its handle, or clicks the input where there is no picker', async () => {
  const handle = fileHandle('picked.iomd');
  handle.written = Buffer.from(TEXT);
  handle.getFile = async () => new File([handle.written], 'picked.iomd');
  const win = { showOpenFilePicker: async () => [handle] };
  const [name, text, error, given] = await call((input, cb) => pickNotebookFile(input, cb, win), {});
  assert.deepEqual([name, text, error, given], ['picked.iomd', TEXT, null, handle]);

  let clicked = 0;
  pickNotebookFile({ click: () => { clicked += 1; } }, () => assert.fail('no answer'), {});
  assert.equal(clicked, 1);
});

/** The Web Locks API of one browser, shared by its tabs. */
function locks() {
  const holders = new Map();
  return {
    request(name, options, callback) {
      if (holders.has(name) && options.ifAvailable) return Promise.resolve(callback(null));
      if (holders.has(name) && options.steal) holders.get(name).reject(new DOMException('stolen', 'AbortError'));
      return new Promise((resolve, reject) => {
        holders.set(name, { reject });
        Promise.resolve(callback({ name })).then((value) => { holders.delete(name); resolve(value); });
      });
    },
  };
}

test('the second tab on a notebook is told, and taking it over tells the first', async () => {
  const browser = locks();
  let lostInFirst = 0;
  assert.deepEqual(await call((cb) => holdNotebook('n', cb, () => { lostInFirst += 1; }, browser)), [true]);
  assert.deepEqual(await call((cb) => holdNotebook('n', cb, () => assert.fail(), browser)), [false]);
  assert.deepEqual(await call((cb) => takeNotebook('n', cb, () => {}, browser)), [true]);
  await new Promise((resolve) => setTimeout(resolve, 0));
  assert.equal(lostInFirst, 1);
  releaseNotebook('n');
  assert.deepEqual(await call((cb) => holdNotebook('other', cb, () => {}, undefined)), [true], 'no Web Locks: held');
});

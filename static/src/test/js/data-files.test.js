// The data files kept in this browser (page/data-files.js), on fake-indexeddb's IndexedDB, and
// their writing into Pyodide's file system (pyodide/data-files.js).
import 'fake-indexeddb/auto';
import { test, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { IDBFactory } from 'fake-indexeddb';
import {
  addDataFile, deleteDataFile, forgetDataFilesDatabase, listDataFiles, MAX_DATA_FILE_BYTES,
  readAllDataFiles, saveDataFileBytes,
} from '../../main/js/page/data-files.js';
import { DATA_HOME, listHome, readHome, removeDataFile, writeDataFile } from '../../main/js/pyodide/data-files.js';
import { base64ToBytes as base64Bytes, bytesToBase64 } from '../../main/js/page/base64.js';

const call = (fn, ...args) => new Promise((resolve) => fn(...args, (...answer) => resolve(answer)));
/** `call` for the writes, which take the time they keep after the callback. */
const callAt = (now, fn, ...args) => new Promise((resolve) => fn(...args, (...answer) => resolve(answer), now));

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  forgetDataFilesDatabase();
});

const BYTES = Uint8Array.from([0, 1, 2, 250, 255, 10, 13]);

const bytesOf = (buffer) => new Uint8Array(buffer);
const textOf = (buffer) => new TextDecoder().decode(buffer);

test('an added file is listed by name and its bytes come back the same, with when it was added', async () => {
  const [kept, error] = await callAt(Date.UTC(2026, 11, 3, 6, 0, 0), addDataFile, 'b.bin', new Blob([BYTES]));
  assert.equal(error, null);
  assert.ok(kept.bytes instanceof ArrayBuffer);
  assert.deepEqual(bytesOf(kept.bytes), BYTES);
  assert.equal(kept.lastUpdated, '2026-12-03T06:00:00.000Z');
  await call(addDataFile, 'a.csv', new Blob(['x,y\n1,2\n']));
  const [listed] = await call(listDataFiles);
  assert.deepEqual(listed.map(({ name, size }) => [name, size]), [['a.csv', 8], ['b.bin', 7]]);
  assert.ok(listed.every((file) => typeof file.added === 'number'));
  const [all] = await call(readAllDataFiles);
  assert.deepEqual(Object.keys(all).sort(), ['a.csv', 'b.bin']);
  assert.equal(textOf(all['a.csv'].bytes), 'x,y\n1,2\n');
  assert.equal(all['b.bin'].lastUpdated, '2026-12-03T06:00:00.000Z');
});

test('a file of the same name replaces the one kept; a deleted one is gone', async () => {
  await call(addDataFile, 'a.csv', new Blob(['old']));
  await call(addDataFile, 'a.csv', new Blob(['newer']));
  assert.deepEqual((await call(listDataFiles))[0].map((file) => file.size), [5]);
  assert.deepEqual(await call(deleteDataFile, 'a.csv'), [null]);
  assert.deepEqual((await call(listDataFiles))[0], []);
});

test('bytes of Python\'s folder kept as a data file come back the same, replacing one of that name', async () => {
  await call(addDataFile, 'out.bin', new Blob(['older']));
  const [kept, error] = await callAt(Date.UTC(2026, 11, 3, 7, 30, 0, 5), saveDataFileBytes, 'out.bin',
    btoa(String.fromCharCode(...BYTES)), true);
  assert.equal(error, null);
  assert.deepEqual(bytesOf(kept.bytes), BYTES);
  assert.equal(kept.lastUpdated, '2026-12-03T07:30:00.005Z', 'the time it was saved, not added first');
  assert.deepEqual((await call(listDataFiles))[0].map(({ name, size }) => [name, size]), [['out.bin', 7]]);
  const [all] = await call(readAllDataFiles);
  assert.deepEqual(bytesOf(all['out.bin'].bytes), BYTES);
  assert.equal(all['out.bin'].lastUpdated, '2026-12-03T07:30:00.005Z');
});

test('notebook code saves a new file, and replaces a kept one only when told to overwrite', async () => {
  const json = btoa('{"a":1}');
  assert.equal(textOf((await call(saveDataFileBytes, 'cache.json', json, false))[0].bytes), '{"a":1}');
  const [none, refused] = await call(saveDataFileBytes, 'cache.json', btoa('{}'), false);
  assert.equal(none, null);
  assert.equal(refused, 'a data file "cache.json" is kept already: give { overwrite: true } to replace it');
  assert.equal(textOf((await call(readAllDataFiles))[0]['cache.json'].bytes), '{"a":1}', 'the kept file is unchanged');
  assert.equal(textOf((await call(saveDataFileBytes, 'cache.json', btoa('{}'), true))[0].bytes), '{}');
  assert.equal(textOf((await call(readAllDataFiles))[0]['cache.json'].bytes), '{}');
});

test('a file over the limit is refused saying so, and nothing is kept', async () => {
  const big = { size: MAX_DATA_FILE_BYTES + 1 };
  const [kept, error] = await call(addDataFile, 'huge.bin', big);
  assert.equal(kept, null);
  assert.match(error, /huge\.bin has \d+ bytes: a data file has at most 64 MiB/);
  assert.deepEqual((await call(listDataFiles))[0], []);
});

test('base64 of large files is built in pieces, and decodes to the same bytes', async () => {
  const bytes = new Uint8Array(300000).map((_, i) => (i * 7) % 256);
  assert.deepEqual(base64Bytes(bytesToBase64(bytes)), bytes);
});

test('storage that refuses says why, never throws', async () => {
  globalThis.indexedDB = { open() { throw new DOMException('The user denied permission', 'SecurityError'); } };
  forgetDataFilesDatabase();
  const [listed, error] = await call(listDataFiles);
  assert.equal(listed, null);
  assert.match(error, /denied/);
});

test('data files are written into and removed from Python\'s home folder', () => {
  const files = new Map();
  const times = new Map();
  const pyodide = {
    FS: {
      mkdirTree: (path) => assert.equal(path, DATA_HOME),
      writeFile: (path, bytes) => files.set(path, bytes),
      utime: (path, atime, mtime) => times.set(path, [atime, mtime]),
      analyzePath: (path) => ({ exists: files.has(path) }),
      unlink: (path) => files.delete(path),
    },
  };
  writeDataFile(pyodide, 'a.csv', new TextEncoder().encode('x,y\n').buffer, '2026-12-03T06:00:00.250Z');
  assert.deepEqual([...files.keys()], ['/home/pyodide/a.csv']);
  assert.equal(new TextDecoder().decode(files.get('/home/pyodide/a.csv')), 'x,y\n');
  const when = Date.UTC(2026, 11, 3, 6, 0, 0, 250);
  assert.deepEqual(times.get('/home/pyodide/a.csv'), [when, when], 'modified when it was kept (ms, as Emscripten wants)');
  removeDataFile(pyodide, 'a.csv');
  removeDataFile(pyodide, 'never-there.txt');
  assert.equal(files.size, 0);
});

test('Python\'s folder lists its regular files by name, and each reads back base64-encoded', () => {
  const entries = {
    'b.txt': { mode: 0o100644, bytes: new TextEncoder().encode('hi') },
    'a.csv': { mode: 0o100644, bytes: Uint8Array.from([0, 255]) },
    sub: { mode: 0o40755, bytes: null },
  };
  const FS = {
    analyzePath: (path) => ({ exists: path === DATA_HOME }),
    readdir: () => ['.', '..', ...Object.keys(entries)],
    stat: (path) => {
      const entry = entries[path.slice(DATA_HOME.length + 1)];
      return { mode: entry.mode, size: entry.bytes ? entry.bytes.length : 4096 };
    },
    isFile: (mode) => (mode & 0o170000) === 0o100000,
    readFile: (path) => {
      const entry = entries[path.slice(DATA_HOME.length + 1)];
      if (!entry || !entry.bytes) throw new Error('No such file or directory');
      return entry.bytes;
    },
  };
  assert.deepEqual(JSON.parse(listHome({ FS })), [{ name: 'a.csv', size: 2 }, { name: 'b.txt', size: 2 }]);
  assert.deepEqual(base64Bytes(readHome({ FS }, 'a.csv')), Uint8Array.from([0, 255]));
  assert.throws(() => readHome({ FS }, 'gone.txt'), /No such file/);
  assert.equal(listHome({ FS: { analyzePath: () => ({ exists: false }) } }), '[]');
});

// The data files kept in this browser (IndexedDB through idb, a database of their own): files the
// user adds (Files in the toolbar, or dropped onto the page) for the notebook's Python, which finds
// them in its home folder (org.jodide.ui.editor.DataFilesDialog, frame's DataFileTarget). Shared by
// every notebook of the site, as JupyterLite's files are; they stay until deleted.
//
// A record: {name, blob, size, added}   name: a plain file name, the key; added: ms since the epoch
//
// Every function answers through a callback, and a failure (no IndexedDB, a full disk, a private
// window that refuses storage) is a message, never a throw.

import { openDB } from 'idb';

const DATABASE = 'jodide-data-files';
const VERSION = 1;
const FILES = 'files';
/** Bytes a data file may have at most: it travels to Python base64-encoded in one message. */
export const MAX_DATA_FILE_BYTES = 64 * 1024 * 1024;

let opened = null;

function database() {
  if (!opened) {
    opened = Promise.resolve().then(() => openDB(DATABASE, VERSION, {
      upgrade(db) {
        db.createObjectStore(FILES, { keyPath: 'name' });
      },
    }));
    opened.catch(() => { opened = null; });
  }
  return opened;
}

function why(failure) {
  if (failure && failure.name === 'QuotaExceededError') return 'the browser storage is full';
  return String((failure && failure.message) || failure || 'the browser storage cannot be used');
}

function answer(promise, callback) {
  promise.then((value) => callback(value === undefined ? null : value, null), (failure) => callback(null, why(failure)));
}

/** What `work(store)` resolves to, in one transaction, once it is done (see local-notebooks.js). */
async function inTransaction(mode, work) {
  const transaction = (await database()).transaction(FILES, mode);
  const [result] = await Promise.all([work(transaction.store), transaction.done]);
  return result;
}

/** The base64 text of a Blob's bytes. */
export async function base64Of(blob) {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** callback([{name, size, added}], null): the files kept, by name; or callback(null, why). */
export function listDataFiles(callback) {
  answer(inTransaction('readonly', (store) => store.getAll())
    .then((records) => records.map(({ name, size, added }) => ({ name, size, added }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))), callback);
}

/**
 * Keeps `blob` (a File) as the data file `name`, replacing one of that name: callback(base64, null)
 * with its bytes for Python, or callback(null, why) (too big, storage refused).
 */
export function addDataFile(name, blob, callback, now = Date.now()) {
  if (blob.size > MAX_DATA_FILE_BYTES) {
    callback(null, `${name} has ${blob.size} bytes: a data file has at most ${MAX_DATA_FILE_BYTES / 1024 / 1024} MiB`);
    return;
  }
  answer(inTransaction('readwrite', (store) => store.put({ name, blob, size: blob.size, added: now }))
    .then(() => base64Of(blob)), callback);
}

/** callback(base64, null): the bytes of each file kept, one call for all: ({name: base64}). */
export function readAllDataFiles(callback) {
  answer(inTransaction('readonly', (store) => store.getAll()).then(async (records) => {
    const files = {};
    for (const record of records) files[record.name] = await base64Of(record.blob);
    return files;
  }), callback);
}

/** Offers the data file `name` as a download; callback(null) or callback(why). */
export function downloadDataFile(name, callback) {
  answer(inTransaction('readonly', (store) => store.get(name)).then((record) => {
    if (!record) throw new Error(`${name} is no longer kept in this browser`);
    const url = URL.createObjectURL(record.blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  }), (value, error) => callback(error));
}

/** callback(null) once the data file `name` is forgotten, or callback(why). */
export function deleteDataFile(name, callback) {
  answer(inTransaction('readwrite', (store) => store.delete(name)), (value, error) => callback(error));
}

/** Forgets the opened database (node tests, which start from a new fake IndexedDB). */
export function forgetDataFilesDatabase() {
  opened = null;
}

/** Offers bytes (base64) as a download named `name` (a file of Python's folder). */
export function downloadBase64(name, base64) {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes]));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

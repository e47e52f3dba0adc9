// The data files kept in this browser (IndexedDB through idb, a database of their own): files the
// user adds (Files in the toolbar, or dropped onto the page) for the notebook's Python, which finds
// them in its home folder (org.jodide.ui.editor.DataFilesDialog, frame's DataFileTarget). Shared by
// every notebook of the site, as JupyterLite's files are; they stay until deleted.
//
// A record: {name, blob, size, added}   name: a plain file name, the key; added: ms since the epoch
// (when it was last added or saved: Iodide's `iodide.file.lastUpdated`)
//
// What goes to the notebook (its Python, its `iodide.file`): a kept file {bytes, lastUpdated}, the
// bytes an ArrayBuffer and the time of `added` as an ISO 8601 text (Date.prototype.toISOString).
//
// Every function answers through a callback, and a failure (no IndexedDB, a full disk, a private
// window that refuses storage) is a message, never a throw.

import { answer, idbStore } from './idb-store.js';
import { base64ToBytes } from './base64.js';
import { offerBlob } from './notebook-files.js';

const files = idbStore('jodide-data-files', 'files', 'name');
const inTransaction = files.inTransaction;
/**
 * Bytes a data file may have at most: the editor page, the report frame, the Python worker and
 * Python's folder each hold a copy.
 */
export const MAX_DATA_FILE_BYTES = 64 * 1024 * 1024;

/** Why a file of `size` bytes is not kept, or null when it may be. */
function tooBig(name, size) {
  return size > MAX_DATA_FILE_BYTES
    ? `${name} has ${size} bytes: a data file has at most ${MAX_DATA_FILE_BYTES / 1024 / 1024} MiB` : null;
}

/** A record as the notebook is given it: {bytes, lastUpdated}. */
async function keptFile(record) {
  return { bytes: await record.blob.arrayBuffer(), lastUpdated: new Date(record.added).toISOString() };
}

/** callback([{name, size, added}], null): the files kept, by name; or callback(null, why). */
export function listDataFiles(callback) {
  answer(inTransaction('readonly', (store) => store.getAll())
    .then((records) => records.map(({ name, size, added }) => ({ name, size, added }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))), callback);
}

/**
 * Keeps `blob` (a File) as the data file `name`, replacing one of that name: callback(kept, null)
 * with the kept file for the notebook ({bytes, lastUpdated}), or callback(null, why) (too big,
 * storage refused).
 */
export function addDataFile(name, blob, callback, now = Date.now()) {
  const refused = tooBig(name, blob.size);
  if (refused) {
    callback(null, refused);
    return;
  }
  const record = { name, blob, size: blob.size, added: now };
  answer(inTransaction('readwrite', (store) => store.put(record)).then(() => keptFile(record)), callback);
}

/**
 * Keeps bytes (base64) as the data file `name` (a file of Python's folder the user keeps, what notebook
 * code saves with Iodide's iodide.file.save): callback(kept, null) ({bytes, lastUpdated}), or
 * callback(null, why): too big, storage refused, or, without `overwrite`, a file of that name is kept
 * already (checked and written in one transaction).
 */
export function saveDataFileBytes(name, base64, overwrite, callback, now = Date.now()) {
  const bytes = base64ToBytes(base64);
  const blob = new Blob([bytes]);
  const refused = tooBig(name, blob.size);
  if (refused) {
    callback(null, refused);
    return;
  }
  answer(inTransaction('readwrite', async (store) => {
    if (!overwrite && (await store.get(name))) {
      throw new Error(`a data file "${name}" is kept already: give { overwrite: true } to replace it`);
    }
    await store.put({ name, blob, size: blob.size, added: now });
    return { bytes: bytes.buffer, lastUpdated: new Date(now).toISOString() };
  }), callback);
}

/** callback(files, null): every file kept, one call for all: {name: {bytes, lastUpdated}}. */
export function readAllDataFiles(callback) {
  answer(inTransaction('readonly', (store) => store.getAll()).then(async (records) => {
    const files = {};
    for (const record of records) files[record.name] = await keptFile(record);
    return files;
  }), callback);
}

/** Offers the data file `name` as a download; callback(null) or callback(why). */
export function downloadDataFile(name, callback) {
  answer(inTransaction('readonly', (store) => store.get(name)).then((record) => {
    if (!record) throw new Error(`${name} is no longer kept in this browser`);
    offerBlob(name, record.blob);
  }), (value, error) => callback(error));
}

/** callback(null) once the data file `name` is forgotten, or callback(why). */
export function deleteDataFile(name, callback) {
  answer(inTransaction('readwrite', (store) => store.delete(name)), (value, error) => callback(error));
}

/** Forgets the opened database (node tests, which start from a new fake IndexedDB). */
export function forgetDataFilesDatabase() {
  files.forget();
}

/** Offers bytes (base64) as a download named `name` (a file of Python's folder). */
export function downloadBase64(name, base64) {
  offerBlob(name, new Blob([base64ToBytes(base64)]));
}

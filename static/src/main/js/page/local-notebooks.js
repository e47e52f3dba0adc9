// The notebooks kept in this browser (IndexedDB through idb): every notebook the user edits is
// stored here within a second of the last keystroke (org.jodide.ui.editor.Autosave), and the
// toolbar's Notebooks list opens, renames, duplicates, deletes and downloads them.
//
// A record: {id, name, place, text, byteOrderMark, trusted, created, modified, fileHandle, jupyterSource}
//   id            the notebook's key: the place it came from ("untitled" for the page's own notebook,
//                 its URL, "link:..." for a link) or a made-up one ("file:...", "new:...", "copy:...")
//   name          the file name it downloads and saves as ("city-report.iomd")
//   place         where it came from, for trust (org.jodide.ui.editor.TrustedNotebooks); null for the page's own
//   text          the exact text (no line-break normalisation), without a byte order mark
//   byteOrderMark whether the file it came from started with one (Save and Download put it back)
//   trusted       whether its code may run without asking (written here, or run by the user)
//   created, modified  milliseconds since the Unix epoch
//   fileHandle    the FileSystemFileHandle Ctrl+S writes to (File System Access API), or null
//   jupyterSource the .ipynb text a notebook opened from a file was converted from, when its cells had
//                 saved outputs: they show again, under the chunks still as they were, when it reopens
//                 (org.jodide.core.jupyter.SavedOutputs.matching); absent otherwise
//
// Every function answers through a callback, and a failure (no IndexedDB, a full disk, a private
// window that refuses storage) is a message, never a throw.

import { answer, idbStore } from './idb-store.js';

const notebooks = idbStore('jodide', 'notebooks', 'id');
const inTransaction = notebooks.inTransaction;

/** callback(record or null, error or null): the notebook kept under `id`. */
export function loadLocalNotebook(id, callback) {
  answer(inTransaction('readonly', (store) => store.get(id)).then((record) => record || null), callback);
}

/**
 * Keeps `fields` under `fields.id`, merged into the record already there (so a rename or a file
 * handle survives the next autosave); `created` is set the first time, `modified` every time.
 * callback(record, null) with the stored record, or callback(null, why).
 */
export function storeLocalNotebook(fields, callback, now = Date.now()) {
  answer(inTransaction('readwrite', async (store) => {
    const before = (await store.get(fields.id)) || {};
    const record = {
      name: 'notebook.iomd', place: null, text: '', byteOrderMark: false, trusted: false, fileHandle: null,
      ...before,
      ...withoutUndefined(fields),
      created: before.created || now,
      modified: now,
    };
    await store.put(record);
    return record;
  }), callback);
}

function withoutUndefined(fields) {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}

/** callback(records, null): every notebook kept here, the last modified first; or callback(null, why). */
export function listLocalNotebooks(callback) {
  answer(inTransaction('readonly', (store) => store.getAll())
    .then((records) => records.sort((a, b) => b.modified - a.modified)), callback);
}

/** callback(null) once the notebook `id` is forgotten, or callback(why). */
export function deleteLocalNotebook(id, callback) {
  answer(inTransaction('readwrite', (store) => store.delete(id)), (value, error) => callback(error));
}

/** callback(record, null) with the record renamed to `name` (an .iomd name), or callback(null, why). */
export function renameLocalNotebook(id, name, callback) {
  storeLocalNotebook({ id, name: iomdName(name) }, callback);
}

/**
 * callback(copy, null): a new notebook with the text of `id`, named "Copy of ...", trusted as the
 * original, without its file (Save asks where); or callback(null, why).
 */
export function duplicateLocalNotebook(id, callback, random = randomSuffix) {
  loadLocalNotebook(id, (record, error) => {
    if (error || !record) {
      callback(null, error || 'that notebook is no longer kept in this browser');
      return;
    }
    storeLocalNotebook({
      id: `copy:${random()}`, name: iomdName(`Copy of ${record.name}`), place: record.place, text: record.text,
      byteOrderMark: record.byteOrderMark, trusted: record.trusted, created: undefined, fileHandle: null,
    }, callback);
  });
}

/** A new id for a notebook made here: `prefix:` and 12 random hexadecimal digits. */
export function newLocalNotebookId(prefix, random = randomSuffix) {
  return `${prefix}:${random()}`;
}

function randomSuffix() {
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** `name` trimmed, ending in .iomd; "notebook.iomd" when blank. */
export function iomdName(name) {
  const trimmed = String(name || '').trim().replace(/[\\/:*?"<>|]+/g, '-');
  if (!trimmed) return 'notebook.iomd';
  return /\.iomd$/i.test(trimmed) ? trimmed : `${trimmed}.iomd`;
}

/** Forgets the opened database (node tests, which start from a new fake IndexedDB). */
export function forgetDatabase() {
  notebooks.forget();
}

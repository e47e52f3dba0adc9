// The user's data files as the eval frame holds them (the editor sends each, its bytes beside
// EditorToFrame.PutDataFile, which says when it was added or saved): read by Iodide's
// `iodide.file.load`, `exists`, `list` and `lastUpdated` in js chunks, while Python gets them in its
// home folder. `save` and `delete` ask the editor, which keeps the
// files (the frame's DataFileRequests connects them): the file comes, or goes, before the answer.
//
//   const files = dataFiles();  files.put('a.csv', bytes, '2026-12-03T06:00:00.000Z');   // bytes: an ArrayBuffer
//   await files.load('a.csv', 'text')  // 'x,y\n'       files.lastUpdated('a.csv')  // a Date
//   await files.save({ rows: 3 }, 'summary.json');   // kept in the browser, in Python's folder too

import { bytesToBase64 } from '../page/base64.js';

/** How `iodide.file.load` may give a file, as Iodide's loadType names them. */
const LOADERS = Object.freeze({
  text: (bytes) => new TextDecoder().decode(bytes),
  json: (bytes) => JSON.parse(new TextDecoder().decode(bytes)),
  arrayBuffer: (bytes) => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
  blob: (bytes) => new Blob([bytes]),
});

/**
 * The bytes `iodide.file.save` keeps of `data`, as Iodide saved any value: text as UTF-8, bytes as
 * they are (an ArrayBuffer, a typed array, a Blob), anything else as its JSON.
 */
export async function bytesOf(data) {
  if (typeof data === 'string') return new TextEncoder().encode(data);
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  if (typeof Blob !== 'undefined' && data instanceof Blob) return new Uint8Array(await data.arrayBuffer());
  const json = JSON.stringify(data);
  if (json === undefined) throw new Error(`iodide.file.save: ${typeof data} cannot be kept (give text, bytes or a value JSON can write)`);
  return new TextEncoder().encode(json);
}

/** A store of data files by name. */
export function dataFiles() {
  /** name → {bytes, lastUpdated}: the bytes (an ArrayBuffer), and when the file was added or saved (ISO 8601). */
  const files = new Map();
  const missing = (call, name) => new Error(`${call}: there is no data file "${name}" (Files in the toolbar adds one;`
    + ` there are: ${[...files.keys()].sort().join(', ') || 'none'})`);
  let editor = null;
  /** Asks the editor (`ask(done)` calls it), rejecting with `call: why` when it says no. */
  const askEditor = (call, ask) => new Promise((resolve, reject) => {
    if (!editor) {
      reject(new Error(`${call}: this page keeps no data files`));
      return;
    }
    ask((error) => (error ? reject(new Error(`${call}: ${error}`)) : resolve()));
  });
  return {
    /** How `save` and `delete` reach the editor: {save(name, base64, overwrite, done), delete(name, done)}. */
    connect(requests) {
      editor = requests;
    },
    /**
     * Iodide's save(data, fileName[, {overwrite}]): keeps `data` as the data file `fileName`, in this
     * browser and in Python's folder; rejects when one of that name is kept and `overwrite` is not true.
     */
    async save(data, fileName, options = {}) {
      const name = String(fileName);
      const overwrite = Boolean(options && options.overwrite);
      if (!overwrite && files.has(name)) {
        throw new Error(`iodide.file.save: a data file "${name}" is kept already: give { overwrite: true } to replace it`);
      }
      const base64 = bytesToBase64(await bytesOf(data));
      await askEditor('iodide.file.save', (done) => editor.save(name, base64, overwrite, done));
    },
    /** Iodide's delete(fileName): forgets the data file, here and in Python's folder. */
    async delete(fileName) {
      const name = String(fileName);
      if (!files.has(name)) throw missing('iodide.file.delete', name);
      await askEditor('iodide.file.delete', (done) => editor.delete(name, done));
    },
    put(name, bytes, lastUpdated) {
      files.set(name, { bytes, lastUpdated });
    },
    remove(name) {
      files.delete(name);
    },
    exists: (name) => files.has(String(name)),
    list: () => [...files.keys()].sort(),
    /** Iodide's lastUpdated(fileName): when the file was added or last saved, a Date; throws when there is none. */
    lastUpdated(fileName) {
      const name = String(fileName);
      if (!files.has(name)) throw missing('iodide.file.lastUpdated', name);
      return new Date(files.get(name).lastUpdated);
    },
    /** The file as `loadType` (text, json, arrayBuffer, blob); rejects saying why when it cannot. */
    async load(name, loadType = 'text') {
      const loader = LOADERS[loadType];
      if (!loader) throw new Error(`iodide.file.load: "${loadType}" is not a load type (${Object.keys(LOADERS).join(', ')})`);
      if (!files.has(String(name))) throw missing('iodide.file.load', name);
      return loader(new Uint8Array(files.get(String(name)).bytes));
    },
  };
}

/** The frame's data files (one per frame). */
export const frameDataFiles = dataFiles();

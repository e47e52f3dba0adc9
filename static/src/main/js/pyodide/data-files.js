// Data files the user added in the editor page, written into Python's home folder (Pyodide's
// working directory when it starts), so that `open("sales.csv")` and `pd.read_csv("sales.csv")`
// find them. The bytes come as an ArrayBuffer beside the editor's messages (page/message-bytes.js).
//
//   writeDataFile(pyodide, 'sales.csv', bytes, '2026-12-03T06:00:00.000Z');   removeDataFile(pyodide, 'sales.csv');

import { bytesToBase64 } from '../page/base64.js';

/** Python's home folder, where data files go. */
export const DATA_HOME = '/home/pyodide';

/**
 * Writes (or replaces) the data file `name` in DATA_HOME: `bytes`, an ArrayBuffer; its modification
 * time (os.path.getmtime) is `lastUpdated` (ISO 8601), when it was added or last saved.
 */
export function writeDataFile(pyodide, name, bytes, lastUpdated) {
  const path = `${DATA_HOME}/${name}`;
  pyodide.FS.mkdirTree(DATA_HOME);
  pyodide.FS.writeFile(path, new Uint8Array(bytes));
  const modified = Date.parse(lastUpdated);
  if (Number.isFinite(modified)) pyodide.FS.utime(path, modified, modified);
}

/** Deletes the data file `name` from DATA_HOME, if it is there. */
export function removeDataFile(pyodide, name) {
  const path = `${DATA_HOME}/${name}`;
  if (pyodide.FS.analyzePath(path).exists) pyodide.FS.unlink(path);
}

/** The regular files of DATA_HOME (those added and those Python wrote) as JSON: [{name, size}] by name. */
export function listHome(pyodide) {
  const { FS } = pyodide;
  const files = [];
  if (FS.analyzePath(DATA_HOME).exists) {
    for (const name of FS.readdir(DATA_HOME)) {
      if (name === '.' || name === '..') continue;
      const stat = FS.stat(`${DATA_HOME}/${name}`);
      if (FS.isFile(stat.mode)) files.push({ name, size: stat.size });
    }
  }
  files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return JSON.stringify(files);
}

/** The bytes of the file `name` of DATA_HOME, base64-encoded; throws when it is not there. */
export function readHome(pyodide, name) {
  return bytesToBase64(pyodide.FS.readFile(`${DATA_HOME}/${name}`));
}

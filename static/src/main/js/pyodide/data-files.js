// Data files the user added in the editor page, written into Python's home folder (Pyodide's
// working directory when it starts), so that `open("sales.csv")` and `pd.read_csv("sales.csv")`
// find them. The bytes come base64-encoded in the editor's messages.
//
//   writeDataFile(pyodide, 'sales.csv', 'YSxiCjEsMgo=');   removeDataFile(pyodide, 'sales.csv');

/** Python's home folder, where data files go. */
export const DATA_HOME = '/home/pyodide';

/** The bytes of a base64 text. */
export function base64Bytes(base64) {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Writes (or replaces) the data file `name` in DATA_HOME. */
export function writeDataFile(pyodide, name, base64) {
  pyodide.FS.mkdirTree(DATA_HOME);
  pyodide.FS.writeFile(`${DATA_HOME}/${name}`, base64Bytes(base64));
}

/** Deletes the data file `name` from DATA_HOME, if it is there. */
export function removeDataFile(pyodide, name) {
  const path = `${DATA_HOME}/${name}`;
  if (pyodide.FS.analyzePath(path).exists) pyodide.FS.unlink(path);
}

// The user's data files as the eval frame holds them (the editor sends each, base64, as
// EditorToFrame.PutDataFile): read by Iodide's `iodide.file.load`, `exists` and `list` in js chunks,
// while Python gets them in its home folder.
//
//   const files = dataFiles();  files.put('a.csv', 'eCx5Cg==');  await files.load('a.csv', 'text')  // 'x,y\n'

import { base64ToBytes } from '../page/base64.js';

/** How `iodide.file.load` may give a file, as Iodide's loadType names them. */
const LOADERS = Object.freeze({
  text: (bytes) => new TextDecoder().decode(bytes),
  json: (bytes) => JSON.parse(new TextDecoder().decode(bytes)),
  arrayBuffer: (bytes) => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
  blob: (bytes) => new Blob([bytes]),
});

/** A store of data files by name. */
export function dataFiles() {
  const files = new Map();
  return {
    put(name, base64) {
      files.set(name, base64);
    },
    remove(name) {
      files.delete(name);
    },
    exists: (name) => files.has(String(name)),
    list: () => [...files.keys()].sort(),
    /** The file as `loadType` (text, json, arrayBuffer, blob); rejects saying why when it cannot. */
    async load(name, loadType = 'text') {
      const loader = LOADERS[loadType];
      if (!loader) throw new Error(`iodide.file.load: "${loadType}" is not a load type (${Object.keys(LOADERS).join(', ')})`);
      if (!files.has(String(name))) {
        throw new Error(`iodide.file.load: there is no data file "${name}" (Files in the toolbar adds one; there are: ${[...files.keys()].sort().join(', ') || 'none'})`);
      }
      return loader(base64ToBytes(files.get(String(name))));
    },
  };
}

/** The frame's data files (one per frame). */
export const frameDataFiles = dataFiles();

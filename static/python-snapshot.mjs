// Builds pyodide/python-snapshot.gz: the memory of a Pyodide that has just started (CPython
// initialised, Pyodide's own modules imported), gzip-compressed. Starting from it skips CPython's
// start-up, most of the time Pyodide takes once its Wasm is compiled (see src/main/js/pyodide/snapshot.js,
// and docs/architecture.md "Start-up"). Run after build.mjs: node python-snapshot.mjs SITE_DIR.
//
// The snapshot is made under Node from the same Pyodide the site ships (Pyodide checks its build id
// when it restores one). What a start records from its surroundings is made to match a browser's:
// Emscripten names the program after Node's script (sys.executable, $_), so the script is named as in
// a browser; what cannot match (the language, the time zone, the random seed) the kernel renews after
// a restore (renew_process_state in the kernel's Python).

import { loadPyodide } from 'pyodide';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { SNAPSHOT_PATH } from './src/main/js/pyodide/snapshot.js';

/** What Emscripten calls the program in a browser (its `thisProgram`). */
const BROWSER_PROGRAM = './this.program';

const here = dirname(fileURLToPath(import.meta.url));

/** The snapshot's bytes (uncompressed) of a Pyodide started from the shipped files. */
export async function makeSnapshot() {
  const script = process.argv[1];
  process.argv[1] = BROWSER_PROGRAM;
  try {
    const pyodide = await loadPyodide({ _makeSnapshot: true });
    return pyodide.makeMemorySnapshot();
  } finally {
    process.argv[1] = script;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const siteDir = resolve(process.argv[2] || join(here, 'target', 'site'));
  const snapshot = await makeSnapshot();
  const out = join(siteDir, SNAPSHOT_PATH);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, gzipSync(snapshot, { level: 9 }));
}

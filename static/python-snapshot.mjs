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
//
// The kernel is imported before the snapshot is taken, with the standard-library modules it imports
// at its top level (inspect, ast, json, random…), so that a start imports nothing: in a browser every
// import runs cold (no code cache in the report's frame), and compiling the kernel's own 75 KB of
// Python took ~0.3-0.4 s. It is marked with the digest of its files (kernel-files.js:
// importKernelAhead); a start that fetched other files (a kernel newer than the snapshot) imports
// those instead. Only sys.modules and sys.path change: `__main__`, whose globals the workspace lists,
// is left as it was. Nothing of the kernel is installed (its display sinks are set at each start).

import { loadPyodide } from 'pyodide';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { SNAPSHOT_PATH } from './src/main/js/pyodide/snapshot.js';
import { KERNEL_SOURCES, readPythonTree } from './python-tree.mjs';
import { importKernelAhead } from './src/main/js/pyodide/kernel-files.js';

/** What Emscripten calls the program in a browser (its `thisProgram`). */
const BROWSER_PROGRAM = './this.program';

const here = dirname(fileURLToPath(import.meta.url));

/** The snapshot's bytes (uncompressed) of a Pyodide started from the shipped files. */
export async function makeSnapshot() {
  const script = process.argv[1];
  process.argv[1] = BROWSER_PROGRAM;
  try {
    const pyodide = await loadPyodide({ _makeSnapshot: true });
    const kernelFiles = readPythonTree(KERNEL_SOURCES);
    importKernelDependencies(pyodide, kernelFiles);
    importKernelAhead(pyodide, kernelFiles).destroy();
    return pyodide.makeMemorySnapshot();
  } finally {
    process.argv[1] = script;
  }
}

/**
 * Imports in `pyodide` every module that the kernel's sources ({path: source}) import at their top
 * level, other than the kernel's own (its package, and the `IPython` stand-in it answers imports
 * with: jodide_kernel/ipython); inside a function, so that `__main__` keeps its globals. The
 * sources go in as a string literal: a JavaScript value handed to Python would be a reference the
 * snapshot cannot hold.
 */
export function importKernelDependencies(pyodide, sources) {
  pyodide.runPython(`
def _jodide_import_kernel_dependencies(sources):
    import ast, importlib, json
    for path, source in json.loads(sources).items():
        for node in ast.parse(source, path).body:
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                names = [node.module]
            else:
                continue
            for name in names:
                if name.split(".")[0] not in ("jodide_kernel", "IPython"):
                    importlib.import_module(name)
_jodide_import_kernel_dependencies(${JSON.stringify(JSON.stringify(sources))})
del _jodide_import_kernel_dependencies
`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const siteDir = resolve(process.argv[2] || join(here, 'target', 'site'));
  const snapshot = await makeSnapshot();
  const out = join(siteDir, SNAPSHOT_PATH);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, gzipSync(snapshot, { level: 9 }));
}

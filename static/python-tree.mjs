// Reads the Python side of Jodide's kernel (pyodide-loader/src/main/python) as {path: source},
// paths relative to that folder with '/' separators, sorted: what build.mjs ships as
// pyodide/jodide-kernel.json and what the tests in src/test/js install into Pyodide under Node.

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** The kernel's Python sources. */
export const KERNEL_SOURCES = join(here, '..', 'pyodide-loader', 'src', 'main', 'python');

/** Their unittest tests. */
export const KERNEL_TESTS = join(here, '..', 'pyodide-loader', 'src', 'test', 'python');

/** Every .py file under root, as {relative/path.py: source}. */
export function readPythonTree(root) {
  const files = {};
  const walk = (folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(folder, entry.name);
      if (entry.isDirectory() && entry.name !== '__pycache__') walk(path);
      else if (entry.isFile() && entry.name.endsWith('.py')) files[relative(root, path).split(sep).join('/')] = readFileSync(path, 'utf8');
    }
  };
  walk(root);
  return files;
}

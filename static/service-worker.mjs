// Builds the site's service worker, sw.js (src/main/js/sw), once the site is complete (after TeaVM):
// node service-worker.mjs SITE_DIR. Its version is a hash of every file of the site, so each build
// that changes anything installs anew and drops the older cache; its precache list is the app shell
// (PRECACHE, each must exist); Pyodide's core is stored when a page that runs it asks.

import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const siteDir = resolve(process.argv[2] || join(here, 'target', 'site'));

/**
 * What a visit needs to open the editor offline, as site paths: the app shell, with Pyodide's two
 * small loaders. Not Pyodide's big files (HANDED_PYODIDE_FILES: Wasm, standard library, snapshot,
 * module script, lock file, kernel): the editor page downloads those for its frame when the frame
 * runs Pyodide and then asks the worker to store them (page/handed-frame.js), so a page on
 * MicroPython does not download them at install.
 */
export const PRECACHE = [
  './', 'index.html', 'evalframe.html', 'jodide.css', 'report.css', 'favicon.svg', 'katex/katex.min.css',
  'codemirror.js', 'codemirror-chunk.js', 'codemirror-languages.js', 'page-support.js', 'editor.js', 'markdown.wasm', 'markdown-runtime.js', 'markdown.js', 'report-libs.js', 'frame-runtime.js', 'uncaught-errors.js',
  'python-worker-support.js', 'python-worker-remote.js', 'pyodide-support.js', 'evalframe.js', 'python-worker.js',
  'pyodide/pyodide.js', 'pyodide/pyodide.mjs',
];

function siteFiles(dir) {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? siteFiles(path) : [path];
  });
}

const missing = PRECACHE.filter((path) => path !== './' && !existsSync(join(siteDir, path)));
if (missing.length > 0) {
  throw new Error(`service-worker.mjs: not in ${siteDir}: ${missing.join(', ')}`);
}
const hash = createHash('sha256');
for (const file of siteFiles(siteDir)) {
  const path = relative(siteDir, file).split(sep).join('/');
  if (path !== 'sw.js') {
    hash.update(path).update('\0').update(readFileSync(file)).update('\0');
  }
}
const version = hash.digest('hex').slice(0, 16);

await build({
  entryPoints: [join(here, 'src/main/js/sw/service-worker.js')],
  outfile: join(siteDir, 'sw.js'),
  bundle: true,
  format: 'iife',
  minify: true,
  target: 'es2020',
  define: { JODIDE_SW_BUILD: JSON.stringify({ version, files: PRECACHE }) },
  logLevel: 'warning',
});

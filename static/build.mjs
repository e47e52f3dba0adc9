// Bundles the site's browser libraries with esbuild (npm run build -- OUT_DIR):
//   codemirror.js   the notebook editor (src/main/js/editor), an ES module, in three files: codemirror.js,
//                   codemirror-languages.js (the chunks' languages, which the editors import once they
//                   have started: editor/lazy-languages.js) and codemirror-chunk.js (what both import)
//   report-libs.js  HTML sanitizing and math for the report frame (src/main/js/report)
//   frame-runtime.js the report frame's JavaScript runtime: js chunks, completions, workspace, fetch and
//                   plugin loading, and the iodide global (Iodide's notebook API) (src/main/js/frame);
//                   with acorn for js chunks that await at their top level, behind a dynamic import
//                   that esbuild turns into a lazy start within the bundle (evaluated on first use)
//   uncaught-errors.js  the report frame's watch on errors nobody caught, for the console (src/main/js/frame)
//   python-worker-support.js  the frame's side of the Python worker: starting it, the shared memory, and
//                   worker-dom's frame host (coincident) through which Python in the worker reaches the DOM
//   python-worker-remote.js   the worker's side: the shared memory and worker-dom's proxies of frame objects
//   pyodide-support.js  loading Pyodide and Jodide's kernel into it, calls into the kernel's Python
//                   (src/main/js/pyodide), for the frame and the Python worker
//   pyodide/jodide-kernel.json  the kernel's Python (pyodide-loader/src/main/python) as {path: source},
//                   which the kernel fetches next to Pyodide and imports (see python-tree.mjs)
//   embed.js        the one-tag embed for documentation pages (src/main/js/embed), a classic script
//   page-support.js small helpers of the editor page and the frame: notebook files, storage, messages,
//                   URL settings (src/main/js/page)
//   jupyter-client.js  a notebook's Python on a Jupyter server: connecting, a remote kernel's session
//                   (run, interrupt, restart, complete, variables) through @jupyterlab/services
//                   (src/main/js/jupyter)
//   micropython-support.js  MicroPython as the report frame's Python where a notebook or page chooses it
//                   (src/main/js/micropython, with the kernel's Python, kernel.py, as text)
//   micropython/    the MicroPython WebAssembly port (micropython.mjs, micropython.wasm) from npm
//   katex/          KaTeX's style sheet and fonts, which report pages link
//   mermaid.js      Mermaid, one ES module of its own (5.6 MB, 1.6 MB gzip), which the report's frame imports
//                   only when markdown holds a ```mermaid block (report/diagrams.js, frame/site-modules.js)
// and, for the benchmarks only (./jodide bench), into BENCH_DIR (npm run build -- OUT_DIR BENCH_DIR,
// default target/bench-site), never into the site:
//   markdown-it.js  markdown-it (a devDependency), the baseline the benchmarks compare with
// Everything comes from node_modules, pinned by package-lock.json: nothing from a CDN.

import { build } from 'esbuild';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KERNEL_SOURCES, readPythonTree } from './python-tree.mjs';
import { MICROPYTHON_DIST, micropythonSupportBuild } from './micropython-build.mjs';
import { MICROPYTHON_DIR, PORT_FILES } from './src/main/js/micropython/port-files.js';

const here = dirname(fileURLToPath(import.meta.url));
const outDir = resolve(process.argv[2] || join(here, 'target', 'site'));
const benchDir = resolve(process.argv[3] || join(here, 'target', 'bench-site'));

const bundles = {
  'report-libs.js': 'src/main/js/report/index.js',
  'frame-runtime.js': 'src/main/js/frame/runtime.js',
  'uncaught-errors.js': 'src/main/js/frame/uncaught-errors.js',
  'python-worker-support.js': 'src/main/js/frame/python-worker-frame.js',
  'python-worker-remote.js': 'src/main/js/frame/python-worker-remote.js',
  'pyodide-support.js': 'src/main/js/pyodide/index.js',
  'page-support.js': 'src/main/js/page/index.js',
  'decompressed-copy-worker.js': 'src/main/js/page/decompressed-copy-worker.js',
  'jupyter-client.js': 'src/main/js/jupyter/kernel-bridge.js',
};

/** How every bundle is built: minified ES2020 modules, licences at the end. */
const MODULE = Object.freeze({
  bundle: true,
  format: 'esm',
  minify: true,
  target: 'es2020',
  legalComments: 'eof',
  logLevel: 'warning',
});

mkdirSync(outDir, { recursive: true });
await Promise.all(Object.entries(bundles).map(([file, entry]) => build({
  entryPoints: [join(here, entry)],
  outfile: join(outDir, file),
  ...MODULE,
})));

// codemirror.js splits at its dynamic import of languages.js: esbuild names the imported module
// codemirror-languages.js and the code both use codemirror-chunk.js (one shared chunk, so the
// names are fixed; index.html preloads it, service-worker.mjs precaches all three).
await build({
  entryPoints: { codemirror: join(here, 'src/main/js/editor/index.js') },
  outdir: outDir,
  splitting: true,
  chunkNames: 'codemirror-[name]',
  ...MODULE,
});

// embed.js is loaded by documentation pages with a plain <script src defer>: a classic script (IIFE)
// that imports the rest of the site (codemirror.js, report-libs.js, page-support.js, embed-app.js)
// once the page has loaded. Its style sheet is bundled as text for the cells' shadow roots.
await build({
  entryPoints: [join(here, 'src/main/js/embed/index.js')],
  outfile: join(outDir, 'embed.js'),
  ...MODULE,
  format: 'iife',
  loader: { '.css': 'text' },
});

// MicroPython: the port's files as npm ships them, and Jodide's side of it (micropython-build.mjs).
mkdirSync(join(outDir, MICROPYTHON_DIR), { recursive: true });
for (const file of PORT_FILES) cpSync(join(MICROPYTHON_DIST, file), join(outDir, MICROPYTHON_DIR, file));
await build(micropythonSupportBuild(join(outDir, 'micropython-support.js')));

mkdirSync(join(outDir, 'pyodide'), { recursive: true });
writeFileSync(join(outDir, 'pyodide', 'jodide-kernel.json'), JSON.stringify(readPythonTree(KERNEL_SOURCES)));

// One file, no chunks: a handed frame imports it from a blob: URL, where a chunk's relative import has no base.
await build({
  stdin: { contents: "export { default } from 'mermaid';", resolveDir: here },
  outfile: join(outDir, 'mermaid.js'),
  ...MODULE,
});

const katexDist = join(here, 'node_modules', 'katex', 'dist');
mkdirSync(join(outDir, 'katex'), { recursive: true });
cpSync(join(katexDist, 'katex.min.css'), join(outDir, 'katex', 'katex.min.css'));
cpSync(join(katexDist, 'fonts'), join(outDir, 'katex', 'fonts'), { recursive: true });

mkdirSync(benchDir, { recursive: true });
await build({
  stdin: { contents: "export { default as markdownit } from 'markdown-it';", resolveDir: here },
  outfile: join(benchDir, 'markdown-it.js'),
  ...MODULE,
});

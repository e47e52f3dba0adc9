// How micropython-support.js is built (build.mjs; its node test bundles it the same way to a
// temporary file): src/main/js/micropython with the kernel's Python (kernel.py) as text and the
// port's version, from the npm package that build.mjs copies into the site's micropython/.

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** The MicroPython WebAssembly port as npm installed it (pinned by package-lock.json). */
export const MICROPYTHON_DIST = join(here, 'node_modules', '@micropython', 'micropython-webassembly-pyscript');

/** The port's version, from its package.json. */
export const MICROPYTHON_VERSION = JSON.parse(readFileSync(join(MICROPYTHON_DIST, 'package.json'), 'utf8')).version;

/** esbuild's options for micropython-support.js, written to `outfile`. */
export function micropythonSupportBuild(outfile) {
  return {
    entryPoints: [join(here, 'src/main/js/micropython/index.js')],
    outfile,
    bundle: true,
    format: 'esm',
    loader: { '.py': 'text' },
    define: { 'process.env.MICROPYTHON_VERSION': JSON.stringify(MICROPYTHON_VERSION) },
    minify: true,
    target: 'es2020',
    legalComments: 'eof',
    logLevel: 'warning',
  };
}

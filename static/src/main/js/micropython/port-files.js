// The MicroPython WebAssembly port's files as the site serves them, named once for the three places
// that need them: the build, which copies them from npm (build.mjs), the kernel, which
// loads them (micropython/index.js), and the frame's loader, whose list the editor page hands the
// frame (frame/micropython-loader.js). Apart, the three had drifted silently: handing would fall back
// to downloads.

/** Where the port's files are, under the site. */
export const MICROPYTHON_DIR = 'micropython/';

/** The port's module script, which loads its Wasm. */
export const PORT_MODULE = 'micropython.mjs';

/** The port's WebAssembly. */
export const PORT_WASM = 'micropython.wasm';

/** The port's files, by name (under MICROPYTHON_DIR). */
export const PORT_FILES = Object.freeze([PORT_MODULE, PORT_WASM]);

// The frame's `jodide` global for js chunks, and what `pyodide` is when Python runs in a worker.
//
//   await jodide.python.get('total')      // a copy of the Python global (python-values.js), in both modes,
//                                         // or of the Jupyter server's (python-copies.js)
//   pyodide.globals.get('total')          // worker mode: throws, naming jodide.python.get
//   pyodide.globals.total                 // worker mode: throws too (Iodide's notebooks read globals so)
//   await pyodide.loadPackage('pandas')   // worker mode: settles at once; `import pandas` in a py chunk loads it

import { decodePythonCopy } from './python-copies.js';

/** Why `pyodide.…` fails in worker mode, and what to use instead. */
export function workerModeMessage(what) {
  return `${what} is not available when Python runs in a worker (the default where the page is cross-origin `
    + 'isolated): a js chunk cannot reach Python synchronously there. Use `await jodide.python.get("name")`, '
    + 'which returns a copy of the value (a typed array for buffers such as bytes, array.array or numpy arrays), '
    + 'or open the notebook with ?python=main to run Python on the report\'s thread (then Stop restarts the kernel).';
}

/**
 * Where the frame keeps how to read the notebook's Python while it runs on a Jupyter server (the
 * editor says so: EditorToFrame.PythonOnServer), or null while it runs here. A registered symbol on
 * the frame's window, so that every bundle that installs the global (this module is in more than one)
 * reads the same, and no js chunk's global listing shows it.
 */
const SERVER_READER = Symbol.for('jodide.pythonOnServer');

/**
 * Sends `jodide.python.get` to the server's Python: `reader(name, read, failed)` asks the editor,
 * which holds the connection, and calls read(json), the copy as jupyter/global-value.js encodes it,
 * or failed(message). Null: Python runs here again.
 */
export function setPythonOnServer(scope, reader) {
  scope[SERVER_READER] = typeof reader === 'function' ? reader : null;
}

/** Sets `scope.jodide.python.get(name)` to a promise of `read(name)`, or of the server's copy while Python runs there. */
export function installJodideGlobal(scope, read) {
  const python = Object.freeze({
    get: (name) => Promise.resolve().then(() => {
      const server = scope[SERVER_READER];
      return server ? readFromServer(server, String(name)) : read(String(name));
    }),
  });
  Object.defineProperty(scope, 'jodide', {
    value: Object.freeze({ python }), configurable: true, writable: true, enumerable: false,
  });
}

function readFromServer(reader, name) {
  return new Promise((resolve, reject) => {
    reader(name, (json) => {
      try {
        resolve(decodePythonCopy(JSON.parse(json), 'The Jupyter server'));
      } catch (error) {
        reject(error);
      }
    }, (message) => reject(new Error(message)));
  });
}

/**
 * Stands in for the `pyodide` global in worker mode: each entry point that would reach Python
 * synchronously throws workerModeMessage. `loadPackage` (a promise in Pyodide too) settles at once:
 * here a py chunk's imports load their packages from the package index before the chunk runs, so
 * Iodide's notebooks, which loaded packages from a js chunk first, go on, and their py chunks load
 * what they import.
 */
export function workerModePyodide() {
  const refuse = (what) => () => { throw new Error(workerModeMessage(what)); };
  return Object.freeze({
    workerMode: true,
    globals: refusingGlobals(),
    runPython: refuse('pyodide.runPython'),
    runPythonAsync: refuse('pyodide.runPythonAsync'),
    toPy: refuse('pyodide.toPy'),
    loadPackage: (names) => {
      if (typeof names !== 'string' && !Array.isArray(names)) {
        return Promise.reject(new TypeError('pyodide.loadPackage takes a package name or an array of names'));
      }
      return Promise.resolve(undefined);
    },
    pyimport: refuse('pyodide.pyimport'),
  });
}

/**
 * `pyodide.globals` in worker mode: every method and every property read (`pyodide.globals.total`,
 * Iodide's way) throws workerModeMessage, rather than reading as undefined.
 */
const GLOBALS_METHODS = ['get', 'set', 'has', 'toJs', 'delete'];

function refusingGlobals() {
  return new Proxy(Object.freeze({}), {
    get(_, key) {
      if (typeof key === 'symbol') return undefined;
      const error = new Error(workerModeMessage(`pyodide.globals.${key}`));
      if (GLOBALS_METHODS.includes(key)) return () => { throw error; };
      throw error;
    },
  });
}

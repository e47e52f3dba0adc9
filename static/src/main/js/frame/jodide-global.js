// The frame's `jodide` global for js chunks, and what `pyodide` is when Python runs in a worker.
//
//   await jodide.python.get('total')      // a copy of the Python global (python-values.js), in both modes
//   pyodide.globals.get('total')          // worker mode: throws, naming jodide.python.get

/** Why `pyodide.…` fails in worker mode, and what to use instead. */
export function workerModeMessage(what) {
  return `${what} is not available when Python runs in a worker (?python=worker): a js chunk cannot reach `
    + 'Python synchronously there. Use `await jodide.python.get("name")`, which returns a copy of the value '
    + '(a typed array for buffers such as bytes, array.array or numpy arrays).';
}

/** Sets `scope.jodide.python.get(name)` to a promise of `read(name)`. */
export function installJodideGlobal(scope, read) {
  const python = Object.freeze({ get: (name) => Promise.resolve().then(() => read(String(name))) });
  Object.defineProperty(scope, 'jodide', {
    value: Object.freeze({ python }), configurable: true, writable: true, enumerable: false,
  });
}

/** Stands in for the `pyodide` global in worker mode: each entry point throws workerModeMessage. */
export function workerModePyodide() {
  const refuse = (what) => () => { throw new Error(workerModeMessage(what)); };
  return Object.freeze({
    workerMode: true,
    globals: Object.freeze({
      get: refuse('pyodide.globals.get'),
      set: refuse('pyodide.globals.set'),
      has: refuse('pyodide.globals.has'),
      toJs: refuse('pyodide.globals.toJs'),
    }),
    runPython: refuse('pyodide.runPython'),
    runPythonAsync: refuse('pyodide.runPythonAsync'),
    toPy: refuse('pyodide.toPy'),
    loadPackage: refuse('pyodide.loadPackage'),
    pyimport: refuse('pyodide.pyimport'),
  });
}

// The `pyodide` global js chunks see when Python runs on the frame's thread: Pyodide's API, except
// that `pyodide.pyimport(name)` gives the Python global `name` when there is one, as it did in the
// Pyodide of Iodide's notebooks (`var decoded = pyodide.pyimport("decoded")` after a py chunk set
// `decoded`), and imports the module `name` otherwise, as Pyodide's does now. The kernel's own calls
// use the API itself (PyodideApi), never this view.
//
//   globalThis.pyodide = iodideFacingPyodide(pyodide);

/** A view of `pyodide` (every other member read through to it) whose pyimport reads a global first. */
export function iodideFacingPyodide(pyodide) {
  return Object.create(pyodide, {
    pyimport: {
      enumerable: true,
      value: function pyimport(name) {
        const globals = pyodide.globals;
        if (typeof name === 'string' && globals && globals.has(name)) return globals.get(name);
        return pyodide.pyimport(name);
      },
    },
  });
}

// Copies of Python globals for js chunks: `await jodide.python.get(name)` (docs/interop.md). The same
// function serves Python on the frame's main thread and in the worker, so both modes give the same
// copies: numbers, strings, booleans and None as they are; buffers (bytes, bytearray, array.array,
// numpy arrays) as a typed array holding a copy of their bytes; other objects converted with
// toJs (lists to arrays, dicts to plain objects). No PyProxy escapes: nothing needs destroy().

/** A structured-clone copy of the Python global `name` of `globals` (pyodide.globals). */
export function copyPythonValue(globals, name) {
  if (!globals.has(name)) throw new Error(`Python has no global named ${JSON.stringify(name)}`);
  const value = globals.get(name);
  if (value === null || typeof value !== 'object' && typeof value !== 'function') return value;
  try {
    if (typeof value.getBuffer === 'function') {
      let view = null;
      try {
        view = value.getBuffer();
      } catch (notABuffer) {
        view = null;
      }
      if (view) {
        try {
          return view.data.slice();
        } finally {
          view.release();
        }
      }
    }
    if (typeof value.toJs === 'function') {
      return value.toJs({ dict_converter: Object.fromEntries, create_pyproxies: false });
    }
    return value;
  } finally {
    if (typeof value.destroy === 'function') value.destroy();
  }
}

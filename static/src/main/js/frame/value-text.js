// The one-line text of a JavaScript value the notebook made, for the console's description of a
// value and of what a chunk threw (js-evaluator.js), a record table's cells (record-table.js), errors
// nobody caught (uncaught-errors.js) and the workspace's previews (workspace.js): JSON where JSON
// can write it, else its String, else its kind; what was thrown reads the same wherever it is caught. Any of these may throw on a notebook's value (a
// cycle, a BigInt inside, an object without a prototype, a proxy that refuses every read); these
// functions never do, so a run always ends with a message.
//
//   objectText({ a: 1 })            // '{"a":1}'
//   objectText(cyclicWithoutProto)  // '[object Object]'
//   stringOf({ a: 1 })              // '[object Object]'
//   thrownText(new TypeError('x'))  // 'TypeError: x'
//   thrownText({ code: 5 })         // '{"code":5}'

export function objectText(value) {
  try {
    const json = JSON.stringify(value);
    if (json !== undefined) return json;
  } catch (notJson) {
    // A cycle, a BigInt inside, a refusing proxy: its String.
  }
  return stringOf(value);
}

/** `String(value)`, else its kind (no prototype to convert with, a toString that throws: see kindOf). */
export function stringOf(value) {
  try {
    return String(value);
  } catch (noString) {
    return kindOf(value);
  }
}

/** `Object.prototype.toString` of the value (`[object Object]`, `[object Array]`), else `[object]` (a revoked proxy, a refusing one). */
export function kindOf(value) {
  try {
    return Object.prototype.toString.call(value);
  } catch (noKind) {
    return '[object]';
  }
}

/** Whether `value` is an error as the console names it, `name: message` (an Error, a DOMException, Pyodide's PythonError). */
export function isErrorLike(value) {
  try {
    return value !== null && typeof value === 'object' && Boolean(value.name) && value.message !== undefined;
  } catch (refused) {
    return false; // A proxy whose traps throw.
  }
}

/**
 * The text of what a notebook threw, or rejected a promise with, the same for a chunk's run
 * (js-evaluator.js's formatError) and for an error nobody caught (uncaught-errors.js): an error's
 * `name: message`, a string as it is, anything else as objectText (`throw {code: 5}` reads
 * `{"code":5}`, not `[object Object]`).
 */
export function thrownText(thrown) {
  if (typeof thrown === 'string') return thrown;
  if (isErrorLike(thrown)) {
    try {
      return `${stringOf(thrown.name)}: ${stringOf(thrown.message)}`;
    } catch (refused) {
      // Read once by isErrorLike, refused now (a getter that changed its mind): read as a value.
    }
  }
  return objectText(thrown);
}

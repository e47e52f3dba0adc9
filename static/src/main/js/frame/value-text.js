// The one-line text of a JavaScript value the notebook made, for the console's description of a
// value and of what a chunk threw (js-evaluator.js), a record table's cells (record-table.js), errors
// nobody caught (uncaught-errors.js) and the workspace's previews (workspace.js): JSON where JSON
// can write it, else its String, else its kind. Any of these may throw on a notebook's value (a
// cycle, a BigInt inside, an object without a prototype, a proxy that refuses every read); these
// functions never do, so a run always ends with a message.
//
//   objectText({ a: 1 })            // '{"a":1}'
//   objectText(cyclicWithoutProto)  // '[object Object]'
//   stringOf({ a: 1 })              // '[object Object]'

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

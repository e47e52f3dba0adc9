// The one-line text of a JavaScript value the notebook made, for the console's description of a
// value and of what a chunk threw (js-evaluator.js), a record table's cells (record-table.js), errors
// nobody caught (uncaught-errors.js) and the workspace's previews (workspace.js): JSON-like text
// written only as far as it is shown (a 10-million-element array costs its first elements, not a
// serialization of all of it), else its String, else its kind; what was thrown reads the same
// wherever it is caught. Any of these may throw on a notebook's value (a getter, a BigInt, an object
// without a prototype, a proxy that refuses every read); these functions never do, so a run always
// ends with a message.
//
//   objectText({ a: 1 })            // '{"a":1}'
//   objectText(cyclic)              // '{"self":[Circular]}'
//   objectText(new Float64Array(1e7)) // 'Float64Array(10000000) [0,0,…' cut at VALUE_TEXT_LENGTH
//   stringOf({ a: 1 })              // '[object Object]'
//   thrownText(new TypeError('x'))  // 'TypeError: x'
//   thrownText({ code: 5 })         // '{"code":5}'

/** Longest text of a value the console shows, in UTF-16 code units; a longer one is cut, and says so. */
export const VALUE_TEXT_LENGTH = 10_000;

/** What ends a value's text cut at VALUE_TEXT_LENGTH. */
export const VALUE_CUT_MARKER = ` … [value cut: only its first ${VALUE_TEXT_LENGTH.toLocaleString('en-US')} characters are shown]`;

/** How deep the console's text of a value goes into nested objects and arrays. */
const VALUE_TEXT_DEPTH = 100;

/**
 * The text of an object or any other value, as the console shows it: boundedText, cut at
 * VALUE_TEXT_LENGTH with VALUE_CUT_MARKER; a value that refuses to be read gives its String, else
 * its kind.
 */
export function objectText(value) {
  let text;
  try {
    text = boundedText(value, VALUE_TEXT_LENGTH + 1, VALUE_TEXT_DEPTH);
  } catch (refused) {
    return stringOf(value); // A getter that throws, a proxy that refuses its keys.
  }
  return boundedPlainText(text);
}

/**
 * A value's plain text as the page shows it, from any kernel (a Jupyter server's too: kernel-bridge.js):
 * cut at VALUE_TEXT_LENGTH, with VALUE_CUT_MARKER, never between the two halves of a character
 * outside the BMP (an emoji).
 */
export function boundedPlainText(text) {
  if (text.length <= VALUE_TEXT_LENGTH) return text;
  const highSurrogateLast = /[\uD800-\uDBFF]/.test(text.charAt(VALUE_TEXT_LENGTH - 1));
  return text.slice(0, highSurrogateLast ? VALUE_TEXT_LENGTH - 1 : VALUE_TEXT_LENGTH) + VALUE_CUT_MARKER;
}

/**
 * A JSON-like text of `value` that stops once it is longer than `budget` (it may then end mid-way:
 * the caller cuts it). What JSON.stringify can write reads as it writes it (members that are
 * functions or undefined left out of objects and null in arrays, NaN null); beyond JSON it writes
 * `[Circular]`, typed arrays as `Float64Array(2) [1.5,2]`, `ArrayBuffer(8)`, Maps and Sets as
 * `Map(1) {"a" => 1}` and `Set(2) {1, 2}`, a RegExp as `/a+/g`, an error as `name: message`, BigInts by their
 * String, objects nested deeper than `maxDepth` as `{…}` or `[Array(n)]`, and a value that is not
 * in a container by its String (a function as `[Function: f]`). May throw (a getter, a refusing
 * proxy): callers catch.
 */
export function boundedText(value, budget, maxDepth, depth = 0, seen = new Set()) {
  if (typeof value === 'function') return `[Function: ${value.name || 'anonymous'}]`;
  if (typeof value === 'string') return JSON.stringify(value.length > budget ? value.slice(0, budget) : value);
  if (typeof value === 'number' && depth > 0 && !Number.isFinite(value)) return 'null';
  if (typeof value !== 'object' || value === null) return String(value);
  if (seen.has(value)) return '[Circular]';
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    const shown = Array.from(value.subarray(0, Math.min(value.length, budget)), String);
    return `${value.constructor.name}(${value.length}) [${shown.join(',')}]`;
  }
  if (value instanceof ArrayBuffer) return `ArrayBuffer(${value.byteLength})`;
  const special = specialText(value);
  if (special !== null) return special;
  if (value instanceof Map || value instanceof Set) return collectionText(value, budget, maxDepth, depth, seen);
  if (typeof value.toJSON === 'function') {
    // As JSON.stringify does (a Date's ISO text), and as far as it is shown (an immutable list's toJSON may be huge).
    const json = value.toJSON('');
    if (json !== value) return boundedText(json, budget, maxDepth, depth, seen);
  }
  if (depth >= maxDepth) return Array.isArray(value) ? `[Array(${value.length})]` : '{…}';
  seen.add(value);
  const isArray = Array.isArray(value);
  const parts = [];
  let length = 2;
  const keys = isArray ? null : Object.keys(value);
  const count = isArray ? value.length : keys.length;
  for (let i = 0; i < count && length <= budget; i++) {
    const item = isArray ? value[i] : value[keys[i]];
    const notJson = item === undefined || typeof item === 'function' || typeof item === 'symbol';
    if (notJson && !isArray) continue;
    const itemText = notJson ? 'null' : boundedText(item, budget - length, maxDepth, depth + 1, seen);
    const part = isArray ? itemText : `${JSON.stringify(keys[i])}:${itemText}`;
    parts.push(part);
    length += part.length + 1;
  }
  seen.delete(value);
  return isArray ? `[${parts.join(',')}]` : `{${parts.join(',')}}`;
}

/**
 * The text of an object JSON would write as `{}` though it is not empty: a RegExp as its source
 * (`/a+/g`), an error as `name: message`, a Python object without keys (a PyProxy) as Python's str
 * of it, and those whose contents cannot be listed (a WeakMap, a WeakSet, a Promise) by their kind;
 * null for any other.
 */
function specialText(value) {
  // A Python object (Pyodide's proxy, on the frame's thread) that JSON cannot see into (no keys, no
  // toJSON, unlike a list's or a dict's proxy): Python's str of it.
  if (kindOf(value) === '[object PyProxy]' && typeof value.toJSON !== 'function' && Object.keys(value).length === 0) {
    return stringOf(value);
  }
  if (value instanceof RegExp) return String(value);
  if (value instanceof Error) return errorText(value);
  if (value instanceof WeakMap || value instanceof WeakSet || value instanceof Promise) return `${value.constructor.name} {…}`;
  return null;
}

/**
 * A Map as `Map(2) {"a" => 1, "b" => [2]}` and a Set as `Set(2) {1, "x"}`, as browsers' consoles
 * write them (with JSON's quotes), as far as `budget`; `Map(2) {…}` deeper than `maxDepth`.
 */
function collectionText(collection, budget, maxDepth, depth, seen) {
  const isMap = collection instanceof Map;
  const head = `${isMap ? 'Map' : 'Set'}(${collection.size}) `;
  if (depth >= maxDepth) return `${head}{…}`;
  seen.add(collection);
  const parts = [];
  let length = head.length + 2;
  for (const entry of collection) {
    if (length > budget) break;
    const part = isMap
      ? `${boundedText(entry[0], budget - length, maxDepth, depth + 1, seen)} => ${boundedText(entry[1], budget - length, maxDepth, depth + 1, seen)}`
      : boundedText(entry, budget - length, maxDepth, depth + 1, seen);
    parts.push(part);
    length += part.length + 2;
  }
  seen.delete(collection);
  return `${head}{${parts.join(', ')}}`;
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

/**
 * An error's text as the console names it, `name: message` (an Error, a DOMException, Pyodide's
 * PythonError), or null when `value` is no error or refuses to be read as one (a proxy whose traps
 * throw).
 */
export function errorText(value) {
  try {
    if (value === null || typeof value !== 'object' || !value.name || value.message === undefined) return null;
    return `${stringOf(value.name)}: ${stringOf(value.message)}`;
  } catch (refused) {
    return null;
  }
}

/**
 * The text of what a notebook threw, or rejected a promise with, the same for a chunk's run
 * (js-evaluator.js's formatError) and for an error nobody caught (uncaught-errors.js): an error's
 * `name: message` (errorText), a string as it is, anything else as objectText (`throw {code: 5}`
 * reads `{"code":5}`, not `[object Object]`).
 */
export function thrownText(thrown) {
  if (typeof thrown === 'string') return thrown;
  return errorText(thrown) ?? objectText(thrown);
}

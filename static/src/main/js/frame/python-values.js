// Copies of Python globals for js chunks: `await jodide.python.get(name)` (docs/interop.md). The same
// function serves Python on the frame's main thread and in the worker, so both modes give the same
// copies: numbers, strings, booleans and None as they are; buffers (bytes, bytearray, array.array,
// numpy arrays) as a typed array holding a copy of their bytes; other objects converted with
// toJs (lists to arrays, dicts to plain objects). No PyProxy escapes: nothing needs destroy().

/** What `jodide.python.get` rejects with for a name Python has no global of (Pyodide's or MicroPython's). */
export function missingGlobal(name) {
  return new Error(`Python has no global named ${JSON.stringify(name)}`);
}

/** The values that have a JavaScript copy, for the error about one that has none (here and on a Jupyter server: jupyter/global-value.js). */
export const VALUES_WITH_A_COPY = 'None, bools, numbers, strings, lists, tuples, dicts, sets, '
  + 'and buffers such as bytes, array.array or numpy arrays';

/** The error for Python's `name` that has no JavaScript copy, `why` said in the user's terms (noCopyOfType). */
export function noCopy(name, why, cause = undefined) {
  return new Error(`Python's "${name}" has no JavaScript copy: ${why}`, cause === undefined ? undefined : { cause });
}

/** Why a value of the type named has no copy (a value inside a container when the name is null). */
export function noCopyOfType(typeName) {
  return `it holds ${typeName === null ? 'a value' : `a ${typeName}`}, which is none of the values that have one (${VALUES_WITH_A_COPY})`;
}

/** Why Python's `name` has no copy: Pyodide's ConversionError, said in the user's terms. */
function conversionRefused(name, typeName, conversionError) {
  const said = String(conversionError?.message ?? conversionError).replace(/^[\s\S]*ConversionError: /, '').trim();
  const why = /^No conversion known for/.test(said) ? noCopyOfType(CONTAINERS.has(typeName) ? null : typeName) : said;
  return noCopy(name, why, conversionError);
}

/** Types whose own conversion is known: when one fails, what has none is inside it. */
const CONTAINERS = new Set(['list', 'tuple', 'dict', 'set', 'frozenset']);

/** A structured-clone copy of the Python global `name` of `globals` (pyodide.globals). */
export function copyPythonValue(globals, name) {
  if (!globals.has(name)) throw missingGlobal(name);
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
      try {
        return value.toJs({ dict_converter: Object.fromEntries, create_pyproxies: false });
      } catch (error) {
        if (error?.name === 'ConversionError' || /ConversionError/.test(String(error?.message))) throw conversionRefused(name, value.type, error);
        throw error;
      }
    }
    return value;
  } finally {
    if (typeof value.destroy === 'function') value.destroy();
  }
}

/**
 * Buffers at least this large leave the worker by transfer (a second copy of 100 MiB costs
 * tens of ms); smaller values travel with the call's answer.
 */
export const HANDOVER_MIN_BYTES = 64 * 1024;

let nextHandover = 1;

/** The two shapes of an answer to `jodide.python.get` from the worker: the value itself, or the id of a buffer handed over. */
const ANSWER_VALUE = 0;
const ANSWER_HANDED_OVER = 1;

/**
 * Worker side of `jodide.python.get`: wraps the copy for the answer. A large typed array (a copy
 * made for this call) is sent first with `send(id, view)`, which transfers its memory to the
 * frame, and the answer names it; anything else is in the answer.
 */
export function handOverLargeBuffer(value, send) {
  if (!ArrayBuffer.isView(value) || value instanceof DataView || value.byteLength < HANDOVER_MIN_BYTES) {
    return [ANSWER_VALUE, value];
  }
  const id = nextHandover++;
  send(id, value);
  return [ANSWER_HANDED_OVER, id];
}

/** Frame side: the value an answer of handOverLargeBuffer stands for, a handed-over buffer taken out of `received` (id → view). */
export function takeHandedOver(answer, received) {
  const [kind, payload] = answer;
  if (kind === ANSWER_VALUE) return payload;
  const view = received.get(payload);
  received.delete(payload);
  if (view === undefined) throw new Error(`the Python worker's buffer ${payload} never arrived`);
  return view;
}

// A copy of one of a remote IPython kernel's globals, for a js chunk's `await jodide.python.get(name)`
// while the notebook's Python runs on a Jupyter server (docs/interop.md, "JavaScript reads Python"):
// a helper called silently (helper-call.js) returns it as an IPython.display.JSON.
//
//   await readGlobal(kernel, 'total')   // {value: 42}: the encoded copy, which frame/python-copies.js decodes
//
// The encoding is JSON, with what JSON lacks written as objects marked by a "$jodide" key (the spec of
// both sides; frame/python-copies.js decodes it, and a node test runs this helper in a real kernel):
//   None, bools, strings, finite floats, ints within ±(2**53 - 1)   as themselves
//   other ints                  {"$jodide": "int", "digits": "1180591620717411303424"}   → a BigInt
//   nan, inf, -inf              {"$jodide": "float", "value": "nan"}                      → NaN, ±Infinity
//   lists, tuples               arrays
//   dicts (keys str or int)     objects (int keys written as strings); one with a "$jodide" key
//                               {"$jodide": "dict", "entries": [[key, value], ...]}
//   sets, frozensets            {"$jodide": "set", "items": [...]}                        → a Set
//   buffers (bytes, bytearray, memoryview, array.array, numpy arrays: anything with the buffer
//   protocol and a numeric format)
//                               {"$jodide": "buffer", "type": "float8", "base64": "..."}  → a typed array
//   numpy scalars               as the Python number they hold
// Anything else fails with the name of its type, as Pyodide's conversion fails in the browser.

import { VALUES_WITH_A_COPY } from '../frame/python-values.js';
import { callHelper, jsonOf } from './helper-call.js';

/** The helper's name: a leading underscore and in user_ns_hidden, so no variable listing shows it. */
const HELPER = '_jodide_global';

const HELPER_SOURCE = `
def ${HELPER}(name):
    import base64, math, numbers
    from IPython import get_ipython
    from IPython.display import JSON
    namespace = get_ipython().user_ns
    if name not in namespace:
        raise NameError('Python has no global named "%s"' % name)
    mark = '$jodide'
    kinds = dict([(letter, 'int') for letter in 'bhilqn'] + [(letter, 'uint') for letter in 'BHILQNc?']
                 + [('f', 'float'), ('d', 'float')])
    shown = ${JSON.stringify(VALUES_WITH_A_COPY)}

    def no_copy(value, why=None):
        return TypeError('Python\\'s "%s" has no JavaScript copy: %s' % (
            name, why or 'it holds a %s, which is none of the values that have one (%s)' % (type(value).__name__, shown)))

    def buffer_of(value):
        try:
            view = memoryview(value)
        except TypeError:
            return None
        letter = view.format.lstrip('@=<')
        if letter not in kinds:
            raise no_copy(value, 'its buffer holds items of format %r, which no typed array has' % view.format)
        return {mark: 'buffer', 'type': '%s%d' % (kinds[letter], view.itemsize),
                'base64': base64.b64encode(view.tobytes()).decode('ascii')}

    def encode(value, depth):
        if depth > 100:
            raise no_copy(value, 'it is nested more than 100 levels deep (or holds itself)')
        if value is None or isinstance(value, (bool, str)):
            return value
        if getattr(value, 'ndim', None) == 0 and callable(getattr(value, 'item', None)):
            return encode(value.item(), depth + 1)
        if isinstance(value, numbers.Integral):
            whole = int(value)
            return whole if abs(whole) <= 2 ** 53 - 1 else {mark: 'int', 'digits': str(whole)}
        if isinstance(value, numbers.Real):
            real = float(value)
            return real if math.isfinite(real) else {mark: 'float', 'value': repr(real)}
        if isinstance(value, (list, tuple)):
            return [encode(item, depth + 1) for item in value]
        if isinstance(value, (set, frozenset)):
            return {mark: 'set', 'items': [encode(item, depth + 1) for item in value]}
        if isinstance(value, dict):
            entries = []
            for key, item in value.items():
                if isinstance(key, bool) or not isinstance(key, (str, int)):
                    raise no_copy(value, 'a dict key %r is neither a string nor an int' % (key,))
                entries.append([str(key), encode(item, depth + 1)])
            if mark in value:
                return {mark: 'dict', 'entries': entries}
            return dict(entries)
        buffer = buffer_of(value)
        if buffer is not None:
            return buffer
        raise no_copy(value)

    return JSON({'value': encode(namespace[name], 0)})
get_ipython().user_ns_hidden[${JSON.stringify(HELPER)}] = ${HELPER}
`;

/** The kernel answered that the global cannot be read (there is none, or it has no copy): its message is for the user as it is. */
export class UnreadableGlobal extends Error {
  constructor(message) {
    super(message);
    this.name = 'UnreadableGlobal';
  }
}

/**
 * The encoded copy ({value}) of the kernel's global `name`; rejects with UnreadableGlobal when the
 * kernel says why it cannot (no such global, no copy), else with what went wrong.
 */
export async function readGlobal(kernel, name) {
  const result = await callHelper(kernel, HELPER_SOURCE, `${HELPER}(${JSON.stringify(String(name))})`, 'read its variables');
  if (result.status !== 'ok') {
    // The helper's own errors say what is wrong in the user's terms; anything else keeps its type.
    const ours = result.ename === 'NameError' || result.ename === 'TypeError';
    throw ours ? new UnreadableGlobal(result.evalue) : new Error(`${result.ename}: ${result.evalue ?? ''}`);
  }
  const copy = jsonOf(result);
  if (copy === null || typeof copy !== 'object' || !('value' in copy)) {
    throw new Error('The kernel could not copy the variable: it is not an IPython kernel (no application/json result).');
  }
  return copy;
}

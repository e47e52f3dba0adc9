// A copy of a Python global sent as JSON, decoded for a js chunk: the values `await
// jodide.python.get(name)` gives when Pyodide runs in the browser (python-values.js), from the JSON
// that a Jupyter server's helper (jupyter/global-value.js, whose header is the encoding's spec) and
// MicroPython's kernel (micropython/kernel.py, _jodide_get) write.
//
//   decodePythonCopy({ value: [1, { $jodide: 'set', items: [2] }] }, 'The Jupyter server')   // [1, Set {2}]
//
// None is `undefined`, as Pyodide's conversion makes it (a JSON null in a dict keeps its key).

const MARK = '$jodide';

/** The typed array for each buffer type the encoder names: kind and item size in bytes. */
const TYPED_ARRAYS = Object.freeze({
  int1: Int8Array, int2: Int16Array, int4: Int32Array, int8: BigInt64Array,
  uint1: Uint8Array, uint2: Uint16Array, uint4: Uint32Array, uint8: BigUint64Array,
  float4: Float32Array, float8: Float64Array,
});

/**
 * The js value of an encoded copy ({value}, as the kernel's helper returns it); `sender` names who
 * wrote it in the errors about a copy that is not in the encoding ("The Jupyter server sent …").
 */
export function decodePythonCopy(copy, sender) {
  if (copy === null || typeof copy !== 'object' || !('value' in copy)) {
    throw new Error(`${sender} sent no copy of the variable`);
  }
  return new CopyDecoder(sender).decode(copy.value);
}

/** Decodes the values of one copy, naming its sender in what it refuses. */
class CopyDecoder {
  constructor(sender) {
    this.sender = sender;
    /** What each marked object decodes to, by its "$jodide" kind. */
    this.marked = {
      int: ({ digits }) => BigInt(digits),
      float: ({ value }) => ({ nan: NaN, inf: Infinity, '-inf': -Infinity })[value] ?? Number(value),
      set: ({ items }) => new Set(items.map((item) => this.decode(item))),
      dict: ({ entries }) => Object.fromEntries(entries.map(([key, value]) => [key, this.decode(value)])),
      buffer: ({ type, base64 }) => this.typedArrayOf(type, base64),
    };
  }

  decode(value) {
    if (value === null) return undefined;
    if (Array.isArray(value)) return value.map((item) => this.decode(item));
    if (typeof value !== 'object') return value;
    if (Object.hasOwn(value, MARK)) {
      const decoder = Object.hasOwn(this.marked, value[MARK]) ? this.marked[value[MARK]] : null;
      if (!decoder) throw new Error(`${this.sender} sent a copy of an unknown kind: ${JSON.stringify(value[MARK])}`);
      return decoder(value);
    }
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, this.decode(item)]));
  }

  typedArrayOf(type, base64) {
    const TypedArray = Object.hasOwn(TYPED_ARRAYS, type) ? TYPED_ARRAYS[type] : null;
    if (!TypedArray) throw new Error(`${this.sender} sent a buffer of an unknown type: ${JSON.stringify(type)}`);
    const bytes = bytesOf(base64);
    if (bytes.length % TypedArray.BYTES_PER_ELEMENT !== 0) {
      throw new Error(`${this.sender} sent ${bytes.length} bytes for ${TypedArray.name}s of ${TypedArray.BYTES_PER_ELEMENT}`);
    }
    return new TypedArray(bytes.buffer, 0, bytes.length / TypedArray.BYTES_PER_ELEMENT);
  }
}

function bytesOf(base64) {
  if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(base64);
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

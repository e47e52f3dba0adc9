// A copy of a Python global read from a Jupyter server, decoded for a js chunk: the values
// `await jodide.python.get(name)` gives when Python runs in the browser (python-values.js), from the
// JSON that jupyter/global-value.js encodes (its header is the encoding's spec).
//
//   decodeServerValue({ value: [1, { $jodide: 'set', items: [2] }] })   // [1, Set {2}]
//
// None is `undefined`, as Pyodide's conversion makes it (a JSON null in a dict keeps its key).

const MARK = '$jodide';

/** The typed array for each buffer type the encoder names: kind and item size in bytes. */
const TYPED_ARRAYS = Object.freeze({
  int1: Int8Array, int2: Int16Array, int4: Int32Array, int8: BigInt64Array,
  uint1: Uint8Array, uint2: Uint16Array, uint4: Uint32Array, uint8: BigUint64Array,
  float4: Float32Array, float8: Float64Array,
});

/** What each marked object decodes to, by its "$jodide" kind. */
const MARKED = Object.freeze({
  int: ({ digits }) => BigInt(digits),
  float: ({ value }) => ({ nan: NaN, inf: Infinity, '-inf': -Infinity })[value] ?? Number(value),
  set: ({ items }) => new Set(items.map(decode)),
  dict: ({ entries }) => Object.fromEntries(entries.map(([key, value]) => [key, decode(value)])),
  buffer: ({ type, base64 }) => typedArrayOf(type, base64),
});

/** The js value of an encoded copy ({value}, as the kernel's helper returns it). */
export function decodeServerValue(copy) {
  if (copy === null || typeof copy !== 'object' || !('value' in copy)) {
    throw new Error('The Jupyter server sent no copy of the variable');
  }
  return decode(copy.value);
}

function decode(value) {
  if (value === null) return undefined;
  if (Array.isArray(value)) return value.map(decode);
  if (typeof value !== 'object') return value;
  if (Object.hasOwn(value, MARK)) {
    const decoder = MARKED[value[MARK]];
    if (!decoder) throw new Error(`The Jupyter server sent a copy of an unknown kind: ${JSON.stringify(value[MARK])}`);
    return decoder(value);
  }
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, decode(item)]));
}

function typedArrayOf(type, base64) {
  const TypedArray = TYPED_ARRAYS[type];
  if (!TypedArray) throw new Error(`The Jupyter server sent a buffer of an unknown type: ${JSON.stringify(type)}`);
  const bytes = bytesOf(base64);
  if (bytes.length % TypedArray.BYTES_PER_ELEMENT !== 0) {
    throw new Error(`The Jupyter server sent ${bytes.length} bytes for ${TypedArray.name}s of ${TypedArray.BYTES_PER_ELEMENT}`);
  }
  return new TypedArray(bytes.buffer, 0, bytes.length / TypedArray.BYTES_PER_ELEMENT);
}

function bytesOf(base64) {
  if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(base64);
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

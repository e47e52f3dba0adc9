// frame/server-values.js: the copies of a Jupyter server's Python globals that js chunks get, decoded
// from jupyter/global-value.js's encoding (its header is the spec; jupyter-remote-kernel.test.js
// encodes real values in a real kernel and decodes them here).
import test from 'node:test';
import assert from 'node:assert/strict';
import { decodeServerValue } from '../../main/js/frame/server-values.js';

const base64Of = (typedArray) => Buffer.from(typedArray.buffer, typedArray.byteOffset, typedArray.byteLength).toString('base64');

test('JSON values are themselves; None is undefined, as Pyodide converts it, and a dict keeps its key', () => {
  assert.equal(decodeServerValue({ value: 42 }), 42);
  assert.equal(decodeServerValue({ value: 'text' }), 'text');
  assert.equal(decodeServerValue({ value: null }), undefined);
  const dict = decodeServerValue({ value: { a: [1, null, true], b: null } });
  assert.deepEqual(dict, { a: [1, undefined, true], b: undefined });
  assert.ok(Object.hasOwn(dict, 'b'));
});

test('marked values: big ints, non-finite floats, sets, dicts with the mark as a key', () => {
  assert.equal(decodeServerValue({ value: { $jodide: 'int', digits: '-1180591620717411303424' } }), -1180591620717411303424n);
  assert.ok(Number.isNaN(decodeServerValue({ value: { $jodide: 'float', value: 'nan' } })));
  assert.equal(decodeServerValue({ value: { $jodide: 'float', value: '-inf' } }), -Infinity);
  assert.deepEqual(decodeServerValue({ value: { $jodide: 'set', items: [1, 'a'] } }), new Set([1, 'a']));
  assert.deepEqual(decodeServerValue({ value: { $jodide: 'dict', entries: [['$jodide', 1], ['x', { $jodide: 'set', items: [] }]] } }),
    { $jodide: 1, x: new Set() });
});

test('buffers become the typed array of their item type, holding their bytes', () => {
  const doubles = new Float64Array([1.5, -2, 1e300]);
  const decoded = decodeServerValue({ value: { $jodide: 'buffer', type: 'float8', base64: base64Of(doubles) } });
  assert.ok(decoded instanceof Float64Array);
  assert.deepEqual([...decoded], [1.5, -2, 1e300]);
  assert.deepEqual(decodeServerValue({ value: { $jodide: 'buffer', type: 'uint1', base64: 'AP8=' } }), new Uint8Array([0, 255]));
  const longs = decodeServerValue({ value: { $jodide: 'buffer', type: 'int8', base64: base64Of(new BigInt64Array([-3n])) } });
  assert.deepEqual([...longs], [-3n]);
  assert.deepEqual([...decodeServerValue({ value: { $jodide: 'buffer', type: 'int2', base64: base64Of(new Int16Array([1, -2])) } })], [1, -2]);
});

test('what it cannot decode is an error that says what came', () => {
  assert.throws(() => decodeServerValue({}), /no copy of the variable/);
  assert.throws(() => decodeServerValue({ value: { $jodide: 'complex' } }), /unknown kind: "complex"/);
  assert.throws(() => decodeServerValue({ value: { $jodide: 'buffer', type: 'float2', base64: '' } }), /unknown type: "float2"/);
  assert.throws(() => decodeServerValue({ value: { $jodide: 'buffer', type: 'float8', base64: 'AP8=' } }), /2 bytes for Float64Arrays of 8/);
});

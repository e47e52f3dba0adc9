// frame/python-copies.js: the copies of Python globals that js chunks get from a Jupyter server or from
// MicroPython, decoded from jupyter/global-value.js's encoding (its header is the spec;
// jupyter-remote-kernel.test.js encodes real values in a real kernel, micropython-kernel.test.js in
// the real MicroPython port, and both decode them here).
import test from 'node:test';
import assert from 'node:assert/strict';
import { decodePythonCopy } from '../../main/js/frame/python-copies.js';

const SERVER = 'The Jupyter server';
const base64Of = (typedArray) => Buffer.from(typedArray.buffer, typedArray.byteOffset, typedArray.byteLength).toString('base64');

test('JSON values are themselves; None is undefined, as Pyodide converts it, and a dict keeps its key', () => {
  assert.equal(decodePythonCopy({ value: 42 }, SERVER), 42);
  assert.equal(decodePythonCopy({ value: 'text' }, SERVER), 'text');
  assert.equal(decodePythonCopy({ value: null }, SERVER), undefined);
  const dict = decodePythonCopy({ value: { a: [1, null, true], b: null } }, SERVER);
  assert.deepEqual(dict, { a: [1, undefined, true], b: undefined });
  assert.ok(Object.hasOwn(dict, 'b'));
});

test('marked values: big ints, non-finite floats, sets, dicts with the mark as a key', () => {
  assert.equal(decodePythonCopy({ value: { $jodide: 'int', digits: '-1180591620717411303424' } }, SERVER), -1180591620717411303424n);
  assert.ok(Number.isNaN(decodePythonCopy({ value: { $jodide: 'float', value: 'nan' } }, SERVER)));
  assert.equal(decodePythonCopy({ value: { $jodide: 'float', value: '-inf' } }, SERVER), -Infinity);
  assert.deepEqual(decodePythonCopy({ value: { $jodide: 'set', items: [1, 'a'] } }, SERVER), new Set([1, 'a']));
  assert.deepEqual(decodePythonCopy({ value: { $jodide: 'dict', entries: [['$jodide', 1], ['x', { $jodide: 'set', items: [] }]] } }, SERVER),
    { $jodide: 1, x: new Set() });
});

test('buffers become the typed array of their item type, holding their bytes', () => {
  const doubles = new Float64Array([1.5, -2, 1e300]);
  const decoded = decodePythonCopy({ value: { $jodide: 'buffer', type: 'float8', base64: base64Of(doubles) } }, SERVER);
  assert.ok(decoded instanceof Float64Array);
  assert.deepEqual([...decoded], [1.5, -2, 1e300]);
  assert.deepEqual(decodePythonCopy({ value: { $jodide: 'buffer', type: 'uint1', base64: 'AP8=' } }, SERVER), new Uint8Array([0, 255]));
  const longs = decodePythonCopy({ value: { $jodide: 'buffer', type: 'int8', base64: base64Of(new BigInt64Array([-3n])) } }, SERVER);
  assert.deepEqual([...longs], [-3n]);
  assert.deepEqual([...decodePythonCopy({ value: { $jodide: 'buffer', type: 'int2', base64: base64Of(new Int16Array([1, -2])) } }, SERVER)], [1, -2]);
});

test('what it cannot decode is an error that says what came', () => {
  assert.throws(() => decodePythonCopy({}, SERVER), /^Error: The Jupyter server sent no copy of the variable$/);
  assert.throws(() => decodePythonCopy({ value: { $jodide: 'toString' } }, 'MicroPython'), /^Error: MicroPython sent a copy of an unknown kind: "toString"$/,
    'a kind is looked up among the kinds only, not what every object inherits');
  assert.throws(() => decodePythonCopy({ value: { $jodide: 'complex' } }, SERVER), /unknown kind: "complex"/);
  assert.throws(() => decodePythonCopy({ value: { $jodide: 'buffer', type: 'float2', base64: '' } }, SERVER), /unknown type: "float2"/);
  assert.throws(() => decodePythonCopy({ value: { $jodide: 'buffer', type: 'float8', base64: 'AP8=' } }, SERVER), /2 bytes for Float64Arrays of 8/);
});

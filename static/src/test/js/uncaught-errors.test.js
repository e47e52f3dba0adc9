// What the eval frame tells the editor about errors nobody caught (uncaught-errors.js).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeUncaught, watchUncaughtErrors } from '../../main/js/frame/uncaught-errors.js';

test('an error thrown by a chunk names the chunk and its notebook lines', () => {
  const error = new Error('late failure');
  error.stack = 'Error: late failure\n    at http://x/js-chunk-at-line-3.js:5:11\n    at setTimeout (native)';
  const { source, text } = describeUncaught('error', error, 'Uncaught Error: late failure', '');
  assert.equal(source, 'js chunk at line 3');
  assert.equal(text, 'Uncaught Error: late failure\n    at js chunk at line 3, notebook line 5, column 11');
});

test('a rejection with a value that is not an error still says what it was', () => {
  assert.deepEqual(describeUncaught('rejection', 'plain text'),
      { source: '', text: 'Unhandled promise rejection: plain text' });
  assert.deepEqual(describeUncaught('rejection', undefined),
      { source: '', text: 'Unhandled promise rejection: unknown error' });
});

test('a rejection with a value that refuses to be read still says what it could', () => {
  const withoutPrototype = Object.create(null);
  const refusing = new Proxy({}, { get() { throw new Error('no'); } });
  const { proxy: revoked, revoke } = Proxy.revocable({}, {});
  revoke();
  assert.deepEqual(describeUncaught('rejection', withoutPrototype),
      { source: '', text: 'Unhandled promise rejection: {}' });
  assert.deepEqual(describeUncaught('rejection', refusing), { source: '', text: 'Unhandled promise rejection: [object]' });
  assert.deepEqual(describeUncaught('error', revoked), { source: '', text: 'Uncaught [object]' });
});

test('what was thrown reads as it does when a chunk\'s run catches it (formatError)', () => {
  assert.deepEqual(describeUncaught('rejection', { code: 5 }), { source: '', text: 'Unhandled promise rejection: {"code":5}' });
  assert.deepEqual(describeUncaught('error', [1, 2], 'Uncaught 1,2', ''), { source: '', text: 'Uncaught [1,2]' });
  assert.deepEqual(describeUncaught('rejection', new RangeError('too far')),
      { source: '', text: 'Unhandled promise rejection: RangeError: too far' });
});

test('without a stack, the script URL of the event attributes the error', () => {
  const { source, text } = describeUncaught('error', 'boom', 'Uncaught boom', 'js-console-input.js:1:1');
  assert.equal(source, 'js console input');
  assert.equal(text, 'Uncaught boom');
});

test('an error event with neither error nor message (a failed resource) is not reported', () => {
  const listeners = {};
  const reported = [];
  watchUncaughtErrors({ addEventListener: (type, listener) => { listeners[type] = listener; } },
      (source, text) => reported.push([source, text]));
  listeners.error({});
  listeners.unhandledrejection({ reason: new TypeError('x is not a function') });
  assert.deepEqual(reported, [['', 'Unhandled promise rejection: TypeError: x is not a function']]);
});

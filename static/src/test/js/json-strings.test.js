// json-strings.js: the protocol's JSON strings done by the engine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { quoteJson, unquoteJson, joinParts } from '../../main/js/page/json-strings.js';

test('a string with quotes, backslashes, line feeds, control characters and U+2028 goes there and back', () => {
  const value = 'a "b" \\ c\nd\te\u0001f\u2028g é 😀';
  const quoted = quoteJson(value);
  assert.equal(unquoteJson('{"k":' + quoted + '}', 5, 5 + quoted.length), value);
});

test('what is not a JSON string literal reads as null, never throws', () => {
  assert.equal(unquoteJson('"bad \\q escape"', 0, 15), null);
  assert.equal(unquoteJson('"unterminated', 0, 13), null);
  assert.equal(unquoteJson('12', 0, 2), null, 'a number is no string');
});

test('parts are joined in order', () => {
  assert.equal(joinParts(['{', '"a"', ':', '1', '}']), '{"a":1}');
  assert.equal(joinParts([]), '');
});

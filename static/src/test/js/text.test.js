// text.js: text operations for long output.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countLineFeeds, lastLineFeed, lineFeedFrom, mayHoldEscapes, movesTheCursor, nthLineFeed, slice } from '../../main/js/page/text.js';

test('line feeds are counted, found from a place, and the n-th one located', () => {
  assert.equal(countLineFeeds('a\nb\n\nc'), 3);
  assert.equal(countLineFeeds(''), 0);
  assert.equal(lineFeedFrom('ab\ncd\n', 3), 5);
  assert.equal(lineFeedFrom('ab', 0), -1);
  assert.deepEqual(nthLineFeed('a\nb\nc\n', 2), { at: 3, counted: 2 });
  assert.deepEqual(nthLineFeed('a\nb', 5), { at: 1, counted: 1 }, 'fewer line feeds than asked: the last one');
  assert.deepEqual(nthLineFeed('ab', 1), { at: -1, counted: 0 });
});

test('the last line feed is found, and a carriage return or a backspace noticed', () => {
  assert.equal(lastLineFeed('a\nb\nc'), 3);
  assert.equal(lastLineFeed('abc'), -1);
  assert.equal(movesTheCursor('50%\r'), true);
  assert.equal(movesTheCursor('|\b/'), true);
  assert.equal(movesTheCursor('a\nb'), false);
});

test('text that may hold an escape sequence is told from plain text', () => {
  assert.equal(mayHoldEscapes('\x1b[31mred\x1b[0m'), true);
  assert.equal(mayHoldEscapes('\x9b1m'), true);
  assert.equal(mayHoldEscapes('plain [31m\r\n'), false);
});

test('slice takes the text between two places', () => {
  assert.equal(slice('hello world', 6, 11), 'world');
});

// The special characters the editor marks: CodeMirror's MatchDecorator throws on a regular
// expression without the "g" flag, and the plugin then marks nothing at all.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MatchDecorator } from '@codemirror/view';
import { SPECIAL_BUT_CR } from '../../main/js/editor/carriage-returns.js';

test('the special characters regex can drive a MatchDecorator', () => {
  assert.ok(SPECIAL_BUT_CR.global, 'the g flag');
  assert.doesNotThrow(() => new MatchDecorator({ regexp: SPECIAL_BUT_CR, decoration: () => null }));
});

test('bidi overrides, zero-width spaces and control characters are special; "\\r" is left to carriage-returns.js', () => {
  for (const special of ['\u202e', '\u200b', '\u0000', '\u0007', '\u2066', '\ufeff']) {
    assert.ok(new RegExp(SPECIAL_BUT_CR.source, 'u').test(special), JSON.stringify(special));
  }
  assert.ok(!new RegExp(SPECIAL_BUT_CR.source, 'u').test('\r'));
  assert.ok(!new RegExp(SPECIAL_BUT_CR.source, 'u').test('plain text'));
});

// Enter in the notebook editor indents as each chunk's own language does, also on the document's
// last line (iomd-language.js's indentAtTheEnd), with CodeMirror's own insertNewlineAndIndent.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EditorSelection, EditorState } from '@codemirror/state';
import { insertNewlineAndIndent } from '@codemirror/commands';
import { iomd } from '../../main/js/editor/iomd-language.js';
import { fourSpaceIndent } from '../../main/js/editor/indentation.js';
import { loadLanguages } from '../../main/js/editor/lazy-languages.js';

// In the page the editor reconfigures itself when the languages arrive; a state alone is made after.
await loadLanguages();

/** The text after Enter is pressed where `|` stands in `text`, in an editor set up as the notebook's. */
function enterAt(text) {
  const at = text.indexOf('|');
  const state = EditorState.create({
    doc: text.slice(0, at) + text.slice(at + 1),
    selection: EditorSelection.cursor(at),
    extensions: [iomd(), fourSpaceIndent],
  });
  let after = null;
  insertNewlineAndIndent({ state, dispatch: (transaction) => { after = transaction.state; } });
  const doc = after.doc.toString();
  const cursor = after.selection.main.head;
  return doc.slice(0, cursor) + '|' + doc.slice(cursor);
}

test('a Python block at the end of the notebook goes on indented, as in the middle', () => {
  assert.equal(enterAt('%% py\ndef f(x):\n    y = 2 * 3|'), '%% py\ndef f(x):\n    y = 2 * 3\n    |');
  assert.equal(enterAt('%% py\ndef f(x):\n    y = 2 * 3|\n'), '%% py\ndef f(x):\n    y = 2 * 3\n    |\n');
  assert.equal(enterAt('%% py\ndef f(x):\n    y = 2 * 3|\n%% md\n# After\n'),
    '%% py\ndef f(x):\n    y = 2 * 3\n    |\n%% md\n# After\n');
  assert.equal(enterAt('%% py\nfor i in range(3):\n    if i:\n        print(i)|'),
    '%% py\nfor i in range(3):\n    if i:\n        print(i)\n        |');
});

test('after a colon at the end of the notebook the next line opens a level', () => {
  assert.equal(enterAt('%% py\ndef f(x):|'), '%% py\ndef f(x):\n    |');
  assert.equal(enterAt('%% md\n# Notes\n%% py\nwith open("a") as f:|'), '%% md\n# Notes\n%% py\nwith open("a") as f:\n    |');
});

test('a line at the top level stays at the top level, and other languages indent as theirs', () => {
  assert.equal(enterAt('%% py\nx = 1|'), '%% py\nx = 1\n|');
  assert.equal(enterAt('%% js\nif (x) {\n    y();|'), '%% js\nif (x) {\n    y();\n    |');
  assert.equal(enterAt('%% md\nSome text|'), '%% md\nSome text\n|');
  assert.equal(enterAt('|'), '\n|');
});

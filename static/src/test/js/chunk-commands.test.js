// editor/chunk-commands.js: Jupyter's insert-below and split-cell on a notebook's text.
import test from 'node:test';
import assert from 'node:assert/strict';
import { EditorState } from '@codemirror/state';
import { insertChunkBelow, splitChunk } from '../../main/js/editor/chunk-commands.js';

/** A stand-in for an EditorView: its state, updated by dispatch. `|` in `text` is the cursor. */
function viewOf(text) {
  const cursor = text.indexOf('|');
  const view = { state: EditorState.create({ doc: text.replace('|', ''), selection: { anchor: cursor } }) };
  view.dispatch = (spec) => { view.state = view.state.update(spec).state; };
  return view;
}

/** The view's text with `|` at its cursor. */
function shown(view) {
  const text = view.state.doc.toString();
  const at = view.state.selection.main.head;
  return `${text.slice(0, at)}|${text.slice(at)}`;
}

test('a chunk of the same language goes below the chunk at the cursor, the cursor in its body', () => {
  const view = viewOf('%% md\n# Title\n\n%% py\nx = |1\n\n%% js\n1\n');
  assert.equal(insertChunkBelow(view), true);
  assert.equal(shown(view), '%% md\n# Title\n\n%% py\nx = 1\n\n%% py\n|\n%% js\n1\n');
});

test('below the last chunk, after a blank line, whatever the text ends with', () => {
  for (const [before, after] of [
    ['%% py\nx = 1|', '%% py\nx = 1\n\n%% py\n|'],
    ['%% py\nx = 1|\n', '%% py\nx = 1\n\n%% py\n|'],
    ['%% py\nx = 1\n\n|', '%% py\nx = 1\n\n%% py\n|'],
    ['|', '%% py\n|'],
  ]) {
    const view = viewOf(before);
    insertChunkBelow(view);
    assert.equal(shown(view), after, JSON.stringify(before));
  }
});

test("the new chunk names the language, not the chunk's settings; a bare %% its inherited one; a plugin's its own", () => {
  const settings = viewOf('%% py {"skipRunAll": true}\nx|\n');
  insertChunkBelow(settings);
  assert.equal(shown(settings), '%% py {"skipRunAll": true}\nx\n\n%% py\n|');
  const bare = viewOf('%% js\n1\n%%\n2|\n');
  insertChunkBelow(bare);
  assert.equal(shown(bare), '%% js\n1\n%%\n2\n\n%% js\n|');
  const plugin = viewOf('%% rpn\n3 4 +|\n');
  insertChunkBelow(plugin);
  assert.equal(shown(plugin), '%% rpn\n3 4 +\n\n%% rpn\n|');
});

test('a split at the cursor: within a line the rest moves down, at a line start the line does', () => {
  const within = viewOf('%% py\nimport math\nx = 1|  # one\ny = 2\n');
  assert.equal(splitChunk(within), true);
  assert.equal(shown(within), '%% py\nimport math\nx = 1\n%% py\n|  # one\ny = 2\n');
  const atStart = viewOf('%% md\n# A\n|## B\n');
  splitChunk(atStart);
  assert.equal(shown(atStart), '%% md\n# A\n%% md\n|## B\n');
});

test('the preamble has no chunk to split; a chunk inserted below it is py', () => {
  const view = viewOf('notes before any chunk|\n%% md\n# A\n');
  assert.equal(splitChunk(view), false);
  assert.equal(shown(view), 'notes before any chunk|\n%% md\n# A\n', 'unchanged');
  insertChunkBelow(view);
  assert.equal(shown(view), 'notes before any chunk\n%% py\n|\n%% md\n# A\n');
});

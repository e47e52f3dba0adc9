// Editor logic that needs no DOM: one collapsed edit per transaction, chunk lookup with bare
// delimiters, and chunk states that follow their delimiter lines.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { changesFirst, collapsedEdit, silentChange } from '../../main/js/editor/change-events.js';
import { chunkAt } from '../../main/js/editor/chunks.js';
import { chunkStateGutter, chunkStateAt, clearChunkStates, setChunkState } from '../../main/js/editor/chunk-gutter.js';

const stateOf = (doc) => EditorState.create({ doc, extensions: [EditorState.lineSeparator.of('\n'), chunkStateGutter] });

const apply = (text, edit) => text.slice(0, edit.start) + edit.inserted + text.slice(edit.start + edit.removedLength);

test('several changes in one transaction are one edit of the text before it', () => {
  const state = stateOf('%% py\nx = x + x\n');
  const transaction = state.update({ changes: [{ from: 6, to: 7, insert: 'yy' }, { from: 14, to: 15, insert: 'z' }] });
  const edit = collapsedEdit(transaction);
  assert.deepEqual(edit, { start: 6, removedLength: 9, inserted: 'yy = x + z' });
  assert.equal(apply(state.doc.toString(), edit), transaction.newDoc.toString());
  assert.equal(collapsedEdit(state.update({ selection: { anchor: 2 } })), null);
});

/** A stand-in for an EditorView: its state, what happened in order; `during` runs inside an update. */
function fakeView(state, log) {
  return {
    state,
    during: null,
    busy: false,
    update(transactions) {
      if (this.busy) throw new RangeError('an update is in progress');
      this.busy = true;
      try {
        const during = this.during;
        this.during = null;
        during?.();
        if (transactions[0].startState !== this.state) throw new RangeError('not from the view\'s state');
        log.push(['update', transactions.length]);
        this.state = transactions[transactions.length - 1].state;
      } finally {
        this.busy = false;
      }
    },
  };
}

test('edits are told before the view updates, each changing transaction once, silent ones not', () => {
  const log = [];
  const dispatch = changesFirst((start, removedLength, inserted) => log.push(['edit', start, removedLength, inserted]));
  const view = fakeView(stateOf('%% md\n# A\n'), log);
  const typed = view.state.update({ changes: { from: 9, insert: 'b' } });
  const moved = typed.state.update({ selection: { anchor: 0 } });
  const loaded = moved.state.update({ changes: { from: 0, to: 11, insert: '%% py\n' }, annotations: silentChange.of(true) });
  dispatch([typed, moved, loaded], view);
  assert.deepEqual(log, [['edit', 9, 0, 'b'], ['update', 3]]);
  assert.equal(view.state.doc.toString(), '%% py\n');
});

test('a listener that throws is logged and the view still updates', () => {
  const log = [];
  const logged = [];
  const dispatch = changesFirst(() => {
    throw new Error('listener broke');
  });
  const state = EditorState.create({ doc: 'x', extensions: [EditorView.exceptionSink.of((error) => logged.push(error.message))] });
  const view = fakeView(state, log);
  dispatch([state.update({ changes: { from: 1, insert: 'y' } })], view);
  assert.deepEqual(logged, ['listener broke']);
  assert.deepEqual(log, [['update', 1]]);
  assert.equal(view.state.doc.toString(), 'xy');
});

test('transactions the view refuses are not told: not from its state, or dispatched while it updates', () => {
  const log = [];
  const view = fakeView(stateOf('ab'), log);
  const stale = view.state.update({ changes: { from: 0, insert: 'z' } });
  view.state = view.state.update({ changes: { from: 2, insert: 'c' } }).state;
  const dispatch = changesFirst((start) => log.push(['edit', start]));
  assert.throws(() => dispatch([stale], view), RangeError);
  assert.deepEqual(log, []);
  // A dispatch from inside the view's update (which the view refuses) is not told either.
  let nested = null;
  view.during = () => {
    try {
      dispatch([view.state.update({ changes: { from: 0, insert: 'n' } })], view);
    } catch (error) {
      nested = error;
    }
  };
  dispatch([view.state.update({ changes: { from: 3, insert: 'd' } })], view);
  assert.match(String(nested), /in progress/);
  assert.deepEqual(log, [['edit', 3], ['update', 1]]);
  assert.equal(view.state.doc.toString(), 'abcd');
});

test('the document keeps \\r\\n exactly, so offsets are those of the file', () => {
  const text = '%% py\r\nx\r\n';
  const state = stateOf(text);
  assert.equal(state.doc.toString(), text);
  assert.equal(state.doc.length, text.length);
});

test('the chunk at a position has the type its delimiter gives, bare delimiters following the type above', () => {
  const text = 'pre\n%% py\na = 1\n%%\nb\n%% Fetch\njs: a.js\n';
  const state = stateOf(text);
  assert.equal(chunkAt(state, 1).type, 'preamble');
  assert.equal(chunkAt(state, text.indexOf('b\n')).type, 'py');
  const fetch = chunkAt(state, text.indexOf('js:'));
  assert.equal(fetch.type, 'fetch');
  assert.equal(fetch.bodyFrom, text.indexOf('js:'));
  assert.equal(fetch.to, text.length);
  assert.equal(chunkAt(state, text.indexOf('a = 1')).to, text.indexOf('%%\n'));
});

test('chunk states follow their delimiter lines through edits and clear', () => {
  let state = stateOf('%% py\nx\n%% py\ny\n');
  state = state.update({ effects: [setChunkState.of({ pos: 0, state: 'done' }), setChunkState.of({ pos: 8, state: 'error' })] }).state;
  state = state.update({ changes: { from: 7, insert: '\nmore' } }).state;
  assert.equal(chunkStateAt(state, 0), 'done');
  assert.equal(chunkStateAt(state, 13), 'error');
  state = state.update({ changes: { from: 0, insert: 'pre\n' } }).state;
  assert.equal(chunkStateAt(state, 4), 'done', 'a line inserted above moves the state with its line');
  state = state.update({ effects: setChunkState.of({ pos: 4, state: 'running' }) }).state;
  assert.equal(chunkStateAt(state, 4), 'running', 'a new state replaces the old one');
  state = state.update({ effects: clearChunkStates.of(null) }).state;
  assert.equal(chunkStateAt(state, 4), 'idle');
  assert.equal(chunkStateAt(state, 17), 'idle');
  assert.throws(() => state.update({ effects: setChunkState.of({ pos: 0, state: 'finished' }) }).state, /unknown chunk state/);
});

test('many chunk states in one transaction: the last set for a chunk wins, a clear forgets those before it', () => {
  const text = '%% py\nx\n'.repeat(2000);
  let state = stateOf(text);
  state = state.update({ effects: [setChunkState.of({ pos: 0, state: 'error' }), setChunkState.of({ pos: 8, state: 'stale' })] }).state;
  const effects = [];
  for (let chunk = 1; chunk < 2000; chunk++) {
    effects.push(setChunkState.of({ pos: chunk * 8, state: 'queued' }));
  }
  for (let chunk = 1999; chunk >= 1000; chunk--) {
    effects.push(setChunkState.of({ pos: chunk * 8, state: chunk % 2 ? 'done' : 'running' }));
  }
  state = state.update({ effects }).state;
  assert.equal(chunkStateAt(state, 0), 'error', 'a chunk the transaction does not name keeps its state');
  assert.equal(chunkStateAt(state, 8), 'queued');
  assert.equal(chunkStateAt(state, 999 * 8), 'queued');
  assert.equal(chunkStateAt(state, 1000 * 8), 'running');
  assert.equal(chunkStateAt(state, 1001 * 8), 'done');
  assert.equal(chunkStateAt(state, 1999 * 8), 'done');
  assert.equal(chunkStateAt(state, 4), 'idle', 'no state off a delimiter line');
  state = state.update({ effects: [setChunkState.of({ pos: 16, state: 'error' }), clearChunkStates.of(null),
    setChunkState.of({ pos: 24, state: 'running' })] }).state;
  assert.equal(chunkStateAt(state, 0), 'idle');
  assert.equal(chunkStateAt(state, 16), 'idle', 'set before the clear: forgotten');
  assert.equal(chunkStateAt(state, 24), 'running', 'set after the clear: kept');
});

test('chunk outputs sit where they were put and move with the text', async () => {
  const { chunkOutputs, outputPositions, setChunkOutput } = await import('../../main/js/editor/chunk-outputs.js');
  let state = EditorState.create({ doc: '%% py\nx\n%% py\ny\n', extensions: [chunkOutputs] });
  const element = {};
  state = state.update({ effects: setChunkOutput.of({ id: 'a', pos: 7, element }) }).state;
  assert.deepEqual(outputPositions(state), { a: 7 });
  state = state.update({ changes: { from: 0, insert: '\n' } }).state;
  assert.deepEqual(outputPositions(state), { a: 8 }, 'an edit above moves the output down');
  state = state.update({ changes: { from: 8, insert: 'z' } }).state;
  assert.deepEqual(outputPositions(state), { a: 9 }, 'text typed at the end of the chunk stays above its output');
  state = state.update({ effects: setChunkOutput.of({ id: 'a', pos: 15, element }) }).state;
  assert.deepEqual(outputPositions(state), { a: 15 }, 'a chunk has one output');
  state = state.update({ effects: setChunkOutput.of({ id: 'a', element: null }) }).state;
  assert.deepEqual(outputPositions(state), {});
});

test('several outputs set in one transaction each replace their own chunk\'s output', async () => {
  const { chunkOutputs, outputPositions, setChunkOutput } = await import('../../main/js/editor/chunk-outputs.js');
  let state = EditorState.create({ doc: '%% py\nx\n%% py\ny\n%% py\nz\n', extensions: [chunkOutputs] });
  state = state.update({ effects: [setChunkOutput.of({ id: 'a', pos: 7, element: {} }), setChunkOutput.of({ id: 'b', pos: 15, element: {} })] }).state;
  assert.deepEqual(outputPositions(state), { a: 7, b: 15 });
  state = state.update({ effects: [
    setChunkOutput.of({ id: 'b', pos: 23, element: {} }),
    setChunkOutput.of({ id: 'c', pos: 23, element: {} }),
    setChunkOutput.of({ id: 'a', element: null }),
  ] }).state;
  assert.deepEqual(outputPositions(state), { b: 23, c: 23 });
});

test('batched chunk marks go out in one transaction per frame and follow edits made meanwhile', async () => {
  const { batchedEffects } = await import('../../main/js/editor/batched-effects.js');
  const { chunkOutputs, outputPositions, setChunkOutput } = await import('../../main/js/editor/chunk-outputs.js');
  const frames = [];
  const batch = batchedEffects((callback) => frames.push(callback));
  // A view as far as the batch uses it: dispatch applies a transaction and tells the update listeners.
  const listeners = [];
  const view = {
    state: EditorState.create({ doc: '%% py\nx\n%% py\ny\n', extensions: [EditorState.lineSeparator.of('\n'), chunkStateGutter, chunkOutputs] }),
    transactions: 0,
    dispatch(spec) {
      const transaction = this.state.update(spec);
      this.state = transaction.state;
      this.transactions++;
      listeners.forEach((listener) => listener({ docChanged: transaction.docChanged, changes: transaction.changes, transactions: [transaction] }));
    },
  };
  // The batch's extension is an updateListener facet value: call it as CodeMirror would.
  listeners.push(batch.extension.value);
  batch.attach(view);

  batch.add(setChunkState.of({ pos: 0, state: 'done' }));
  batch.add(setChunkState.of({ pos: 8, state: 'running' }));
  batch.add(setChunkOutput.of({ id: 'b', pos: 16, element: {} }));
  assert.equal(frames.length, 1, 'one frame is asked for, however many marks');
  assert.equal(view.transactions, 0, 'nothing is dispatched before the frame');

  view.dispatch({ changes: { from: 0, insert: 'pre\n' } });
  frames.shift()();
  assert.equal(view.transactions, 2, 'the edit, then one transaction for all the marks');
  assert.equal(chunkStateAt(view.state, 4), 'done', 'the mark moved with the text typed above it');
  assert.equal(chunkStateAt(view.state, 12), 'running');
  assert.deepEqual(outputPositions(view.state), { b: 20 });

  batch.add(setChunkState.of({ pos: 4, state: 'error' }));
  batch.flush();
  assert.equal(chunkStateAt(view.state, 4), 'error', 'flush shows what is pending at once');
  batch.add(setChunkState.of({ pos: 4, state: 'done' }));
  batch.discard();
  frames.shift()();
  assert.equal(chunkStateAt(view.state, 4), 'error', 'discarded marks never show');
});

test('marks set while an edit is told are in the document after it: that edit does not move them again', async () => {
  const { batchedEffects } = await import('../../main/js/editor/batched-effects.js');
  const frames = [];
  const batch = batchedEffects((callback) => frames.push(callback));
  const listeners = [batch.extension.value];
  const view = {
    state: EditorState.create({ doc: '%% py\nx\n%% py\ny\n', extensions: [EditorState.lineSeparator.of('\n'), chunkStateGutter] }),
    update(transactions) {
      this.state = transactions[transactions.length - 1].state;
      listeners.forEach((listener) => listener({ docChanged: transactions.some((t) => t.docChanged), transactions }));
    },
    dispatch(spec) {
      this.update([this.state.update(spec)]);
    },
  };
  batch.attach(view);
  const log = [];
  // As the notebook editor does: the application hears the edit (and sets chunk states) before the view updates.
  const dispatch = changesFirst(() => {
    log.push(batch.document().toString());
    // The second chunk, in the document after the edit (two characters typed above it).
    batch.add(setChunkState.of({ pos: 10, state: 'stale' }));
  }, (transaction, tell) => batch.positionsIn(transaction.newDoc, tell));
  batch.add(setChunkState.of({ pos: 0, state: 'done' }));
  batch.add(setChunkState.of({ pos: 8, state: 'running' }));
  dispatch([view.state.update({ changes: { from: 6, insert: 'zz' } })], view);
  assert.deepEqual(log, ['%% py\nzzx\n%% py\ny\n']);
  frames.shift()();
  assert.equal(chunkStateAt(view.state, 0), 'done');
  assert.equal(chunkStateAt(view.state, 10), 'stale', 'not moved a second time by the edit it was set for');
  assert.equal(batch.document(), view.state.doc, 'outside an edit told, positions are in the view\'s document');

  // A mark for a document the view never got (its edit refused) is dropped.
  batch.positionsIn(view.state.update({ changes: { from: 0, insert: 'lost\n' } }).newDoc, () => batch.add(setChunkState.of({ pos: 5, state: 'error' })));
  batch.flush();
  assert.equal(chunkStateAt(view.state, 5), 'idle');
});

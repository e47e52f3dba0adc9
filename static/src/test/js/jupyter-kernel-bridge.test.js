// The form of a Jupyter mime bundle the notebook shows (jupyter/kernel-bridge.js chooseForm): the
// richest one its outputs render, as JupyterLab ranks them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseForm, SHOWN_MIME_TYPES } from '../../main/js/jupyter/kernel-bridge.js';
import { VALUE_CUT_MARKER, VALUE_TEXT_LENGTH } from '../../main/js/frame/value-text.js';

test('a DataFrame shows as its HTML table, not its text', () => {
  assert.deepEqual(chooseForm({ 'text/html': '<table></table>', 'text/plain': '   a\n0  1' }), ['text/html', '<table></table>']);
});

test('a plot shows as its PNG; a value with text only as text', () => {
  assert.deepEqual(chooseForm({ 'image/png': 'iVBOR', 'text/plain': '<Figure>' }), ['image/png', 'iVBOR']);
  assert.deepEqual(chooseForm({ 'text/plain': '42' }), ['text/plain', '42']);
});

test('markdown and LaTeX come before images, as in JupyterLab', () => {
  assert.deepEqual(chooseForm({ 'text/markdown': '**b**', 'image/svg+xml': '<svg/>' }), ['text/markdown', '**b**']);
  assert.deepEqual(chooseForm({ 'text/latex': '$x$', 'image/png': 'iVBOR' }), ['text/latex', '$x$']);
});

test('multi-line data sent as a list of lines is joined; JSON shows as its text', () => {
  assert.deepEqual(chooseForm({ 'text/plain': ['a\n', 'b'] }), ['text/plain', 'a\nb']);
  assert.deepEqual(chooseForm({ 'application/json': { a: 1 } }), ['text/plain', '{\n  "a": 1\n}']);
});

test("a server's long plain text is cut as the browser's kernels cut theirs; richer forms are not", () => {
  const long = `'${'x'.repeat(100_000)}'`;
  assert.deepEqual(chooseForm({ 'text/plain': long }), ['text/plain', long.slice(0, VALUE_TEXT_LENGTH) + VALUE_CUT_MARKER]);
  assert.deepEqual(chooseForm({ 'application/json': new Array(10_000).fill(1) })[1].endsWith(VALUE_CUT_MARKER), true);
  const html = `<p>${'x'.repeat(100_000)}</p>`;
  assert.deepEqual(chooseForm({ 'text/html': html, 'text/plain': long }), ['text/html', html]);
  const emoji = `${'x'.repeat(VALUE_TEXT_LENGTH - 1)}\u{1F600}tail`;
  assert.equal(chooseForm({ 'text/plain': emoji })[1], 'x'.repeat(VALUE_TEXT_LENGTH - 1) + VALUE_CUT_MARKER,
    'not between the halves of a character outside the BMP');
});

test('a bundle of nothing shown here (a widget) shows nothing', () => {
  assert.equal(chooseForm({ 'application/vnd.jupyter.widget-view+json': { model_id: 'x' } }), null);
  assert.equal(chooseForm(null), null);
  assert.equal(SHOWN_MIME_TYPES.at(-1), 'text/plain');
});

test('a run\'s time is read from its execute_reply as JupyterLab reads it, or is null', async () => {
  const { runTime } = await import('../../main/js/jupyter/execution.js');
  const reply = { header: { date: '2026-12-03T10:00:01.250123Z' }, metadata: { started: '2026-12-03T10:00:00.000456Z' } };
  assert.equal(runTime(reply), 1250);
  assert.equal(runTime({ header: { date: '2026-12-03T10:00:01Z' }, metadata: {} }), null, 'an old kernel says no start');
  assert.equal(runTime(undefined), null);
  assert.equal(runTime({ header: { date: '2026-12-03T09:59:59Z' }, metadata: { started: '2026-12-03T10:00:00Z' } }), 0,
    'clocks that disagree give no negative time');
});

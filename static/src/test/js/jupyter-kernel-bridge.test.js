// The form of a Jupyter mime bundle the notebook shows (jupyter/kernel-bridge.js chooseForm): the
// richest one its outputs render, as JupyterLab ranks them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseForm, SHOWN_MIME_TYPES } from '../../main/js/jupyter/kernel-bridge.js';

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

test('a bundle of nothing shown here (a widget) shows nothing', () => {
  assert.equal(chooseForm({ 'application/vnd.jupyter.widget-view+json': { model_id: 'x' } }), null);
  assert.equal(chooseForm(null), null);
  assert.equal(SHOWN_MIME_TYPES.at(-1), 'text/plain');
});

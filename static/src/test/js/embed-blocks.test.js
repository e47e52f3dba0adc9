// The notebook "Open in Jodide" carries from embedded cells and notebooks: embed/blocks.js notebookOf,
// read back by the editor's own parser (iomd-parser.js's twin, src/test/js/iomd-parser.test.js covers it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { notebookOf } from '../../main/js/embed/blocks.js';

test('a chunk per piece, in order, each ending with a line break', () => {
  assert.equal(notebookOf([
    { language: 'md', code: '# Growth *rates*' },
    { language: 'py', code: 'rate = 0.05\n' },
    { language: 'css', code: 'body { color: red; }' },
    { language: 'js', code: '' },
  ]), '%% md\n# Growth *rates*\n%% py\nrate = 0.05\n%% css\nbody { color: red; }\n%% js\n');
});

test('a doctest cell opens as py (its code is the session without prompts)', () => {
  assert.equal(notebookOf([{ language: 'pycon', code: 'a = [1, 2]\nsum(a)' }]), '%% py\na = [1, 2]\nsum(a)\n');
});

test('a line that would start a chunk is escaped with one more backslash, as the .iomd spec says', () => {
  assert.equal(notebookOf([{ language: 'md', code: '%% py\n\\%% js\nplain %% text' }]),
    '%% md\n\\%% py\n\\\\%% js\nplain %% text\n');
});

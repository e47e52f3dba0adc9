// The chunk languages load after the editor starts (lazy-languages.js): until then an editor's
// bodies are plain text, from then on each is parsed by its own language. (The reconfiguration of
// a view already on screen is EditorIT's: it needs a DOM.)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EditorState } from '@codemirror/state';
import { ensureSyntaxTree } from '@codemirror/language';
import { iomd } from '../../main/js/editor/iomd-language.js';
import { loadLanguages, loadedLanguages, withLanguages } from '../../main/js/editor/lazy-languages.js';
import { LANGUAGES } from '../../main/js/editor/languages.js';

const NOTEBOOK = '%% py\ndef f(): pass\n%% md\n# Title\n';

function treeOf(doc) {
  const state = EditorState.create({ doc, extensions: [iomd()] });
  return ensureSyntaxTree(state, doc.length, 5000).toString();
}

test('before the languages load, make is given null and the bodies are plain; after, the languages', async () => {
  assert.equal(loadedLanguages(), null);
  const asked = [];
  withLanguages((languages) => { asked.push(languages); return []; });
  assert.deepEqual(asked, [null]);
  assert.equal(treeOf(NOTEBOOK), 'Document(Chunk(Delimiter,PyBody),Chunk(Delimiter,MdBody))');

  const loaded = await loadLanguages();
  assert.equal(loaded, LANGUAGES);
  assert.equal(loadedLanguages(), LANGUAGES);
  assert.equal(await loadLanguages(), loaded, 'loaded once');
  withLanguages((languages) => { asked.push(languages); return []; });
  assert.deepEqual(asked, [null, LANGUAGES]);
  const tree = treeOf(NOTEBOOK);
  assert.match(tree, /Chunk\(Delimiter,Script\(FunctionDefinition/);
  assert.match(tree, /Chunk\(Delimiter,Document\(ATXHeading1/);
});

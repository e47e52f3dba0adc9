// The outer .iomd structure the editor parses (docs/iomd.md, sections 2-5), and incremental
// parsing giving the same tree as parsing from scratch.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TreeFragment } from '@lezer/common';
import { IomdParser } from '../../main/js/editor/iomd-parser.js';
import { iomdLanguage } from '../../main/js/editor/iomd-language.js';
import { loadLanguages } from '../../main/js/editor/lazy-languages.js';
import { delimiterWord, resolveChunkType } from '../../main/js/editor/iomd-syntax.js';

const outline = (text) => new IomdParser().parse(text).toString();

test('a delimiter line starts a chunk whose body is the text up to the next one', () => {
  assert.equal(outline('%% md\n# A title\n%% py\n1 + 1\n'),
    'Document(Chunk(Delimiter,MdBody),Chunk(Delimiter,PyBody))');
});

test('text before the first delimiter is the preamble', () => {
  assert.equal(outline('notes\n%% js\nx\n'), 'Document(Preamble,Chunk(Delimiter,JsBody))');
});

test('more % and no blank are allowed; a single %, or %% after a blank, is no delimiter', () => {
  assert.equal(outline('%%md\na\n%%%% css\nb\n%%\tplugin\n{}\n'),
    'Document(Chunk(Delimiter,MdBody),Chunk(Delimiter,CssBody),Chunk(Delimiter,PluginBody))');
  assert.equal(outline('%% md\n% no\n %% py no\n\\%% py escaped\n'), 'Document(Chunk(Delimiter,MdBody))');
});

test('the type word is matched ignoring case; other words are unknown types with plain bodies', () => {
  assert.equal(outline('%% PY\n1\n%% Fetch\njs: a.js\n%% lua\nprint(1)\n%% raw\nx\n'),
    'Document(Chunk(Delimiter,PyBody),Chunk(Delimiter,Body),Chunk(Delimiter,Body),Chunk(Delimiter,Body))');
});

test('a bare %% inherits the type above, which may itself be bare; with none above it is unknown', () => {
  assert.equal(outline('%% py skipRunAll\na\n%%\nb\n%%%  \nc\n'),
    'Document(Chunk(Delimiter,PyBody),Chunk(Delimiter,PyBody),Chunk(Delimiter,PyBody))');
  assert.equal(outline('notes\n%%\nx\n'), 'Document(Preamble,Chunk(Delimiter,Body))');
  assert.equal(resolveChunkType('%%', 'preamble'), 'unknown');
});

test('a CRLF delimiter line is an ordinary delimiter; its \\r is not part of the Delimiter node', () => {
  const tree = new IomdParser().parse('%% js\r\nlet a\r\n%% py\r\nb\r\n');
  assert.equal(tree.toString(), 'Document(Chunk(Delimiter,JsBody),Chunk(Delimiter,PyBody))');
  const delimiter = tree.topNode.firstChild.firstChild;
  assert.deepEqual([delimiter.from, delimiter.to], [0, 5]);
  assert.equal(delimiterWord('%%   py\r'), 'py');
  assert.equal(delimiterWord('%%  \r'), null);
});

test('empty bodies have no body node, and the tree covers the whole text', () => {
  const text = '%% md\n%% py';
  const tree = new IomdParser().parse(text);
  assert.equal(tree.toString(), 'Document(Chunk(Delimiter),Chunk(Delimiter))');
  assert.equal(tree.length, text.length);
});

test('bodies are plain until the languages have loaded, then parsed by their own language', async () => {
  const source = '%% py\ndef f(): pass\n%% js\nlet x = 1\n';
  assert.equal(iomdLanguage(null).parser.parse(source).toString(), 'Document(Chunk(Delimiter,PyBody),Chunk(Delimiter,JsBody))');
  const tree = iomdLanguage(await loadLanguages()).parser.parse(source);
  const text = tree.toString();
  assert.match(text, /Chunk\(Delimiter,Script\(FunctionDefinition/);
  assert.match(text, /Chunk\(Delimiter,Script\(VariableDeclaration/);
});

test('parsing after edits gives the tree a full parse gives, reusing unchanged chunks', async () => {
  const parser = iomdLanguage(await loadLanguages()).parser;
  let doc = '';
  for (let i = 0; i < 50; i++) {
    doc += `%% py\ndef f${i}(x):\n    return x + ${i}\n%% md\n# Part ${i}\n`;
  }
  let tree = parser.parse(doc);
  let fragments = TreeFragment.addTree(tree);
  const edits = [[120, 0, 'y'], [0, 0, 'pre\n'], [300, 6, ''], [doc.indexOf('%% md'), 0, '%%\n'], [50, 0, '\n%% js\n']];
  for (const [from, removed, inserted] of edits) {
    const before = tree;
    doc = doc.slice(0, from) + inserted + doc.slice(from + removed);
    fragments = TreeFragment.applyChanges(fragments, [{ fromA: from, toA: from + removed, fromB: from, toB: from + inserted.length }]);
    tree = parser.parse(doc, fragments);
    fragments = TreeFragment.addTree(tree, fragments);
    assert.equal(tree.toString(), parser.parse(doc).toString(), `after inserting ${JSON.stringify(inserted)} at ${from}`);
    const lastBefore = before.children[before.children.length - 1];
    assert.equal(tree.children[tree.children.length - 1], lastBefore, 'the untouched last chunk is the same tree');
  }
});

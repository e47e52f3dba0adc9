// The iomd language for CodeMirror: the outer structure from iomd-parser.js, and each chunk's
// body parsed by its own language (parseMixed), so Python, JavaScript, Markdown, CSS and the
// JSON of plugin chunks are highlighted, indented and folded as in their own editors.

import { parseMixed } from '@lezer/common';
import { styleTags, tags } from '@lezer/highlight';
import {
  IndentContext, Language, LanguageSupport, defineLanguageFacet, ensureSyntaxTree, getIndentation, indentService,
  languageDataProp,
} from '@codemirror/language';
import { pythonLanguage } from '@codemirror/lang-python';
import { javascriptLanguage } from '@codemirror/lang-javascript';
import { markdownLanguage } from '@codemirror/lang-markdown';
import { cssLanguage } from '@codemirror/lang-css';
import { jsonLanguage } from '@codemirror/lang-json';
import { IomdParser, iomdNodeSet, BODY_NODE_NAMES } from './iomd-parser.js';

const NESTED_LANGUAGES = {
  [BODY_NODE_NAMES.md]: markdownLanguage,
  [BODY_NODE_NAMES.js]: javascriptLanguage,
  [BODY_NODE_NAMES.py]: pythonLanguage,
  [BODY_NODE_NAMES.css]: cssLanguage,
  [BODY_NODE_NAMES.plugin]: jsonLanguage,
};

const iomdData = defineLanguageFacet({});

const nodeSet = iomdNodeSet.extend(
  styleTags({ Delimiter: tags.meta }),
  languageDataProp.add({ Document: iomdData }),
);

const nestBodies = parseMixed((node) => {
  const language = NESTED_LANGUAGES[node.type.name];
  return language ? { parser: language.parser } : null;
});

/** The .iomd language, its parser alone (tests parse with it). */
export const iomdLanguage = new Language(iomdData, new IomdParser(nodeSet, nestBodies), [], 'iomd');

/** How long, in ms, indenting the document's last line may parse the line break it asks about. */
const END_PARSE_MS = 100;

/**
 * The indentation of a line at the very end of the document, where the last chunk's body ends
 * without a line break. No node of the outer tree covers that position from both sides, so
 * CodeMirror never asks the chunk's own language (whose top node, Python's Script, indents the
 * line after a block's last statement) and Enter after `    y = 1` in a function at the end of
 * the notebook started the next line at column 0. It is asked as if a line break followed, as
 * everywhere else in the notebook.
 */
const indentAtTheEnd = indentService.of((context, pos) => {
  const { state } = context;
  if (pos === 0 || pos !== state.doc.length) return undefined;
  const extended = state.update({ changes: { from: pos, insert: state.lineBreak } }).state;
  if (!ensureSyntaxTree(extended, pos + 1, END_PARSE_MS)) return undefined;
  return getIndentation(new IndentContext(extended, context.options), pos);
});

/** The .iomd language for the editor: the language, and its indentation at the document's end. */
export function iomd() {
  return new LanguageSupport(iomdLanguage, [indentAtTheEnd]);
}

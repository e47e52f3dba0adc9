// The iomd language for CodeMirror: the outer structure from iomd-parser.js, and each chunk's
// body parsed by its own language (parseMixed), so Python, JavaScript, Markdown, CSS and the
// JSON of plugin chunks are highlighted, indented and folded as in their own editors. Those
// languages load after the editor starts (lazy-languages.js); until then bodies are plain text.

import { parseMixed } from '@lezer/common';
import { styleTags, tags } from '@lezer/highlight';
import {
  IndentContext, Language, LanguageSupport, defineLanguageFacet, ensureSyntaxTree, getIndentation, indentService,
  languageDataProp,
} from '@codemirror/language';
import { IomdParser, iomdNodeSet, BODY_NODE_NAMES } from './iomd-parser.js';
import { withLanguages } from './lazy-languages.js';

/** The chunk type of each body node type. */
const CHUNK_TYPES = Object.freeze(Object.fromEntries(Object.entries(BODY_NODE_NAMES).map(([type, node]) => [node, type])));

const iomdData = defineLanguageFacet({});

const nodeSet = iomdNodeSet.extend(
  styleTags({ Delimiter: tags.meta }),
  languageDataProp.add({ Document: iomdData }),
);

/** The iomd Language whose bodies `languages` (languages.js's LANGUAGES, or null: none) parse. */
function makeIomdLanguage(languages) {
  const nestBodies = parseMixed((node) => {
    const language = languages ? languages[CHUNK_TYPES[node.type.name]] : null;
    return language ? { parser: language.parser } : null;
  });
  return new Language(iomdData, new IomdParser(nodeSet, nestBodies), [], 'iomd');
}

const withoutLanguages = makeIomdLanguage(null);
/** One Language per set of languages, so that every state made with them has the same. */
const withLanguagesMade = new WeakMap();

/**
 * The .iomd language, its parser alone (tests parse with it): with `languages` (languages.js's
 * LANGUAGES) each body is parsed by its own; with null, bodies are plain.
 */
export function iomdLanguage(languages) {
  if (!languages) return withoutLanguages;
  if (!withLanguagesMade.has(languages)) withLanguagesMade.set(languages, makeIomdLanguage(languages));
  return withLanguagesMade.get(languages);
}

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

/**
 * The .iomd language for the editor: the language, and its indentation at the document's end;
 * the chunks' own languages from when they have loaded (lazy-languages.js).
 */
export function iomd() {
  return withLanguages((languages) => new LanguageSupport(iomdLanguage(languages), [indentAtTheEnd]));
}

// The iomd language for CodeMirror: the outer structure from iomd-parser.js, and each chunk's
// body parsed by its own language (parseMixed), so Python, JavaScript, Markdown, CSS and the
// JSON of plugin chunks are highlighted, indented and folded as in their own editors.

import { parseMixed } from '@lezer/common';
import { styleTags, tags } from '@lezer/highlight';
import { Language, defineLanguageFacet, languageDataProp } from '@codemirror/language';
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

/** The .iomd language: install `iomdLanguage` (a Language) as the editor's language. */
export const iomdLanguage = new Language(iomdData, new IomdParser(nodeSet, nestBodies), [], 'iomd');

// The languages of chunk bodies and cells, by chunk type. This module is a bundle of its own
// (codemirror-languages.js, built by build.mjs): its parsers are most of codemirror.js's weight
// and of its evaluation (~70 ms in Node), and typing does not need them, so the editors import it
// once they have started (lazy-languages.js) and highlight, indent and fold by language from then on.

import { pythonLanguage } from '@codemirror/lang-python';
import { javascriptLanguage } from '@codemirror/lang-javascript';
import { markdown, markdownLanguage } from '@codemirror/lang-markdown';
import { cssLanguage } from '@codemirror/lang-css';
import { jsonLanguage } from '@codemirror/lang-json';
import { htmlLanguage } from '@codemirror/lang-html';
import { StandardSQL } from '@codemirror/lang-sql';
import { yamlLanguage } from '@codemirror/lang-yaml';
import { StreamLanguage } from '@codemirror/language';
import { shell } from '@codemirror/legacy-modes/mode/shell';
import { toml } from '@codemirror/legacy-modes/mode/toml';
import { r } from '@codemirror/legacy-modes/mode/r';
import { fenceLanguage } from './fence-languages.js';

/** A markdown chunk's fenced code in the language its fence names (fence-languages.js), as the report shows it. */
const codeLanguage = (info) => {
  const key = fenceLanguage(info);
  return key && key !== 'md' ? CODE_BLOCK_LANGUAGES[key] : null;
};

/** CodeMirror's Language for each chunk type that has one (a plugin chunk's body is JSON). */
export const LANGUAGES = Object.freeze({
  py: pythonLanguage,
  js: javascriptLanguage,
  md: markdown({ base: markdownLanguage, codeLanguages: codeLanguage }).language,
  css: cssLanguage,
  plugin: jsonLanguage,
});

/**
 * The language of each fenced code block's key (fence-languages.js): the chunks' languages, and those
 * only code blocks have (a shell command, a query, settings).
 */
export const CODE_BLOCK_LANGUAGES = Object.freeze({
  ...LANGUAGES,
  sh: StreamLanguage.define(shell),
  sql: StandardSQL.language,
  html: htmlLanguage,
  yaml: yamlLanguage,
  toml: StreamLanguage.define(toml),
  r: StreamLanguage.define(r),
});

// The languages fenced code blocks are highlighted in (fence-languages.js names, languages.js's
// CODE_BLOCK_LANGUAGES parsers): each fence name reaches a language whose parser gives the tokens
// CodeMirror's class highlighter names, as code-blocks.js writes them for the report. Their look in
// the report is MarkdownIT's (Chromium).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classHighlighter, highlightCode } from '@lezer/highlight';
import { fenceLanguage } from '../../main/js/editor/fence-languages.js';
import { CODE_BLOCK_LANGUAGES, LANGUAGES } from '../../main/js/editor/languages.js';

/** The classes code-blocks.js would write for each token of `code` in the fence `info`'s language, as [text, classes]. */
function tokens(info, code) {
  const language = CODE_BLOCK_LANGUAGES[fenceLanguage(info)];
  assert.ok(language, `a language for ${info}`);
  const out = [];
  highlightCode(code, language.parser.parse(code), classHighlighter, (text, classes) => {
    if (classes) out.push([text, classes]);
  }, () => {});
  return out;
}

test('fence names as GitHub and Jupyter spell them reach one language each, any case', () => {
  assert.equal(fenceLanguage('bash'), 'sh');
  assert.equal(fenceLanguage('Shell'), 'sh');
  assert.equal(fenceLanguage('zsh'), 'sh');
  assert.equal(fenceLanguage('SQL'), 'sql');
  assert.equal(fenceLanguage('yml'), 'yaml');
  assert.equal(fenceLanguage('html'), 'html');
  assert.equal(fenceLanguage('toml'), 'toml');
  assert.equal(fenceLanguage('r'), 'r');
  assert.equal(fenceLanguage('python {.numberLines}'), 'py');
  assert.equal(fenceLanguage('cobol'), undefined);
});

test('every fence language has a parser, and the chunk types keep theirs', () => {
  for (const key of ['sh', 'sql', 'html', 'yaml', 'toml', 'r']) assert.ok(CODE_BLOCK_LANGUAGES[key]?.parser, key);
  for (const [key, language] of Object.entries(LANGUAGES)) assert.equal(CODE_BLOCK_LANGUAGES[key], language, key);
  assert.equal(LANGUAGES.sh, undefined, 'a code-block language is no chunk type');
});

test('a shell command, a query, settings and an R line are highlighted token by token', () => {
  const shell = tokens('bash', 'pip install "numpy>=2"  # once\n');
  assert.ok(shell.some(([text, classes]) => text === '"numpy>=2"' && classes.includes('tok-string')), JSON.stringify(shell));
  assert.ok(shell.some(([text, classes]) => text === '# once' && classes.includes('tok-comment')), JSON.stringify(shell));

  const sql = tokens('sql', "SELECT name FROM beds WHERE kg > 10 AND note = 'ok';");
  assert.ok(sql.some(([text, classes]) => text === 'SELECT' && classes.includes('tok-keyword')), JSON.stringify(sql));
  assert.ok(sql.some(([text, classes]) => text === "'ok'" && classes.includes('tok-string')), JSON.stringify(sql));

  const yaml = tokens('yml', 'name: harvest  # the notebook\n');
  assert.ok(yaml.some(([text, classes]) => text === 'name' && classes.includes('tok-propertyName')), JSON.stringify(yaml));
  assert.ok(yaml.some(([text, classes]) => text === '# the notebook' && classes.includes('tok-comment')), JSON.stringify(yaml));

  const toml = tokens('toml', '[tool]\nname = "harvest"\n');
  assert.ok(toml.some(([text, classes]) => text === '"harvest"' && classes.includes('tok-string')), JSON.stringify(toml));

  const r = tokens('r', 'x <- c(1, 2)  # beds\n');
  assert.ok(r.some(([text, classes]) => text === '# beds' && classes.includes('tok-comment')), JSON.stringify(r));

  const html = tokens('html', '<p class="note">Hi</p>');
  assert.ok(html.some(([text, classes]) => text === 'p' && classes.includes('tok-typeName')), JSON.stringify(html));
});

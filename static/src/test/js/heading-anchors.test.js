// Headings' anchors in the report (report/heading-anchors.js): Jupyter's ids, GitHub's lower-case
// anchors found too. Giving them in the report's DOM and scrolling to them is MarkdownIT's (Chromium).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { githubAnchor, jupyterAnchor } from '../../main/js/report/heading-anchors.js';

test("a heading's id is its text with hyphens for spaces, as Jupyter makes it", () => {
  assert.equal(jupyterAnchor('Data sources'), 'Data-sources');
  assert.equal(jupyterAnchor('  1. Introduction  '), '1.-Introduction');
  assert.equal(jupyterAnchor('Résumé & notes'), 'Résumé-&-notes');
  assert.equal(jupyterAnchor('a\n b'), 'a-b');
});

test("GitHub's anchor is lower case without punctuation", () => {
  assert.equal(githubAnchor('Data sources'), 'data-sources');
  assert.equal(githubAnchor('1. Introduction'), '1-introduction');
  assert.equal(githubAnchor('Résumé & notes'), 'résumé--notes');
  assert.equal(githubAnchor('snake_case-and-dash'), 'snake_case-and-dash');
});

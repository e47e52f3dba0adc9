// The exported page's text (export-html.js): what it holds, what is escaped, and how shadow roots
// come back. Sanitizing with DOMPurify needs a DOM: ExportHtmlIT checks that in Chromium.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  EXPORT_POLICY, escapeText, expandShadows, exportDocument, styleText, titleOf,
} from '../../main/js/report/export-html.js';

const PARTS = {
  title: 'Sales & <costs>', report: '<main id="report" class="report"><p>hi</p></main>', css: 'h1 { color: red }',
  reportCss: 'body { margin: 0 }', source: '%% md\n# Sales\n', link: 'https://example.org/index.html#iomd=U1VV',
  exportedAt: '2026-11-30 13:40 UTC',
};

test('the page holds the report, the source, the link, the styles and a policy that forbids every script', () => {
  const page = exportDocument(PARTS);
  assert.ok(page.startsWith('<!DOCTYPE html>\n<html lang="en" data-theme="light">'));
  assert.ok(page.includes('<main id="report" class="report"><p>hi</p></main>'));
  assert.ok(page.includes('<title>Sales &amp; &lt;costs&gt;</title>'));
  assert.ok(page.includes('<a class="export-open" id="open-in-jodide" href="https://example.org/index.html#iomd=U1VV">Open in Jodide to run</a>'));
  assert.ok(page.includes('<pre id="notebook-source">\n%% md\n# Sales\n</pre>'));
  assert.ok(page.includes('<style class="report-style">h1 { color: red }</style>'));
  assert.ok(page.includes('<style>body { margin: 0 }</style>'));
  assert.ok(!/<script/i.test(page), 'no script element at all');
  assert.match(EXPORT_POLICY, /script-src 'none'/);
  assert.match(EXPORT_POLICY, /default-src 'none'/);
  assert.ok(page.indexOf('Content-Security-Policy') < page.indexOf('<style'), 'the policy comes before anything it governs');
});

test('a notebook without css chunks gets no empty style element', () => {
  assert.ok(!exportDocument({ ...PARTS, css: '' }).includes('report-style'));
});

test('the source is escaped so that the parser gives back its exact text', () => {
  assert.equal(escapeText('a < b && c > d'), 'a &lt; b &amp;&amp; c &gt; d');
  assert.equal(escapeText('</pre><script>x</script>'), '&lt;/pre&gt;&lt;script&gt;x&lt;/script&gt;');
  // The parser turns CR LF into LF in markup, but not in a character reference.
  assert.equal(escapeText('one\r\ntwo\rthree'), 'one&#13;\ntwo&#13;three');
  // A newline right after <pre> is dropped by the parser: the page writes one of its own first.
  const page = exportDocument({ ...PARTS, source: '\n%% md\n' });
  assert.ok(page.includes('<pre id="notebook-source">\n\n%% md\n</pre>'));
});

test('the notebook\'s CSS cannot end its style element', () => {
  assert.equal(styleText('a::after { content: "</style><script>alert(1)</script>" }'),
    'a::after { content: "<\\/style><script>alert(1)</script>" }');
  assert.equal(styleText('</STYLE >'), '<\\/STYLE >');
  const page = exportDocument({ ...PARTS, css: 'p{}</style><script>alert(1)</script>' });
  assert.equal(page.match(/<\/style>/g).length, 3, 'only the page\'s own three style elements end');
});

test('markers become declarative shadow roots, nested ones too, each once', () => {
  const shadows = ['<p>outer</p><div data-export-shadow="n1-1"></div>', '<b>inner</b>'];
  const html = '<div class="isolated-output"><div data-export-shadow="n1-0"></div></div>';
  const style = '<style>.katex-html { display: none; }</style>';
  assert.equal(expandShadows(html, shadows, 'n1'), `<div class="isolated-output"><template shadowrootmode="open">${style}<p>outer</p>`
    + `<template shadowrootmode="open">${style}<b>inner</b></template></template></div>`);
  assert.equal(expandShadows('<div data-export-shadow="n1-0"></div><div data-export-shadow="n1-0"></div>', ['x'], 'n1')
    .match(/<template/g).length, 1, 'a root is used once');
  assert.equal(expandShadows('<div data-export-shadow="forged-0"></div>', ['x'], 'n1'),
    '<div data-export-shadow="forged-0"></div>', 'a marker with another nonce is left as it is (an empty div)');
  assert.equal(expandShadows('<div data-export-shadow="n1-7"></div>', ['x'], 'n1'), '', 'a marker of no root goes');
});

test('the title is the first heading of the markdown, else the file name', () => {
  assert.equal(titleOf('%% md\n# Sales report #\ntext\n## Later\n', 'x.iomd'), 'Sales report');
  assert.equal(titleOf('%% py\n# a comment\n%% md\nIntro\n\n## Costs\n', 'x.iomd'), 'Costs');
  assert.equal(titleOf('%% md\n```\n# not a heading\n```\n#hashtag\n', 'city-report.iomd'), 'city-report');
  assert.equal(titleOf('', ''), 'notebook');
  assert.equal(titleOf('%% md\r\n# Windows\r\n', 'x.iomd'), 'Windows');
});

// The printed page's text (print-report.js): the report alone, under the report's styles, with no
// script; and the frame it is printed from may not run any. Printing itself, in a frame of the
// editor page, is PrintReportIT's (Chromium).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { EXPORT_POLICY, exportDocument } from '../../main/js/report/export-html.js';
import { PRINT_SANDBOX, printDocument } from '../../main/js/report/print-report.js';

const PARTS = {
  title: 'Sales & <costs>', report: '<main id="report" class="report"><p>hi</p></main>', css: 'h1 { color: red }',
  reportCss: 'body { margin: 0 }',
};

test('the printed page is the report alone, under its styles, with the policy that forbids every script', () => {
  const page = printDocument(PARTS);
  assert.ok(page.startsWith('<!DOCTYPE html>\n<html lang="en" data-theme="light">'));
  assert.ok(page.includes('<body>\n<main id="report" class="report"><p>hi</p></main>\n</body>'));
  assert.ok(page.includes('<title>Sales &amp; &lt;costs&gt;</title>'));
  assert.ok(page.includes('<style class="report-style">h1 { color: red }</style>'));
  assert.ok(page.includes('<style>body { margin: 0 }</style>'));
  assert.ok(page.includes(`content="${EXPORT_POLICY}"`));
  assert.ok(!/<script/i.test(page));
  assert.ok(!page.includes('<header'), 'no "Open in Jodide" bar');
  assert.ok(!page.includes('notebook-source'), 'no source');
});

test('the exported page and the printed one share their head', () => {
  const exported = exportDocument({ ...PARTS, source: 'x', link: 'https://example.org/', exportedAt: 'now' });
  const printed = printDocument(PARTS);
  const head = (page) => page.slice(0, page.indexOf('<body>'));
  assert.equal(head(printed), head(exported));
});

test('the exported page hides its bar and its source on paper', () => {
  const exported = exportDocument({ ...PARTS, source: 'x', link: 'https://example.org/', exportedAt: 'now' });
  assert.match(exported, /@media print \{ \.export-bar, \.export-source \{ display: none; \} \}/);
});

test('the frame the page is printed from may be reached and may print, but never runs script', () => {
  const flags = PRINT_SANDBOX.split(' ').sort();
  assert.deepEqual(flags, ['allow-modals', 'allow-same-origin']);
});

test('the report style sheet keeps pictures, rows and headings whole on paper', () => {
  const css = readFileSync(new URL('../../main/site/report.css', import.meta.url), 'utf8');
  const print = css.slice(css.indexOf('@media print'));
  assert.match(print, /img, svg, video, tr, \.katex-display \{ break-inside: avoid; \}/);
  assert.match(print, /h1, h2, h3, h4, h5, h6 \{ break-after: avoid; \}/);
  assert.match(print, /pre \{ overflow: visible; white-space: pre-wrap;/);
});

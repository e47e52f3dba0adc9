// Arrays of records shown as tables (src/main/js/frame/record-table.js), as Iodide's data table and
// marimo show them, and only those.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_CELL_CHARS, MAX_COLUMNS, MAX_ROWS, recordTableHtml } from '../../main/js/frame/record-table.js';
import { createValueRenderers } from '../../main/js/frame/value-renderers.js';

const rowsOf = (html) => html.match(/<tr>.*?<\/tr>/g).map((row) => [...row.matchAll(/<t[hd]>(.*?)<\/t[hd]>/g)].map((cell) => cell[1]));

test('rows of records become a table, columns in the order the rows first name them', () => {
  const html = recordTableHtml([{ city: 'Oslo', rain: 763 }, { rain: 798, city: 'Rome', sunny: true }, { city: 'Lima' }]);
  assert.match(html, /^<table class="jodide-records"><caption>3 rows × 3 columns<\/caption>/);
  assert.deepEqual(rowsOf(html), [
    ['city', 'rain', 'sunny'],
    ['Oslo', '763', ''],
    ['Rome', '798', 'true'],
    ['Lima', '', ''],
  ]);
});

test('cells are text: markup is escaped, nested values are JSON, long ones are cut', () => {
  const cyclic = {};
  cyclic.self = cyclic;
  const html = recordTableHtml([{ '<b>key</b>': '<img src=x onerror=alert(1)>', nested: { a: [1, 2] }, none: null,
    long: 'x'.repeat(500), cyclic, big: 10n }]);
  const [head, cells] = rowsOf(html);
  assert.deepEqual(head, ['&lt;b&gt;key&lt;/b&gt;', 'nested', 'none', 'long', 'cyclic', 'big']);
  assert.equal(cells[0], '&lt;img src=x onerror=alert(1)&gt;');
  assert.equal(cells[1], '{&quot;a&quot;:[1,2]}');
  assert.equal(cells[2], 'null');
  assert.equal(cells[3], `${'x'.repeat(MAX_CELL_CHARS - 1)}…`);
  assert.equal(cells[4], '{&quot;self&quot;:[Circular]}');
  assert.equal(cells[5], '10');
  assert.ok(!html.includes('<img'), 'no markup of the values is kept');
});

test('only the first rows and columns show, and the caption says how many there are', () => {
  const wide = Object.fromEntries(Array.from({ length: MAX_COLUMNS + 5 }, (_, i) => [`c${i}`, i]));
  const html = recordTableHtml(Array.from({ length: 1234 }, () => wide));
  assert.match(html, new RegExp(`<caption>1,234 rows × ${MAX_COLUMNS + 5} columns \\(the first ${MAX_ROWS} rows and the first ${MAX_COLUMNS} columns shown\\)</caption>`));
  const rows = rowsOf(html);
  assert.equal(rows.length, 1 + MAX_ROWS);
  assert.ok(rows.every((row) => row.length === MAX_COLUMNS));
  assert.match(recordTableHtml([{ a: 1 }]), /<caption>1 row × 1 column<\/caption>/);
});

test('anything but a non-empty array of plain objects with a key is not a table', () => {
  class Point { constructor() { this.x = 1; } }
  for (const value of [[], [{}, {}], [{ a: 1 }, 2], [{ a: 1 }, [1]], [new Point()], [{ a: 1 }, null], { a: 1 }, 'text', 7,
    null, undefined, [new Date()], [new Proxy({}, { getPrototypeOf() { throw new Error('refused'); } })]]) {
    assert.equal(recordTableHtml(value), null, `not a table: ${String(value)}`);
  }
  assert.notEqual(recordTableHtml([Object.assign(Object.create(null), { a: 1 })]), null, 'a record without a prototype is one');
});

test('a value renderer the notebook added, or the value\'s own iodideRender, comes before the table', () => {
  const renderers = createValueRenderers();
  const rows = [{ a: 1 }];
  assert.match(renderers.htmlOf(rows).html, /^<table class="jodide-records">/);
  rows.iodideRender = () => '<p>own</p>';
  assert.equal(renderers.htmlOf(rows).html, '<p>own</p>');
  renderers.addRenderer({ shouldRender: Array.isArray, render: () => '<p>added</p>' });
  assert.equal(renderers.htmlOf(rows).html, '<p>added</p>');
});

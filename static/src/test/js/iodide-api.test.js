// The `iodide` global of the eval frame, against a minimal fake DOM (append, textContent).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createIodideApi, OUTPUT_CLASSES } from '../../main/js/frame/iodide-api.js';
import { dataFiles } from '../../main/js/frame/data-files.js';
import { createValueRenderers } from '../../main/js/frame/value-renderers.js';

class FakeElement {
  constructor(tagName) {
    this.tagName = tagName.toUpperCase();
    this.children = [];
    this.className = '';
    this.textContent = '';
  }

  append(child) {
    this.children.push(child);
  }
}

const fakeDocument = { createElement: (tag) => new FakeElement(tag) };

function frameWith(areas) {
  let current = areas[0];
  const api = createIodideApi({ document: fakeDocument, currentOutputElement: () => current });
  return { api, runIn: (index) => { current = areas[index]; } };
}

test('output.text writes the text, as text, into the running chunk\'s output area', () => {
  const area = new FakeElement('div');
  const { api } = frameWith([area]);
  api.output.text('<b>42</b> rows');
  assert.equal(area.children.length, 1);
  assert.equal(area.children[0].className, OUTPUT_CLASSES.text);
  assert.equal(area.children[0].textContent, '<b>42</b> rows');
});

test('output.element returns the element it placed, so code can fill it', () => {
  const first = new FakeElement('div');
  const second = new FakeElement('div');
  const { api, runIn } = frameWith([first, second]);
  runIn(1);
  const canvas = api.output.element('canvas');
  assert.equal(canvas.tagName, 'CANVAS');
  assert.equal(first.children.length, 0);
  assert.equal(second.children[0].className, OUTPUT_CLASSES.element);
  assert.equal(second.children[0].children[0], canvas);
});

test('documented calls Jodide lacks throw an Error naming the call', () => {
  const { api } = frameWith([new FakeElement('div')]);
  assert.throws(() => api.environment.get('x'), { message: /^iodide\.environment\.get is not supported in Jodide/ });
  assert.throws(() => api.evalQueue.requireExplicitContinuation(), { message: /^iodide\.evalQueue\.requireExplicitContinuation is not/ });
});

test('addOutputRenderer and addOutputHandler decide how values show, clearOutputRenderers forgets them', () => {
  const renderers = createValueRenderers();
  const api = createIodideApi({ document: fakeDocument, currentOutputElement: () => null, renderers });
  api.addOutputRenderer({ shouldRender: (v) => v === 1, render: () => '<b>one</b>' });
  api.addOutputHandler({ shouldHandle: (v) => v === 2, render: () => '<b>two</b>' });
  assert.equal(renderers.htmlOf(1).html, '<b>one</b>');
  assert.equal(renderers.htmlOf(2).html, '<b>two</b>');
  assert.throws(() => api.addOutputRenderer({ render: () => '' }), /needs a "shouldRender" function/);
  api.clearOutputRenderers();
  assert.equal(renderers.htmlOf(1).html, null);
  const without = createIodideApi({ document: fakeDocument, currentOutputElement: () => null });
  assert.throws(() => without.addOutputRenderer({}), { message: /^iodide\.addOutputRenderer is not supported in Jodide/ });
});

test('unknown names throw an Error naming them, but probes such as then and symbols stay undefined', () => {
  const { api } = frameWith([new FakeElement('div')]);
  assert.throws(() => api.notebook, { message: /^iodide\.notebook is not supported in Jodide/ });
  assert.throws(() => api.output.html('x'), { message: /^iodide\.output\.html is not supported in Jodide/ });
  assert.equal(api.then, undefined);
  assert.equal(api[Symbol.toPrimitive], undefined);
  assert.equal(typeof api.VERSION, 'string');
});

test('evalQueue.await resolves with all the promises, so a chunk returning it waits for them', async () => {
  const { api } = frameWith([new FakeElement('div')]);
  assert.deepEqual(await api.evalQueue.await([Promise.resolve(1), 2]), [1, 2]);
});

test('the API cannot be changed by notebook code by accident', () => {
  const { api } = frameWith([new FakeElement('div')]);
  assert.throws(() => { 'use strict'; api.output.text = null; }, TypeError);
});

test('a frame without currentOutputElement is a configuration error', () => {
  assert.throws(() => createIodideApi({ document: fakeDocument }), TypeError);
});

test('iodide.file reads the data files the frame was given, as Iodide\'s load types', async () => {
  const files = dataFiles();
  files.put('table.json', new TextEncoder().encode('{"rows": [1, 2]}').buffer, '2026-12-03T06:00:00.000Z');
  files.put('bytes.bin', Uint8Array.of(0, 255).buffer, '2026-11-29T23:59:59.250Z');
  const api = createIodideApi({ document: {}, currentOutputElement: () => null, files });
  assert.deepEqual(api.file.list(), ['bytes.bin', 'table.json']);
  assert.equal(api.file.exists('table.json'), true);
  assert.equal(api.file.exists('nope.csv'), false);
  assert.deepEqual(await api.file.load('table.json', 'json'), { rows: [1, 2] });
  assert.equal(await api.file.load('table.json', 'text'), '{"rows": [1, 2]}');
  assert.deepEqual([...new Uint8Array(await api.file.load('bytes.bin', 'arrayBuffer'))], [0, 255]);
  assert.equal((await api.file.load('bytes.bin', 'blob')).size, 2);
  await api.file.load('table.json', 'json', 'loadedTable');
  assert.deepEqual(globalThis.loadedTable, { rows: [1, 2] });
  delete globalThis.loadedTable;
  await assert.rejects(api.file.load('nope.csv', 'text'), /there is no data file "nope.csv" .*there are: bytes.bin, table.json/);
  await assert.rejects(api.file.load('table.json', 'xml'), /"xml" is not a load type/);
  assert.equal(api.file.lastUpdated('table.json').toISOString(), '2026-12-03T06:00:00.000Z', 'a Date, as Iodide gave');
  assert.equal(api.file.lastUpdated('bytes.bin').getTime(), Date.UTC(2026, 10, 29, 23, 59, 59, 250));
  assert.throws(() => api.file.lastUpdated('nope.csv'), /^Error: iodide\.file\.lastUpdated: there is no data file "nope.csv"/);
  files.remove('table.json');
  assert.deepEqual(api.file.list(), ['bytes.bin']);
});

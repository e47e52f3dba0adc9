// The notebook carried in a link (#iomd=): page/notebook-link.js.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  copyText, decodeNotebook, onLinkedNotebookChange, encodeNotebook, linkedNotebookData, makeNotebookLink, notebookLink, readLinkedNotebook,
} from '../../main/js/page/notebook-link.js';

const NOTEBOOK = '%% md\r\n# Café ☕ — 𝛑\r\n%% py\nprint("hi")\n%% js\n"ünïcode"\n';

test('a notebook comes back from its link data byte for byte (CRLF, non-ASCII, astral characters)', async () => {
  const data = await encodeNotebook(NOTEBOOK);
  assert.match(data, /^[A-Za-z0-9_-]+$/, 'base64url without padding');
  assert.equal(await decodeNotebook(data), NOTEBOOK);
});

test('link data is compressed: a long repetitive notebook makes a short link', async () => {
  const notebook = '%% py\nx = 1\n'.repeat(1000);
  const data = await encodeNotebook(notebook);
  assert.ok(data.length < notebook.length / 20, `${data.length} characters for ${notebook.length}`);
  assert.equal(await decodeNotebook(data), notebook);
});

test('an empty notebook and every base64url length round-trip', async () => {
  for (const text of ['', 'a', 'ab', 'abc', 'abcd', 'abcde']) {
    assert.equal(await decodeNotebook(await encodeNotebook(text)), text);
  }
});

test('damaged link data is refused with what is wrong, never decoded into garbage', async () => {
  const data = await encodeNotebook(NOTEBOOK);
  await assert.rejects(decodeNotebook(data.slice(0, Math.floor(data.length / 2))), /damaged.*cut short/);
  await assert.rejects(decodeNotebook('not base64!'), /does not carry a notebook/);
  await assert.rejects(decodeNotebook(''), /does not carry a notebook/);
  await assert.rejects(decodeNotebook('A'), /damaged.*cut short/);
  for (let cut = 1; cut < 8; cut++) {
    await assert.rejects(decodeNotebook(data.slice(0, data.length - cut)), /damaged.*cut short/, `cut by ${cut}`);
  }
  const notUtf8 = await (async () => {
    const stream = new Blob([new Uint8Array([0xff, 0xfe, 0x80])]).stream().pipeThrough(new CompressionStream('deflate-raw'));
    const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
    return Buffer.from(bytes).toString('base64url');
  })();
  await assert.rejects(decodeNotebook(notUtf8), /not UTF-8/);
});

test('the link data is read from the fragment #iomd=, and only from it', () => {
  assert.equal(linkedNotebookData('#iomd=abc-_'), 'abc-_');
  assert.equal(linkedNotebookData('iomd=abc'), 'abc');
  assert.equal(linkedNotebookData('#other=abc'), null);
  assert.equal(linkedNotebookData(''), null);
  assert.equal(linkedNotebookData(null), null);
});

test('a link keeps the page and its settings, drops ?notebook= and replaces the fragment', () => {
  assert.equal(notebookLink('DATA', 'https://example.org/jodide/index.html?notebook=a.iomd&view=report#old'),
    'https://example.org/jodide/index.html?view=report#iomd=DATA');
  assert.equal(notebookLink('DATA', 'http://localhost:8080/'), 'http://localhost:8080/#iomd=DATA');
});

test('the Java-side callbacks answer (text, null) or (null, why)', async () => {
  const data = await encodeNotebook(NOTEBOOK);
  const read = await new Promise((resolve) => readLinkedNotebook(data, (...args) => resolve(args)));
  assert.deepEqual(read, [NOTEBOOK, null]);
  const failed = await new Promise((resolve) => readLinkedNotebook('%%%', (...args) => resolve(args)));
  assert.equal(failed[0], null);
  assert.match(failed[1], /does not carry a notebook/);
  globalThis.location = new URL('https://example.org/index.html?notebook=x.iomd');
  try {
    const [link, error] = await new Promise((resolve) => makeNotebookLink(NOTEBOOK, (...args) => resolve(args)));
    assert.equal(error, null);
    assert.ok(link.startsWith('https://example.org/index.html#iomd='), link);
    assert.equal(await decodeNotebook(linkedNotebookData(new URL(link).hash)), NOTEBOOK);
  } finally {
    delete globalThis.location;
  }
});

test('copyText reports the clipboard refusing, or having no clipboard at all', async () => {
  const copied = [];
  const ok = await new Promise((resolve) => copyText('x', resolve, { writeText: (t) => { copied.push(t); return Promise.resolve(); } }));
  assert.equal(ok, null);
  assert.deepEqual(copied, ['x']);
  const refused = await new Promise((resolve) => copyText('x', resolve, { writeText: () => Promise.reject(new Error('denied')) }));
  assert.equal(refused, 'denied');
  const none = await new Promise((resolve) => copyText('x', resolve, null));
  assert.match(none, /no clipboard/);
});

test('a fragment that comes to carry another notebook is heard; the same one or none is not', () => {
  const scope = new EventTarget();
  scope.location = { hash: '#iomd=first' };
  let heard = 0;
  onLinkedNotebookChange('first', () => { heard++; }, scope);
  scope.dispatchEvent(new Event('hashchange'));
  scope.location.hash = '#elsewhere';
  scope.dispatchEvent(new Event('hashchange'));
  assert.equal(heard, 0);
  scope.location.hash = '#iomd=second';
  scope.dispatchEvent(new Event('hashchange'));
  assert.equal(heard, 1);
});

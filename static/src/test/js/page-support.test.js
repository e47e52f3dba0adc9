// The editor page's and the frame's small helpers (src/main/js/page), with fakes for the browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  carriesFiles, decodeText, fetchText, firstFileName, inEditor, lastPathSegment, readFirstFile, requestedNotebookUrl,
} from '../../main/js/page/notebook-files.js';
import { readStorage, removeStorage, writeStorage } from '../../main/js/page/storage.js';
import { listenMessages, listenMessagesWithPorts, listenPort, onPageLeft } from '../../main/js/page/page-events.js';
import { forwardedSettings, isMacPlatform, withUrlParameter } from '../../main/js/page/url-settings.js';
import { renderAllMath } from '../../main/js/report/math.js';

const answer = (results) => new Promise((resolve) => { results.resolve = resolve; });

test('?notebook= resolves against the page, and no parameter is null', () => {
  assert.equal(requestedNotebookUrl('?notebook=examples/a%20b.iomd', 'https://site/jodide/index.html'),
    'https://site/jodide/examples/a%20b.iomd');
  assert.equal(requestedNotebookUrl('?other=1', 'https://site/'), null);
});

test('fetchText gives the text with its byte order mark, or names the status or the network error', async () => {
  const bytes = new Uint8Array([0xef, 0xbb, 0xbf, 0x68, 0x69]).buffer;
  const ok = {};
  const okDone = answer(ok);
  fetchText('n.iomd', (text, error) => ok.resolve([text, error]), async () => ({ ok: true, arrayBuffer: async () => bytes }));
  assert.deepEqual(await okDone, ['\ufeffhi', null]);
  const missing = {};
  const missingDone = answer(missing);
  fetchText('n.iomd', (text, error) => missing.resolve([text, error]), async () => ({ ok: false, status: 404, statusText: 'Not Found' }));
  assert.deepEqual(await missingDone, [null, 'HTTP 404 Not Found']);
  const offline = {};
  const offlineDone = answer(offline);
  fetchText('n.iomd', (text, error) => offline.resolve([text, error]), async () => { throw new TypeError('Failed to fetch'); });
  const [none, refused] = await offlineDone;
  assert.equal(none, null);
  assert.match(refused, /Failed to fetch.*unreachable.*Access-Control-Allow-Origin/);
  assert.equal(decodeText(new Uint8Array([0xc3, 0xa9])), 'é');
});

test('fetchText calls back once; what the callback throws is not taken for a failed request', async () => {
  const calls = [];
  const bytes = new TextEncoder().encode('%% md\nhi').buffer;
  const settled = fetchText('n.iomd', (text, error) => {
    calls.push([text, error]);
    throw new RangeError('Maximum call stack size exceeded');
  }, async () => ({ ok: true, arrayBuffer: async () => bytes }));
  await assert.rejects(settled, /Maximum call stack size exceeded/);
  assert.deepEqual(calls, [['%% md\nhi', null]]);
});

test('fetchText refuses an answer that is not text, by its Content-Type or its bytes; octet-stream text is read', async () => {
  const fetched = (type, bytes) => new Promise((resolve) => fetchText('n.iomd', (text, error) => resolve([text, error]),
    async () => ({ ok: true, headers: new Headers(type ? { 'Content-Type': type } : {}), arrayBuffer: async () => bytes })));
  const text = new TextEncoder().encode('%% md\nhi').buffer;
  const [none, image] = await fetched('image/png', text);
  assert.equal(none, null);
  assert.match(image, /image\/png file, not a notebook/);
  assert.match((await fetched('application/pdf; x=1', text))[1], /application\/pdf file/);
  assert.deepEqual(await fetched('application/octet-stream', text), ['%% md\nhi', null], 'how servers send unknown extensions');
  assert.deepEqual(await fetched('text/plain; charset=utf-8', text), ['%% md\nhi', null]);
  const [binary, notUtf8] = await fetched('', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0xff]).buffer);
  assert.equal(binary, null);
  assert.match(notUtf8, /not UTF-8 text/);
});

test('a file picked in the input is read; a binary one is refused; the same file may be picked again', async () => {
  const { listenForPickedFiles } = await import('../../main/js/page/notebook-files.js');
  const input = new EventTarget();
  input.value = 'C:\\fakepath\\a.iomd';
  const picks = [];
  let heard;
  listenForPickedFiles(input, (...args) => { picks.push(args); heard(); });
  const pick = (file) => new Promise((resolve) => {
    heard = resolve;
    input.files = [file];
    input.dispatchEvent(new Event('change'));
  });
  await pick(new File(['\ufeff%% py\n1+1\n'], 'a.iomd'));
  assert.deepEqual(picks[0], ['a.iomd', '\ufeff%% py\n1+1\n', null]);
  assert.equal(input.value, '', 'emptied');
  await pick(new File([new Uint8Array([0xff, 0xfe, 0x00])], 'b.iomd'));
  assert.equal(picks[1][0], 'b.iomd');
  assert.equal(picks[1][1], null);
  assert.match(picks[1][2], /not UTF-8/);
});

test('the last path segment of a URL is its decoded file name, or null', () => {
  assert.equal(lastPathSegment('https://site/notes/my%20notes.iomd?x=1'), 'my notes.iomd');
  assert.equal(lastPathSegment('https://site/notes/'), null);
  assert.equal(lastPathSegment('not a url'), null);
});

test('a file drop is recognised and its first file read as text', async () => {
  const file = { name: 'dropped.iomd', arrayBuffer: async () => new TextEncoder().encode('%% md\nhi').buffer };
  const drop = { dataTransfer: { types: ['text/plain', 'Files'], files: [file] }, target: { closest: () => null } };
  assert.equal(carriesFiles(drop), true);
  assert.equal(carriesFiles({ dataTransfer: { types: ['text/plain'] } }), false);
  assert.equal(carriesFiles({}), false);
  assert.equal(inEditor(drop), false);
  assert.equal(inEditor({ target: { closest: (selector) => (selector === '.cm-editor' ? {} : null) } }), true);
  assert.equal(firstFileName(drop), 'dropped.iomd');
  assert.equal(firstFileName({ dataTransfer: { files: [] } }), null);
  const read = {};
  const done = answer(read);
  readFirstFile(drop, (text, error) => read.resolve([text, error]));
  assert.deepEqual(await done, ['%% md\nhi', null]);
});

test('storage failures are values: null on read, a reason on write, ignored on remove', () => {
  const map = new Map();
  const storage = {
    getItem: (key) => (map.has(key) ? map.get(key) : null),
    setItem: (key, value) => map.set(key, String(value)),
    removeItem: (key) => map.delete(key),
  };
  assert.equal(writeStorage('k', 'v', storage), null);
  assert.equal(readStorage('k', storage), 'v');
  removeStorage('k', storage);
  assert.equal(readStorage('k', storage), null);
  const broken = {
    getItem: () => { throw new Error('denied'); },
    setItem: () => { const e = new Error('full'); e.name = 'QuotaExceededError'; throw e; },
    removeItem: () => { throw new Error('denied'); },
  };
  assert.equal(readStorage('k', broken), null);
  assert.equal(writeStorage('k', 'v', broken), 'the browser storage is full');
  assert.equal(writeStorage('k', 'v', { setItem: () => { throw new Error('disabled'); } }), 'disabled');
  assert.doesNotThrow(() => removeStorage('k', broken));
});

test('messages reach the handler as text (null when not a string), with their first port', () => {
  const target = new EventTarget();
  const heard = [];
  listenMessages((source, origin, text) => heard.push(['plain', source, origin, text]), target);
  listenMessagesWithPorts((source, origin, text, port) => heard.push(['ports', origin, text, port]), target);
  const message = (data, ports) => Object.assign(new Event('message'), { source: 'frame', origin: 'null', data, ports });
  target.dispatchEvent(message('{"type":"run"}', ['port']));
  target.dispatchEvent(message({ not: 'text' }, []));
  assert.deepEqual(heard, [
    ['plain', 'frame', 'null', '{"type":"run"}'], ['ports', 'null', '{"type":"run"}', 'port'],
    ['plain', 'frame', 'null', null], ['ports', 'null', null, null],
  ]);
  const port = {};
  const fromPort = [];
  listenPort(port, (text) => fromPort.push(text));
  port.onmessage({ data: 'hello' });
  port.onmessage({ data: 7 });
  assert.deepEqual(fromPort, ['hello', null]);
});

test('leaving the page means pagehide or becoming hidden', () => {
  const win = new EventTarget();
  const doc = Object.assign(new EventTarget(), { visibilityState: 'visible' });
  let left = 0;
  onPageLeft(() => left++, win, doc);
  doc.dispatchEvent(new Event('visibilitychange'));
  assert.equal(left, 0);
  doc.visibilityState = 'hidden';
  doc.dispatchEvent(new Event('visibilitychange'));
  win.dispatchEvent(new Event('pagehide'));
  assert.equal(left, 2);
});

test("only the frame's settings are forwarded, encoded", () => {
  assert.equal(forwardedSettings('?notebook=a.iomd&python=worker&packageIndex=http://x/y%20z/&theme=dark'),
    '&packageIndex=http%3A%2F%2Fx%2Fy%20z%2F&python=worker');
  assert.equal(forwardedSettings(''), '');
});

test('a URL parameter is set, replaced or removed', () => {
  assert.equal(withUrlParameter('https://s/?view=report&a=1', 'view', 'split'), 'https://s/?view=split&a=1');
  assert.equal(withUrlParameter('https://s/?view=report&a=1', 'view', null), 'https://s/?a=1');
});

test('Mac keyboards are recognised by platform', () => {
  assert.equal(isMacPlatform({ userAgentData: { platform: 'macOS' } }), true);
  assert.equal(isMacPlatform({ platform: 'iPhone' }), true);
  assert.equal(isMacPlatform({ platform: 'Linux x86_64' }), false);
  assert.equal(isMacPlatform({}), false);
});

test('every .math[data-tex] element under a root is rendered in place, blocks as display math', () => {
  const element = (tex, display) => ({
    innerHTML: '', getAttribute: () => tex, classList: { contains: (name) => display && name === 'math-display' },
  });
  const inline = element('x^2', false);
  const block = element('\\frac{1}{2}', true);
  renderAllMath({ querySelectorAll: (selector) => (selector === '.math[data-tex]' ? [inline, block] : []) });
  assert.match(inline.innerHTML, /katex/);
  assert.doesNotMatch(inline.innerHTML, /katex-display/);
  assert.match(block.innerHTML, /katex-display/);
});

test('the eval frame is sandboxed without same-origin; the early one keeps its messages until adopted, and gets Pyodide\'s files'
  + ' and its own scripts when it asks', async () => {
  const { EVAL_FRAME_SANDBOX, adoptEarlyEvalFrame, createEvalFrame, startEarlyEvalFrame } = await import('../../main/js/page/eval-frame.js');
  const listeners = new Set();
  const fakeElement = () => ({
    attributes: {}, setAttribute(name, value) { this.attributes[name] = value; }, dataset: {},
    contentWindow: {
      posted: [],
      postMessage(data, origin, transfer = []) {
        this.posted.push([data, origin]);
        transfer.forEach((port) => port.close()); // a port left open would keep Node running
      },
    },
    addEventListener() {},
  });
  globalThis.document = { createElement: fakeElement, baseURI: 'https://site.example/index.html' };
  globalThis.window = {
    location: { origin: 'https://site.example', search: '' },
    addEventListener: (type, f) => listeners.add(f),
    removeEventListener: (type, f) => listeners.delete(f),
  };
  // The host answers the frame's probe with CORS headers: the frame loads evalframe.html itself.
  const siteFetch = globalThis.fetch;
  const fetched = [];
  globalThis.fetch = async (url) => {
    fetched.push(String(url));
    return { ok: !String(url).endsWith('.zip'), headers: new Headers({ 'Access-Control-Allow-Origin': '*' }), blob: async () => new Blob([String(url)]) };
  };
  try {
    const children = [];
    const container = { appendChild: (child) => children.push(child) };
    const made = createEvalFrame(container, 'dark', '?python=main&other=1');
    assert.equal(made.attributes.sandbox, 'allow-scripts allow-modals');
    await new Promise((resolve) => setTimeout(resolve, 0));
    assert.equal(made.attributes.sandbox, 'allow-scripts allow-modals');
    assert.equal(EVAL_FRAME_SANDBOX.includes('allow-same-origin'), false);
    assert.equal(made.attributes.src, 'evalframe.html#theme=dark&python=main&scripts=page');
    assert.equal(made.attributes.allow, 'clipboard-write; fullscreen; cross-origin-isolated');

    assert.equal(adoptEarlyEvalFrame(), null, 'none was started');
    startEarlyEvalFrame(container, 'light', '');
    const early = children[children.length - 1];
    await new Promise((resolve) => setTimeout(resolve, 0));
    listeners.forEach((listener) => listener({ source: early.contentWindow, data: '{"type":"FrameReady"}', origin: 'null' }));
    listeners.forEach((listener) => listener({ source: {}, data: 'from elsewhere', origin: 'https://evil' }));
    const adopted = adoptEarlyEvalFrame();
    assert.equal(adopted.iframe, early);
    assert.deepEqual(adopted.messages, [{ data: '{"type":"FrameReady"}', origin: 'null' }]);
    assert.equal(listeners.size, 6, 'the early listener is gone once adopted; each served frame waits for its two asks and for asks of site modules');
    assert.equal(adoptEarlyEvalFrame(), null, 'adopted once');

    // The early frame asks for Pyodide's big files: it gets those this page could read (not the stdlib here), once.
    const ask = { source: early.contentWindow, data: { jodideWantsPyodideFiles: true }, origin: 'null' };
    [...listeners].forEach((listener) => listener(ask));
    await new Promise((resolve) => setTimeout(resolve, 10));
    assert.equal(early.contentWindow.posted.length, 2);
    assert.deepEqual(early.contentWindow.posted[0], [{ jodidePyodideFilesComing: true,
      jodidePackageIndex: 'https://cdn.jsdelivr.net/pyodide/v314.0.7/full/' }, '*'],
    'promised at once, with a port for the package index\'s files (package-files.test.js)');
    const [answer, to] = early.contentWindow.posted[1];
    assert.equal(to, '*');
    assert.deepEqual(Object.keys(answer.jodidePyodideFiles), ['pyodide/pyodide.asm.wasm', 'pyodide/python-snapshot.gz',
      'pyodide/pyodide.asm.mjs', 'pyodide/pyodide-lock.json', 'pyodide/jodide-kernel.json']);
    assert.equal(answer.jodidePyodideFiles['pyodide/pyodide.asm.wasm'].type, 'application/wasm');
    assert.equal(answer.jodidePyodideFiles['pyodide/pyodide.asm.mjs'].type, 'text/javascript', 'importable from a blob: URL');
    assert.equal(await answer.jodidePyodideFiles['pyodide/python-snapshot.gz'].text(), 'https://site.example/pyodide/python-snapshot.gz');
    assert.equal(listeners.size, 5, 'answered once');
    assert.equal(fetched.filter((url) => url.endsWith('.wasm')).length, 1, 'fetched once per page');

    // Then for its own modules and its worker's scripts (frame-scripts.test.js), once.
    [...listeners].forEach((listener) => listener({ source: early.contentWindow, data: { jodideWantsFrameScripts: true }, origin: 'null' }));
    await new Promise((resolve) => setTimeout(resolve, 10));
    assert.equal(early.contentWindow.posted.length, 3);
    const [scripts, scriptsTo] = early.contentWindow.posted[2];
    assert.equal(scriptsTo, '*');
    assert.ok(Object.keys(scripts.jodideFrameScripts).includes('evalframe.js'), Object.keys(scripts.jodideFrameScripts).join());
    assert.ok(Object.keys(scripts.jodideFrameScripts).includes('python-worker.js'));
    assert.equal(scripts.jodideFrameScripts['evalframe.js'].type, 'text/javascript', 'importable from a blob: URL');
    assert.equal(listeners.size, 4, 'answered once');
  } finally {
    delete globalThis.document;
    delete globalThis.window;
    globalThis.fetch = siteFetch;
  }
});

test('whenEvalFrameLoaded hears a frame that loads later, and one that has loaded already', async () => {
  const { EVAL_FRAME_LOADED, whenEvalFrameLoaded } = await import('../../main/js/page/eval-frame.js');
  const later = new EventTarget();
  later.dataset = {};
  let heard = 0;
  whenEvalFrameLoaded(later, () => { heard++; });
  assert.equal(heard, 0);
  later.dispatchEvent(new Event(EVAL_FRAME_LOADED));
  later.dispatchEvent(new Event(EVAL_FRAME_LOADED));
  assert.equal(heard, 1, 'once');
  const loaded = new EventTarget();
  loaded.dataset = { loaded: 'true' };
  await new Promise((resolve) => whenEvalFrameLoaded(loaded, resolve));
});

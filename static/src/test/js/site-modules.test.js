// Site modules the report's frame imports when it needs them, handed by the page that made it
// (frame/site-modules.js, page/site-modules.js), and the diagrams that use one (report/diagrams.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ASK, askParentForModule, COMING, importSiteModule, LAZY_SITE_MODULES, parentOriginOf,
} from '../../main/js/frame/site-modules.js';
import { answerSiteModuleAsks } from '../../main/js/page/site-modules.js';
import { diagramKey, KEPT_DIAGRAMS, lookOf } from '../../main/js/report/diagrams.js';

const SITE = 'https://site.example/app/';

/** A frame's window whose parent hears its asks; `answer(data, port)` plays the page. */
function frameWindow(answer = () => {}) {
  const parent = {
    posted: [],
    postMessage(data, origin, [port]) {
      this.posted.push([data, origin]);
      answer(data, port);
    },
  };
  return {
    parent,
    location: { origin: 'https://site.example', hash: '#theme=dark' },
    document: { baseURI: `${SITE}evalframe.html` },
    URL: { createObjectURL: (blob) => `blob:${SITE}${blob.size}` },
  };
}

test('Mermaid is the one module the frame imports later', () => {
  assert.deepEqual(LAZY_SITE_MODULES, ['mermaid.js']);
});

test('the frame asks its parent at the site origin, with a port, and takes the Blob once the page said it is coming', async () => {
  const module = new Blob(['export default 1;'], { type: 'text/javascript' });
  const win = frameWindow((data, port) => {
    assert.deepEqual(data, { [ASK]: 'mermaid.js' });
    port.postMessage(COMING);
    setTimeout(() => port.postMessage({ blob: module }), 60);
  });
  const blob = await askParentForModule('mermaid.js', win, { comingDeadlineMs: 30 });
  assert.equal(await blob.text(), 'export default 1;', 'waited past the deadline: the page had said it was coming');
  assert.equal(win.parent.posted[0][1], 'https://site.example');
});

test('a page that does not answer in time, or has no Blob, leaves the frame to import from the site itself', async () => {
  assert.equal(await askParentForModule('mermaid.js', frameWindow(), { comingDeadlineMs: 20 }), null);
  const failing = frameWindow((data, port) => { port.postMessage(COMING); port.postMessage({ failed: 'offline' }); });
  assert.equal(await askParentForModule('mermaid.js', failing, { comingDeadlineMs: 20 }), null);
});

test('a srcdoc frame (its location of no origin) or an embedded one asks any origin', () => {
  assert.equal(parentOriginOf({ location: { origin: 'null', hash: '' } }), '*');
  assert.equal(parentOriginOf({ location: { origin: 'https://site.example', hash: '' } }), 'https://site.example');
  assert.equal(parentOriginOf({ location: { origin: 'https://site.example', hash: '' }, jodideFrameHash: '#embedded=1' }), '*',
    'a frame embed.js made on another site\'s page');
});

test('importSiteModule imports the handed Blob by a blob: URL, else the site URL, once per frame', async () => {
  const imported = [];
  const importModule = (url) => { imported.push(url); return Promise.resolve({ default: url }); };
  const win = frameWindow();
  const handed = new Blob(['x'.repeat(7)]);
  const first = await importSiteModule('mermaid.js', { win, ask: () => Promise.resolve(handed), importModule });
  assert.equal(first.default, `blob:${SITE}7`);
  const again = await importSiteModule('mermaid.js', { win, ask: () => Promise.resolve(null), importModule });
  assert.equal(again, first, 'imported once');
  assert.deepEqual(imported, [`blob:${SITE}7`]);
  await assert.rejects(importSiteModule('evil.js', { win, importModule }), /not a module the report's frame imports later/);
});

test('a module that fails to import rejects naming it, and the next call tries again', async () => {
  const win = frameWindow();
  // Another module name would be refused: the cache is per path, so this test drives it through a fresh failure.
  const failing = () => Promise.reject(new Error('SyntaxError'));
  // mermaid.js may be cached by the test above: only a fresh module object shows the retry.
  const { importSiteModule: fresh } = await import(`../../main/js/frame/site-modules.js?retry=${Date.now()}`);
  await assert.rejects(fresh('mermaid.js', { win, ask: () => Promise.resolve(null), importModule: failing }), /mermaid\.js did not load: SyntaxError/);
  const loaded = await fresh('mermaid.js', { win, ask: () => Promise.resolve(null), importModule: (url) => Promise.resolve({ url }) });
  assert.deepEqual(loaded, { url: `${SITE}mermaid.js` });
});

/** The editor page's window and its frame's: messages from the frame reach the page's listeners. */
function pageAndFrame() {
  const listeners = [];
  const frameWin = {};
  const win = {
    document: { baseURI: `${SITE}index.html` },
    addEventListener: (type, listener) => listeners.push(listener),
  };
  const iframe = { contentWindow: frameWin };
  /**
   * The page's answers to an ask of `path` from `source`, the last being the module or why not; with
   * `silenceMs`, 'none' when no answer came within that time.
   */
  const ask = (path, source = frameWin, silenceMs = null) => new Promise((resolve) => {
    const channel = new MessageChannel();
    const answers = [];
    const done = (result) => {
      clearTimeout(silence);
      channel.port1.close();
      resolve(result);
    };
    const silence = silenceMs === null ? null : setTimeout(() => done('none'), silenceMs);
    channel.port1.onmessage = ({ data }) => {
      answers.push(data);
      if (data !== COMING) done(answers);
    };
    listeners.forEach((listener) => listener({ source, data: { [ASK]: path }, ports: [channel.port2] }));
  });
  return { win, iframe, ask };
}

test('the page answers its frame: coming, then the module read from the site as JavaScript', async () => {
  const fetched = [];
  const fetch = (url) => {
    fetched.push(String(url));
    return Promise.resolve(new Response('export default 42;', { status: 200 }));
  };
  const { win, iframe, ask } = pageAndFrame();
  answerSiteModuleAsks(iframe, win, win.document.baseURI, { caches: null, fetch, ready: null, sources: new Map() });
  const [coming, answer] = await ask('mermaid.js');
  assert.equal(coming, COMING);
  assert.equal(answer.blob.type, 'text/javascript', 'imported from a blob: URL only with a JavaScript type');
  assert.equal(await answer.blob.text(), 'export default 42;');
  await ask('mermaid.js');
  assert.deepEqual(fetched, [`${SITE}mermaid.js`], 'read once per page');
});

test('the page refuses what is not a lazy module, says when the site cannot be read, and hears no other window', async () => {
  const { win, iframe, ask } = pageAndFrame();
  let fetches = 0;
  const fetch = () => { fetches += 1; return Promise.resolve(new Response('', { status: 404 })); };
  answerSiteModuleAsks(iframe, win, win.document.baseURI, { caches: null, fetch, ready: null, sources: new Map() });
  assert.deepEqual(await ask('index.html'), [{ failed: "index.html is not a module the page hands its frame" }]);
  const [, missing] = await ask('mermaid.js');
  assert.deepEqual(missing, { failed: 'mermaid.js could not be read from the site' });
  await ask('mermaid.js');
  assert.equal(fetches, 2, 'read again after a failure: the host may answer now');
  assert.equal(await ask('mermaid.js', {}, 200), 'none', 'a message from another window is left alone');
});

test('diagrams take the report theme, or the system\'s when it is automatic, and are kept by look and source', () => {
  const documentWith = (theme, dark) => ({
    documentElement: { dataset: { theme } },
    defaultView: { matchMedia: () => ({ matches: dark }) },
  });
  assert.equal(lookOf(documentWith('dark', false)), 'dark');
  assert.equal(lookOf(documentWith('light', true)), 'light');
  assert.equal(lookOf(documentWith('auto', true)), 'dark');
  assert.equal(lookOf(documentWith('auto', false)), 'light');
  assert.notEqual(diagramKey('dark', 'graph TD; A-->B'), diagramKey('light', 'graph TD; A-->B'));
  assert.ok(KEPT_DIAGRAMS >= 10);
});

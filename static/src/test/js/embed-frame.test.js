// The embed's kernel frame (embed/embed-frame.js): its address carries the page's settings, and the
// page hands it Pyodide's files and the package index's through the site's page-support.js.
import { test } from 'node:test';
import assert from 'node:assert/strict';

function fakeDocument() {
  const made = [];
  return {
    made,
    baseURI: 'https://docs.example/guide/page.html',
    createElement: () => {
      const attributes = {};
      const iframe = {
        attributes,
        dataset: {},
        style: { setProperty() {} },
        setAttribute: (name, value) => { attributes[name] = value; },
        addEventListener() {},
      };
      made.push(iframe);
      return iframe;
    },
  };
}

test('the frame gets the page\'s package index, absolute, in its address, and the page answers its asks before it loads', async () => {
  globalThis.document = fakeDocument();
  try {
    const { embedFrameSupport } = await import('../../main/js/embed/embed-frame.js');
    const answered = [];
    const pageSupport = {
      answerEmbeddedFrame: (iframe, siteUrl, index) => answered.push([iframe.attributes.src, siteUrl, index]),
    };
    const container = { appendChild() {} };
    const site = 'https://jodide.example/';
    const iframe = embedFrameSupport(site, null, 'wheels', () => pageSupport).createEvalFrame(container, 'dark');
    assert.deepEqual(answered, [[undefined, site, 'https://docs.example/guide/wheels/']], 'answered before the src is set');
    assert.equal(iframe.attributes.src,
      `${site}evalframe.html#embedded=1&theme=dark&packageIndex=${encodeURIComponent('https://docs.example/guide/wheels/')}`);

    answered.length = 0;
    const plain = embedFrameSupport(site, 'micropython', null, () => pageSupport).createEvalFrame(container, 'light');
    assert.equal(plain.attributes.src, `${site}evalframe.html#embedded=1&theme=light&python=micropython`);
    assert.equal(answered[0][2], 'https://cdn.jsdelivr.net/pyodide/v314.0.7/full/', 'without one, the official index');

    const early = embedFrameSupport(site, null, null, () => null).createEvalFrame(container, 'light');
    assert.ok(early.attributes.src.startsWith(site), 'without page support (not loaded), the frame fetches for itself');
  } finally {
    delete globalThis.document;
  }
});

// How js chunks' values show (src/main/js/frame/value-renderers.js): the notebook's renderers in the
// order added, then iodideRender(), as Iodide showed them.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createValueRenderers, elementHtml } from '../../main/js/frame/value-renderers.js';

/** An element as the renderers see one: nodeType 1 and its outerHTML (a canvas draws a picture). */
function fakeElement(localName, outerHTML, extra = {}) {
  return { nodeType: 1, localName, outerHTML, querySelectorAll: () => [], ...extra };
}

function fakeCanvas() {
  const made = [];
  const ownerDocument = {
    createElement: (tag) => {
      const image = { tag, get outerHTML() { return `<img src="${this.src}" width="${this.width}" height="${this.height}">`; } };
      made.push(image);
      return image;
    },
  };
  return fakeElement('canvas', '<canvas width="2" height="3"></canvas>',
    { ownerDocument, width: 2, height: 3, toDataURL: () => 'data:image/png;base64,AAAA' });
}

test('values without a rich form show as text', () => {
  const renderers = createValueRenderers();
  for (const value of [undefined, null, 1, 'x', [1], { a: 1 }, () => 1]) {
    assert.deepEqual(renderers.htmlOf(value), { html: null, problems: [] });
  }
});

test('the notebook\'s renderers come first, in the order added; then iodideRender()', () => {
  const renderers = createValueRenderers();
  const point = { x: 1, y: 2, iodideRender: () => '<i>own</i>' };
  assert.equal(renderers.htmlOf(point).html, '<i>own</i>');
  renderers.addRenderer({ shouldRender: (v) => 'x' in Object(v), render: (v) => `<b>${v.x}, ${v.y}</b>` });
  renderers.addRenderer({ shouldRender: () => true, render: () => '<u>second</u>' });
  assert.equal(renderers.htmlOf(point).html, '<b>1, 2</b>');
  assert.equal(renderers.htmlOf(5).html, '<u>second</u>');
  renderers.clear();
  assert.equal(renderers.htmlOf(5).html, null);
  assert.equal(renderers.htmlOf(fakeElement('p', '<p>hi</p>')).html, null, 'an element shows as text unless rendered');
  renderers.addRenderer({ shouldRender: (v) => v.nodeType === 1, render: (v) => v });
  assert.equal(renderers.htmlOf(fakeElement('p', '<p>hi</p>')).html, '<p>hi</p>');
});

test('Iodide\'s first handlers (shouldHandle) may render an element; a canvas shows what is drawn on it', () => {
  const renderers = createValueRenderers();
  const canvas = fakeCanvas();
  renderers.addHandler({ shouldHandle: (v) => v.lat !== undefined, render: () => canvas });
  assert.equal(renderers.htmlOf({ lat: 1 }).html, '<img src="data:image/png;base64,AAAA" width="2" height="3">');
  assert.equal(elementHtml(canvas), '<img src="data:image/png;base64,AAAA" width="2" height="3">');
  const tainted = fakeCanvas();
  tainted.toDataURL = () => { throw new Error('SecurityError'); };
  assert.equal(elementHtml(tainted), '<canvas width="2" height="3"></canvas>');
});

test('a renderer that fails or renders no HTML is passed over and named', () => {
  const renderers = createValueRenderers();
  renderers.addRenderer({ shouldRender: () => { throw new TypeError('bad test'); }, render: () => '' });
  renderers.addRenderer({ shouldRender: () => true, render: () => 42 });
  const shown = renderers.htmlOf({ iodideRender: () => { throw new RangeError('deep'); } });
  assert.deepEqual(shown, { html: null, problems: [
    'Output renderer 1 failed: TypeError: bad test',
    'Output renderer 2 rendered number, not HTML (a string or an element)',
    'iodideRender() failed: RangeError: deep'] });
});

test('an object whose unknown properties throw when read (the iodide global itself) shows as text, with nothing said', () => {
  const strict = new Proxy({}, { get: (target, name) => { throw new Error(`no ${String(name)}`); } });
  assert.deepEqual(createValueRenderers().htmlOf(strict), { html: null, problems: [] });
});

test('a renderer without its two functions is refused when added, as in Iodide', () => {
  const renderers = createValueRenderers();
  assert.throws(() => renderers.addRenderer({ render: () => '' }), /needs a "shouldRender" function \(given: none\)/);
  assert.throws(() => renderers.addRenderer({ shouldRender: () => true, render: 'x' }), /needs a "render" function \(given: string\)/);
  assert.throws(() => renderers.addHandler(null), /needs a "shouldHandle" function/);
});

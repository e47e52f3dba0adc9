// The isolated renderer with a minimal stand-in for the DOM (node has none): what goes where,
// and that the shadow root is closed.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isolatedRoot, renderIsolated, WRAPPER_STYLE } from '../../main/js/report/rich-output.js';

function fakeElement(document, tag) {
  const element = {
    tag, attributes: {}, children: [], ownerDocument: document, style: { cssText: '' },
    setAttribute(name, value) { this.attributes[name] = value; },
    replaceChildren(...nodes) { this.children = nodes; },
    attachShadow(init) {
      this.shadowMode = init.mode;
      const root = {
        children: [],
        append(...nodes) { this.children.push(...nodes); },
        get lastChild() { return this.children[this.children.length - 1]; },
      };
      this.shadowRoot = root;
      return root;
    },
  };
  return element;
}

/** A constructed style sheet: its text. */
class FakeStyleSheet {
  replaceSync(text) { this.text = text; }
}

function fakeDocument() {
  const document = { defaultView: { CSSStyleSheet: FakeStyleSheet } };
  document.createElement = (tag) => fakeElement(document, tag);
  return document;
}

test('the output goes into a closed shadow root of a host inside a paint-contained wrapper', () => {
  const document = fakeDocument();
  const wrapper = fakeElement(document, 'div');
  const host = renderIsolated(wrapper, '<p>hi</p><style>p { color: red }</style>', (html) => html);
  assert.deepEqual(wrapper.children, [host]);
  assert.equal(wrapper.style.cssText, WRAPPER_STYLE, 'set through the CSSOM, which a strict Content-Security-Policy allows');
  assert.equal(wrapper.attributes.style, undefined, 'no style attribute, which a strict policy refuses');
  assert.match(WRAPPER_STYLE, /contain: paint/);
  assert.match(WRAPPER_STYLE, /position: relative/);
  assert.equal(host.shadowMode, 'closed');
  const content = isolatedRoot(host);
  assert.equal(content.innerHTML, '<p>hi</p><style>p { color: red }</style>');
  assert.deepEqual(host.shadowRoot.children.map((node) => node.tag), ['div'], 'no KaTeX style sheet without math');
  assert.equal(host.shadowRoot.adoptedStyleSheets.length, 1,
    'the base style is an adopted sheet (a strict policy refuses a <style>), which the output\'s own <style> overrides');
  assert.match(host.shadowRoot.adoptedStyleSheets[0].text, /:host \{ display: block; \}/);
  const again = renderIsolated(fakeElement(document, 'div'), '<i>again</i>', (html) => html);
  assert.equal(again.shadowRoot.adoptedStyleSheets[0], host.shadowRoot.adoptedStyleSheets[0], 'one sheet per document');
});

test('outputs with rendered math link KaTeX\'s style sheet inside the shadow root', () => {
  const document = fakeDocument();
  const host = renderIsolated(fakeElement(document, 'div'), '<span class="katex">x</span>', (html) => html);
  assert.deepEqual(host.shadowRoot.children.map((node) => node.tag), ['link', 'div']);
  assert.equal(host.shadowRoot.children[0].href, 'katex/katex.min.css');
});

test('the HTML is sanitized before it goes in', () => {
  const host = renderIsolated(fakeElement(fakeDocument(), 'div'), '<b>x</b>', (html) => html.replace('b', 'i'));
  assert.equal(isolatedRoot(host).innerHTML, '<i>x</b>');
});

test('other elements have no isolated root', () => {
  assert.equal(isolatedRoot({}), null);
});

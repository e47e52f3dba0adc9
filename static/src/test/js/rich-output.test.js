// The isolated renderer with a minimal stand-in for the DOM (node has none): what goes where,
// and that the shadow root is closed.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isolatedRoot, renderIsolated, WRAPPER_STYLE } from '../../main/js/report/rich-output.js';

function fakeElement(document, tag) {
  const element = {
    tag, attributes: {}, children: [], ownerDocument: document,
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

function fakeDocument() {
  const document = {};
  document.createElement = (tag) => fakeElement(document, tag);
  return document;
}

test('the output goes into a closed shadow root of a host inside a paint-contained wrapper', () => {
  const document = fakeDocument();
  const wrapper = fakeElement(document, 'div');
  const host = renderIsolated(wrapper, '<p>hi</p><style>p { color: red }</style>', (html) => html);
  assert.deepEqual(wrapper.children, [host]);
  assert.equal(wrapper.attributes.style, WRAPPER_STYLE);
  assert.match(WRAPPER_STYLE, /contain: paint/);
  assert.match(WRAPPER_STYLE, /position: relative/);
  assert.equal(host.shadowMode, 'closed');
  const content = isolatedRoot(host);
  assert.equal(content.innerHTML, '<p>hi</p><style>p { color: red }</style>');
  assert.deepEqual(host.shadowRoot.children.map((node) => node.tag), ['style', 'div'],
    'the base style comes first, so the output\'s own rules win; no KaTeX style sheet without math');
});

test('outputs with rendered math link KaTeX\'s style sheet inside the shadow root', () => {
  const document = fakeDocument();
  const host = renderIsolated(fakeElement(document, 'div'), '<span class="katex">x</span>', (html) => html);
  assert.deepEqual(host.shadowRoot.children.map((node) => node.tag), ['link', 'style', 'div']);
  assert.equal(host.shadowRoot.children[0].href, 'katex/katex.min.css');
});

test('the HTML is sanitized before it goes in', () => {
  const host = renderIsolated(fakeElement(fakeDocument(), 'div'), '<b>x</b>', (html) => html.replace('b', 'i'));
  assert.equal(isolatedRoot(host).innerHTML, '<i>x</b>');
});

test('other elements have no isolated root', () => {
  assert.equal(isolatedRoot({}), null);
});

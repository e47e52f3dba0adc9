// The report as it is shown, as HTML, for "Export HTML" (the editor's export-html.js builds the
// exported page from it and sanitizes it there: this frame runs notebook code, so nothing made
// here is trusted).
//
//   const { html, css } = snapshotReport(document.getElementById('report'), document.head);
//
// html is the report element's outer HTML, with what the serializer alone would lose:
// - each shadow root (the closed ones of rich output, rich-output.js, and open ones of custom
//   elements) as a first child <template data-jodide-shadow> of its host holding the root's content,
//   its adopted style sheets first as a <style>;
// - each <canvas> as an <img> of its pixels (a data: URL), so a plot drawn on a canvas is kept as
//   a picture; a canvas the page may not read (tainted by another site's image) becomes an empty <img>.
// The copy is made in an inert document (no browsing context): images in it do not load and its
// event handler attributes never run, so taking a snapshot runs nothing of the notebook again.
// css is the text of the styles notebook code gave the report, in their order in the document's head:
// its css chunks as applied (an untrusted notebook's are empty), the <style> elements js chunks added,
// and the rules of the stylesheets its fetch chunks' css lines loaded (fetch-loader.js; those a server
// let the frame read, FETCHED_STYLE).

import { shadowRootOf } from './rich-output.js';
import { FETCHED_STYLE } from './style-marks.js';

/** The attribute that marks a template holding a shadow root's content. */
export const SHADOW_MARK = 'data-jodide-shadow';

/** The report under `root` and the notebook's styles under `head` (see the top of this file). */
export function snapshotReport(root, head, shadowOf = shadowRootOf) {
  const inert = root.ownerDocument.implementation.createHTMLDocument('');
  const copy = copyNode(root, inert, shadowOf);
  const css = Array.from(head.querySelectorAll(`style, link[rel=stylesheet][${FETCHED_STYLE}]`), styleText)
    .filter((text) => text.trim() !== '')
    .join('\n');
  return { html: copy.outerHTML, css };
}

/** A <style>'s text, or the rules of a linked stylesheet ('' when its server does not let them be read). */
function styleText(node) {
  if (node.localName === 'style') return node.textContent;
  try {
    return node.sheet ? Array.from(node.sheet.cssRules, (rule) => rule.cssText).join('\n') : '';
  } catch (unreadable) {
    return '';
  }
}

/**
 * A deep copy of `node` in `inert`, with shadow roots as templates and canvases as images. Recursion
 * goes as deep as the report's DOM does (shallow), not as wide (long outputs have many children).
 */
function copyNode(node, inert, shadowOf) {
  if (node.nodeType === 1 && node.localName === 'canvas') {
    return canvasImage(node, inert);
  }
  const copy = inert.importNode(node, false);
  if (node.nodeType !== 1) return copy;
  const shadow = shadowOf(node);
  if (shadow) {
    const template = inert.createElement('template');
    template.setAttribute(SHADOW_MARK, '');
    // Adopted style sheets (rich output's base styles) are no nodes: kept as a <style> in front.
    const adopted = Array.from(shadow.adoptedStyleSheets ?? [], (sheet) => Array.from(sheet.cssRules, (rule) => rule.cssText).join('\n'));
    if (adopted.length > 0) {
      const style = inert.createElement('style');
      style.textContent = adopted.join('\n');
      template.content.appendChild(style);
    }
    for (let child = shadow.firstChild; child; child = child.nextSibling) {
      template.content.appendChild(copyNode(child, inert, shadowOf));
    }
    copy.appendChild(template);
  }
  // A template's own children live in its content.
  const source = node.localName === 'template' && node.content ? node.content : node;
  const target = copy.localName === 'template' && copy.content ? copy.content : copy;
  for (let child = source.firstChild; child; child = child.nextSibling) {
    target.appendChild(copyNode(child, inert, shadowOf));
  }
  return copy;
}

function canvasImage(canvas, inert) {
  const image = inert.createElement('img');
  for (const name of ['class', 'style', 'id']) {
    if (canvas.hasAttribute(name)) image.setAttribute(name, canvas.getAttribute(name));
  }
  image.setAttribute('width', String(canvas.width));
  image.setAttribute('height', String(canvas.height));
  image.setAttribute('alt', 'canvas');
  try {
    image.setAttribute('src', canvas.toDataURL('image/png'));
  } catch (failure) {
    image.setAttribute('alt', 'canvas (its pixels may not be read: it shows an image from another site)');
  }
  return image;
}

// How the value of a js chunk (or of a plugin's evaluator) is shown, as Iodide showed it: first by
// the renderers the notebook added (`iodide.addOutputRenderer`, or the older `addOutputHandler`),
// then by the value's own `iodideRender()`, then an array of records as a table (record-table.js);
// otherwise by the console's short description
// (js-evaluator.js `describe`: an element returned by code that put it in the page is not shown
// twice). A renderer gives HTML or an element (shown as it is now). A value shown as HTML is displayed
// instead of returned, as Python's values with a `_repr_html_` are; the HTML is sanitized where it
// is shown, like every rich output.
//
//   const renderers = createValueRenderers();
//   renderers.addRenderer({ shouldRender: (v) => v instanceof Point, render: (v) => `<b>${v.x}, ${v.y}</b>` });
//   renderers.htmlOf(new Point(1, 2));   // { html: '<b>1, 2</b>', problems: [] }

import { recordTableHtml } from './record-table.js';

/** Checks a renderer's functions as Iodide did: both present, both functions. */
function checked(renderer, testName) {
  for (const name of [testName, 'render']) {
    if (!renderer || typeof renderer[name] !== 'function') {
      throw new TypeError(`An output renderer needs a "${name}" function (given: ${renderer && name in renderer
        ? typeof renderer[name] : 'none'})`);
    }
  }
  return { test: (value) => renderer[testName](value), render: (value) => renderer.render(value) };
}

/** The message of what a renderer threw. */
function messageOf(thrown) {
  return thrown && thrown.message !== undefined ? `${thrown.name || 'Error'}: ${thrown.message}` : String(thrown);
}

/**
 * The value's `iodideRender`, read as a probe: an object whose reads of unknown names throw (the
 * `iodide` global itself, other strict proxies) has none, and is not thereby a value that failed.
 */
function ownRenderer(value) {
  try {
    return value.iodideRender;
  } catch (e) {
    return undefined;
  }
}

/** Whether `value` is a DOM element (of this frame or not: duck-typed, as elements cross no realm here). */
function isElement(value) {
  return !!value && typeof value === 'object' && value.nodeType === 1 && typeof value.outerHTML === 'string';
}

/**
 * The HTML of an element as it shows now: a canvas becomes a picture of what is drawn on it (its
 * outerHTML would be an empty canvas), inside the element too.
 */
export function elementHtml(element) {
  const pictureOf = (canvas) => {
    try {
      const image = canvas.ownerDocument.createElement('img');
      image.src = canvas.toDataURL();
      image.width = canvas.width;
      image.height = canvas.height;
      return image;
    } catch (e) {
      return null; // A canvas tainted by another site's picture cannot be read.
    }
  };
  if (element.localName === 'canvas') {
    const picture = pictureOf(element);
    return picture ? picture.outerHTML : element.outerHTML;
  }
  const canvases = typeof element.querySelectorAll === 'function' ? element.querySelectorAll('canvas') : [];
  if (canvases.length === 0) return element.outerHTML;
  const copy = element.cloneNode(true);
  const copies = copy.querySelectorAll('canvas');
  canvases.forEach((canvas, i) => {
    const picture = pictureOf(canvas);
    if (picture) copies[i].replaceWith(picture);
  });
  return copy.outerHTML;
}

export function createValueRenderers() {
  const renderers = [];

  /** The HTML a rendering gave: a string as it is, an element as elementHtml gives it; null for anything else. */
  const htmlOfRendering = (rendering) => {
    if (typeof rendering === 'string') return rendering;
    if (isElement(rendering)) return elementHtml(rendering);
    return null;
  };

  return {
    /** Iodide's addOutputRenderer({shouldRender(value), render(value)}): render gives HTML (or an element). */
    addRenderer(renderer) {
      renderers.push(checked(renderer, 'shouldRender'));
    },
    /** Iodide's first name for it (2018): addOutputHandler({shouldHandle(value), render(value)}). */
    addHandler(handler) {
      renderers.push(checked(handler, 'shouldHandle'));
    },
    /** Iodide's clearOutputRenderers(). */
    clear() {
      renderers.length = 0;
    },
    /**
     * How `value` shows as HTML: `{html, problems}`, html null when it shows as text (as an element
     * does unless a renderer takes it: code that put it in the page returns it too). An array of
     * records that no renderer took is a table. A renderer
     * that throws, or renders what is not HTML, is passed over and named in `problems`.
     */
    htmlOf(value) {
      const problems = [];
      if (value === undefined || value === null) return { html: null, problems };
      for (const [index, renderer] of renderers.entries()) {
        let rendering;
        try {
          if (!renderer.test(value)) continue;
          rendering = renderer.render(value);
        } catch (thrown) {
          problems.push(`Output renderer ${index + 1} failed: ${messageOf(thrown)}`);
          continue;
        }
        const html = htmlOfRendering(rendering);
        if (html !== null) return { html, problems };
        problems.push(`Output renderer ${index + 1} rendered ${typeof rendering}, not HTML (a string or an element)`);
      }
      if (typeof ownRenderer(value) === 'function') {
        try {
          const html = htmlOfRendering(value.iodideRender());
          if (html !== null) return { html, problems };
          problems.push('iodideRender() gave neither HTML (a string) nor an element');
        } catch (thrown) {
          problems.push(`iodideRender() failed: ${messageOf(thrown)}`);
        }
      }
      return { html: recordTableHtml(value), problems };
    },
  };
}

/** The eval frame's renderers: the `iodide` global adds them, js-evaluator.js shows values with them. */
export const valueRenderers = createValueRenderers();

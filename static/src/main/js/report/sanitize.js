// Sanitizes HTML for the report with DOMPurify: strips scripts, event handler attributes and
// javascript: URLs (links may be data: URLs: downloads); keeps what Markdown renders (headings, lists, tables, links, images, code),
// span/div with class and data-* attributes, and KaTeX's HTML and MathML output.

import DOMPurify from 'dompurify';

const CONFIG = Object.freeze({
  USE_PROFILES: { html: true, mathMl: true, svg: true },
  ALLOW_DATA_ATTR: true,
  // KaTeX's MathML keeps the TeX source in <annotation encoding="application/x-tex">. An SVG's
  // feDropShadow (Mermaid's boxes, drawn with a filter of one): without it the filter draws nothing,
  // and whatever refers to it vanishes.
  ADD_TAGS: ['annotation', 'semantics', 'feDropShadow'],
  ADD_ATTR: ['encoding', 'aria-hidden'],
  // A data: link is how notebooks offer a result as a file (<a download="rows.csv" href="data:...">):
  // clicked in the report it downloads, never navigates (report/outside-links.js), and browsers
  // refuse to show a data: URL as a page.
  ADD_DATA_URI_TAGS: ['a'],
});

/** The HTML (a string) with everything that could run code removed. */
export function sanitizeHtml(html) {
  return DOMPurify.sanitize(String(html ?? ''), CONFIG);
}

// For output rendered isolated (rich-output.js), where its <style> can only style itself: also
// keeps a <style> that comes first, as pandas' Styler writes it (DOMPurify otherwise drops
// elements before the body's first one).
const ISOLATED_CONFIG = Object.freeze({ ...CONFIG, FORCE_BODY: true });

/** Like sanitizeHtml, keeping a leading <style>: only for HTML shown in its own shadow root. */
export function sanitizeIsolatedHtml(html) {
  return DOMPurify.sanitize(String(html ?? ''), ISOLATED_CONFIG);
}

// Outputs of a run the user started (the notebook is trusted then: its code runs anyway) may hold
// frames, as in Jupyter: folium's maps are an <iframe srcdoc> whose scripts draw the map, IPython's
// IFrame and YouTubeVideo an <iframe src>. Each frame is kept with its sandbox forced to scripts
// only, whatever the output asked: an opaque origin of its own that reaches neither the page nor its
// storage, opens no popups, submits no forms, shows no dialogs and navigates nothing but itself. A
// src must be http(s) (other schemes are dropped), and loads `credentialless` so that a page isolated
// by COOP/COEP can show a site that sends no COEP header. Outputs shown again from a saved notebook,
// exports and prints keep no frames (sanitizeIsolatedHtml): opening a notebook runs nothing.

/** The only sandbox a frame of an output gets. */
const OUTPUT_FRAME_SANDBOX = 'allow-scripts';

const LIVE_CONFIG = Object.freeze({
  ...ISOLATED_CONFIG,
  ADD_TAGS: [...CONFIG.ADD_TAGS, 'iframe'],
  ADD_ATTR: [...CONFIG.ADD_ATTR, 'srcdoc', 'allowfullscreen', 'loading', 'frameborder'],
});

let livePurifier = null;

/** A DOMPurify of its own (its hooks must not reach the other sanitizers), made on first use. */
function liveOutputPurifier() {
  if (livePurifier) return livePurifier;
  const purifier = DOMPurify(window);
  // A document in srcdoc holds markup (</style>, />) that DOMPurify strips from attribute values as a
  // guard for XML contexts: it is set aside before the checks and put back after, on an HTML iframe
  // only, where it is a document for the frame, never markup of the output.
  const documents = new WeakMap();
  const isHtmlFrame = (node) => node.nodeName === 'IFRAME' && node.namespaceURI === 'http://www.w3.org/1999/xhtml';
  purifier.addHook('uponSanitizeAttribute', (node, event) => {
    if (event.attrName === 'srcdoc' && isHtmlFrame(node)) {
      documents.set(node, event.attrValue);
      event.attrValue = '';
      event.forceKeepAttr = true;
    }
  });
  purifier.addHook('afterSanitizeAttributes', (node) => {
    if (!isHtmlFrame(node)) return;
    if (documents.has(node)) node.setAttribute('srcdoc', documents.get(node));
    node.setAttribute('sandbox', OUTPUT_FRAME_SANDBOX);
    node.removeAttribute('allow');
    const src = node.getAttribute('src');
    if (src !== null) {
      let url = null;
      try {
        url = new URL(src, node.ownerDocument.baseURI);
      } catch {
        url = null;
      }
      if (url && (url.protocol === 'https:' || url.protocol === 'http:')) {
        node.setAttribute('src', url.href);
        node.setAttribute('credentialless', '');
        node.setAttribute('referrerpolicy', 'no-referrer');
      } else {
        node.removeAttribute('src');
      }
    }
  });
  livePurifier = purifier;
  return purifier;
}

/**
 * Like sanitizeIsolatedHtml, keeping frames (sandboxed to scripts only, see above): only for the
 * outputs of a run the user started, shown in their own shadow root.
 */
export function sanitizeLiveOutputHtml(html) {
  return liveOutputPurifier().sanitize(String(html ?? ''), LIVE_CONFIG);
}

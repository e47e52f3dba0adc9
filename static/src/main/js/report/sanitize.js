// Sanitizes HTML for the report with DOMPurify: strips scripts, event handler attributes and
// javascript: URLs; keeps what Markdown renders (headings, lists, tables, links, images, code),
// span/div with class and data-* attributes, and KaTeX's HTML and MathML output.

import DOMPurify from 'dompurify';

const CONFIG = Object.freeze({
  USE_PROFILES: { html: true, mathMl: true, svg: true },
  ALLOW_DATA_ATTR: true,
  // KaTeX's MathML keeps the TeX source in <annotation encoding="application/x-tex">.
  ADD_TAGS: ['annotation', 'semantics'],
  ADD_ATTR: ['encoding', 'aria-hidden'],
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

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

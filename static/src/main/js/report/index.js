// Libraries of the sandboxed report frame: HTML sanitizing and math rendering.
//
//   import { sanitizeHtml, renderMath } from './report-libs.js';
//   report.innerHTML = sanitizeHtml(markdownHtml);
//   span.innerHTML = renderMath('e^{i\\pi} + 1 = 0', false);
//
// The page must also link katex/katex.min.css (copied beside this file by the build).

export { sanitizeHtml } from './sanitize.js';
export { renderMath } from './math.js';

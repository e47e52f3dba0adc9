// Libraries of the report and the console: HTML sanitizing, math rendering, and isolated rich output.
//
//   import { sanitizeHtml, renderMath, renderIsolated } from './report-libs.js';
//   report.innerHTML = sanitizeHtml(markdownHtml);
//   span.innerHTML = renderMath('e^{i\\pi} + 1 = 0', false);
//   renderIsolated(outputWrapper, sanitizeHtml(reprHtml));
//   const { html, css } = snapshotReport(reportElement, document.head);   // in the report frame
//   exportHtmlFor(html, css, notebookText, 'sales.iomd', (page, error) => …);   // in the editor
//   printReportFor(html, css, notebookText, 'sales.iomd', (error) => …);   // in the editor
//
// The page must also link katex/katex.min.css (copied beside this file by the build).

export { sanitizeHtml, sanitizeLiveOutputHtml } from './sanitize.js';
export { renderMath, renderAllMath } from './math.js';
export { renderIsolated, isolatedRoot, useStylesFrom } from './rich-output.js';
export { snapshotReport } from './snapshot.js';
export { anchorChunk, followFragmentLinks } from './heading-anchors.js';
export { openReportLinksOutside, openOutputLinksWith } from './outside-links.js';
export { exportHtmlFor } from './export-html.js';
export { printReportFor } from './print-report.js';
export { drawDiagramsIn } from './diagrams.js';

// Style sheets adopted by shadow roots instead of <style> elements: a page whose
// Content-Security-Policy has no 'unsafe-inline' for styles (a documentation page with embedded
// cells) refuses <style> elements and style attributes, not constructed sheets. Used by the rich
// output's isolated roots (rich-output.js) and the embedded cells (embed/cell-view.js).
//
//   root.adoptedStyleSheets = [adoptedSheet(document, CSS)];

const sheets = new WeakMap();

/**
 * `css` as a constructed sheet of `document`, made once per document and text (a constructed sheet
 * is adopted only in the document that made it).
 */
export function adoptedSheet(document, css) {
  let ofDocument = sheets.get(document);
  if (!ofDocument) {
    ofDocument = new Map();
    sheets.set(document, ofDocument);
  }
  let sheet = ofDocument.get(css);
  if (!sheet) {
    sheet = new document.defaultView.CSSStyleSheet();
    sheet.replaceSync(css);
    ofDocument.set(css, sheet);
  }
  return sheet;
}

// "Print" (Ctrl+P): the report as it is shown, printed (or saved as PDF) on its own, as a document.
//
//   await printReport({ snapshot, css, source, fileName: 'sales.iomd', pageUrl: location.href });
//
// The browser's own Print prints the editor page, where the report is a frame of that page: it
// would print the panes, and of the report only the part in view. So Jodide prints a page of its
// own: the snapshot the frame gives (snapshot.js), sanitized here as Export HTML's is
// (export-html.js), with the report's styles and the notebook's css, light-themed, and nothing
// else (no toolbar, no "Open in Jodide" bar, no source). That page goes into a hidden frame of the
// editor page and is printed from there, so the browser paginates it as a document (report.css's
// print rules keep pictures, table rows and headings from being cut across pages).
//
// The frame is sandboxed without allow-scripts, so nothing in it can run whatever the page holds
// (its policy forbids script too); allow-same-origin lets this page reach its window to call
// print() and wait for its pictures; allow-modals lets it print. The frame stays until the browser
// says the printing is over (afterprint), or until the next print replaces it.

import { reportDocument, reportStyles, sanitizeReport, titleOf } from './export-html.js';

/** The class of the hidden frame that holds the page being printed. */
export const PRINT_FRAME_CLASS = 'print-frame';

/** What the printed page's frame may do: be reached by this page and print; never run script. */
export const PRINT_SANDBOX = 'allow-same-origin allow-modals';

/** How long printing waits for the page's pictures to be decoded before printing anyway. */
export const PICTURE_WAIT_MS = 3_000;

/**
 * Prints the report: resolves once the browser's print dialog was asked for (on most browsers,
 * once it closed).
 *
 * @param {object} parts
 * @param {string} parts.snapshot  the report's HTML from the frame (snapshot.js), untrusted
 * @param {string} parts.css       the notebook's styles as applied in the report (snapshot.js), untrusted
 * @param {string} parts.source    the notebook's text (its first heading is the page's title)
 * @param {string} parts.fileName  the notebook's file name, the title when it has no heading
 * @param {string} parts.pageUrl   the editor page's URL (report.css is read beside it)
 * @param {string} [parts.reportCss] the report's style sheet; fetched beside the page when not given
 * @param {Document} [parts.page]  the document the frame goes into
 */
export async function printReport({ snapshot, css, source, fileName, pageUrl, reportCss, page = document }) {
  const styles = reportCss != null ? reportCss : await reportStyles(pageUrl);
  const title = titleOf(source, fileName);
  const frame = await printFrame(page, printDocument({ title, report: sanitizeReport(snapshot), css: String(css ?? ''), reportCss: styles }));
  await picturesDecoded(frame.contentDocument, PICTURE_WAIT_MS);
  printFrom(page, frame, title);
}

/** For the Java side: callback(null) once the print dialog was asked for, or callback(why). */
export function printReportFor(snapshot, css, source, fileName, callback) {
  printReport({ snapshot, css, source, fileName, pageUrl: location.href })
    .then(() => callback(null), (failure) => callback(String((failure && failure.message) || failure)));
}

/** The printed page: the sanitized `report` alone, under the report's styles and the notebook's css. */
export function printDocument({ title, report, css, reportCss }) {
  return reportDocument({ title, body: report + '\n', css, reportCss });
}

/** A hidden frame of `page` holding `html`, replacing any earlier one; resolves when it has loaded. */
export function printFrame(page, html) {
  for (const earlier of page.querySelectorAll(`iframe.${PRINT_FRAME_CLASS}`)) earlier.remove();
  const frame = page.createElement('iframe');
  frame.className = PRINT_FRAME_CLASS;
  frame.setAttribute('sandbox', PRINT_SANDBOX);
  frame.setAttribute('aria-hidden', 'true');
  frame.setAttribute('tabindex', '-1');
  frame.setAttribute('title', 'The report, as it is printed');
  return new Promise((resolve, reject) => {
    frame.addEventListener('load', () => {
      if (frame.contentDocument) resolve(frame);
      else reject(new Error('the page to print could not be opened in this browser'));
    }, { once: true });
    frame.srcdoc = html;
    page.body.append(frame);
  });
}

/**
 * Resolves when every picture of `doc` (its open shadow roots included: rich output's) is decoded,
 * or failed to, or after `waitMs`: a picture still loading when printing starts prints blank.
 */
export function picturesDecoded(doc, waitMs) {
  const decoding = pictures(doc).map((image) => image.decode().catch(() => undefined));
  let timer;
  const late = new Promise((resolve) => { timer = setTimeout(resolve, waitMs); });
  return Promise.race([Promise.all(decoding), late]).finally(() => clearTimeout(timer));
}

function pictures(root) {
  const found = Array.from(root.querySelectorAll('img'));
  for (const host of root.querySelectorAll('*')) {
    if (host.shadowRoot) found.push(...pictures(host.shadowRoot));
  }
  return found;
}

/**
 * Asks the browser to print `frame`'s page. The editor page's title is the page's meanwhile: some
 * browsers name a saved PDF after the top page's title.
 */
function printFrom(page, frame, title) {
  const view = frame.contentWindow;
  view.addEventListener('afterprint', () => setTimeout(() => frame.remove(), 0), { once: true });
  const pageTitle = page.title;
  page.title = title;
  try {
    view.print();
  } finally {
    page.title = pageTitle;
  }
}

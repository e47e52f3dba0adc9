// Links in the report that lead out of it. The report is a sandboxed frame: a link followed there
// loads its page into the frame, in place of the report and the kernel that runs in it (a reader
// clicking a notebook's link lost both, and the editor still said "Python: ready"). So a click (or a
// middle click) on such a link, in the report's markdown or in an output's shadow root, is not
// followed here: `open(href)` gets the link as written and the editor page opens it in a new tab
// (page/report-links.js). Left alone: links within the report (#fragment: heading-anchors.js), a
// trusted notebook's javascript: links and handlers that prevent the default themselves. A #fragment
// link in an output (a `Markdown(...)` output's footnotes, an HTML table of contents) scrolls to its
// target in that output (else in the page) and never changes the page's URL: the report frame's
// fragment carries its settings, and the editor page's would take a history entry.
//
//   openReportLinksOutside(document, (href) => send(new FrameToEditor.OpenLink(href)),      // the report's frame
//     (name, base64, error) => send(new FrameToEditor.DownloadFile(name, base64, error)));
//   watchOutputLinks(shadowRoot);   // rich-output.js, for each output's closed shadow root, which the
//                                   // document's listener cannot look into
//   openOutputLinksWith(open);      // the editor page: its outputs' links open in new tabs too
// (Forms cannot replace the report: the frame's sandbox does not allow them to be sent.)
//
// A download link (`<a download="rows.csv" href="data:…">`, a blob: URL a js chunk made, as
// notebooks offer their results) cannot download from the frame either (its sandbox allows no
// downloads, and the editor cannot read the frame's blob: URLs): the frame reads the file itself
// (downloadedFile) and hands its bytes to the editor page, `downloaded(name, base64, null)`, or says
// why it could not, `downloaded(null, null, why)`.

import { bytesToBase64 } from '../page/base64.js';
import { scrollToFragment } from './heading-anchors.js';

/** What the links of outputs' shadow roots go to: set by openReportLinksOutside (the frame only). */
let outputLinks = null;

/**
 * Calls `open(href)` for each click on a link of the report `doc`, and of the outputs shown in it,
 * that leads out of it, and, for a download link, `downloaded(name, base64, error)` once its file is read.
 */
export function openReportLinksOutside(doc, open, downloaded) {
  const download = (href, name) => downloadedFile(href, name)
    .then((file) => downloaded(file.name, file.base64, null), (failed) => downloaded(null, null, String(failed?.message ?? failed)));
  outputLinks = { open, download };
  openLinksOutside(doc, open, download);
}

/**
 * Calls `open(href)` for each click on a link that leads out of an output shown in this page from now
 * on: the editor page's outputs (under the chunks, in the console), whose links would otherwise take
 * the editor page away from the notebook. Download links are left to the browser there.
 */
export function openOutputLinksWith(open) {
  outputLinks = { open, download: null };
}

/** The links of an output's shadow root, where the page's report opens its links outside (else nothing). */
export function watchOutputLinks(root) {
  if (outputLinks) openLinksOutside(root, outputLinks.open, outputLinks.download);
}

/**
 * Calls `open(href)` for each click on a link under `root` (a document or a shadow root) that leads
 * out of the report, and `download(href, name)` for one that downloads: a `download` attribute
 * (`name`, '' when it has no value), or a data: or blob: URL, which only the frame can read. Without
 * `download`, such links are left to the browser.
 */
export function openLinksOutside(root, open, download = null) {
  const follow = (event) => {
    if (event.defaultPrevented) return;
    const link = linkOf(event);
    if (!link) return;
    const href = link.getAttribute('href').trim();
    if (href.startsWith('#')) {
      if (isShadowRoot(root)) followOutputFragment(event, root, href.slice(1));
      return;
    }
    if (/^javascript:/i.test(href)) return;
    if (link.hasAttribute('download') || /^(data|blob):/i.test(href)) {
      if (!download) return;
      event.preventDefault();
      download(href, link.getAttribute('download') || '');
      return;
    }
    event.preventDefault();
    open(href);
  };
  root.addEventListener('click', (event) => {
    if (event.button === 0) follow(event);
  });
  root.addEventListener('auxclick', (event) => {
    if (event.button === 1) follow(event);
  });
}

/** Whether `root` is an output's shadow root (rather than a document). */
function isShadowRoot(root) {
  return root.nodeType === 11 && root.host !== undefined;
}

/**
 * A click on a #fragment link in the output shown in the shadow root `root`: no navigation; a left
 * click scrolls to the fragment's target in the output, else in the page.
 */
function followOutputFragment(event, root, fragment) {
  event.preventDefault();
  if (event.button === 0) scrollToFragment(fragment, root, root.host.ownerDocument);
}

/** The link the event happened in, through shadow roots (outputs are shown in their own). */
function linkOf(event) {
  for (const node of event.composedPath()) {
    if (node instanceof Element && node.matches('a[href], area[href]')) return node;
  }
  return null;
}

/** File name extensions for the types notebooks offer most, for a download link that names no file. */
const EXTENSIONS = Object.freeze({
  'text/csv': '.csv', 'text/plain': '.txt', 'text/html': '.html', 'application/json': '.json', 'image/png': '.png',
  'image/jpeg': '.jpg', 'image/svg+xml': '.svg', 'application/pdf': '.pdf', 'application/zip': '.zip',
});

/**
 * The file a download link of the report stands for, read here: {name, base64}. The name is the
 * link's (`download="rows.csv"`), else the URL's last path segment, else "download" with the
 * extension of its type. Rejects with why it cannot be read (a revoked blob: URL, a site refusing it).
 */
export async function downloadedFile(href, name, base = globalThis.document?.baseURI) {
  const url = new URL(href, base);
  let response;
  try {
    response = await fetch(url.href);
  } catch (failed) {
    throw new Error(`${shortened(href)} could not be read: ${failed.message}`);
  }
  if (!response.ok) throw new Error(`${shortened(href)} could not be read: HTTP ${response.status}`);
  const blob = await response.blob();
  const type = blob.type.split(';')[0].trim().toLowerCase();
  const fromPath = /^(data|blob):/.test(url.protocol) ? '' : decodeURIComponent(url.pathname.split('/').pop() || '');
  const fileName = name.trim() || fromPath || `download${EXTENSIONS[type] ?? ''}`;
  return { name: fileName.replace(/[\\/]/g, '_'), base64: bytesToBase64(new Uint8Array(await blob.arrayBuffer())) };
}

/** A URL short enough to say in a message (a data: URL may be megabytes long). */
function shortened(href) {
  return href.length > 80 ? `${href.slice(0, 60)}…` : href;
}

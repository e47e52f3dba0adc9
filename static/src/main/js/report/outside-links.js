// Links in the report that lead out of it. The report is a sandboxed frame: a link followed there
// loads its page into the frame, in place of the report and the kernel that runs in it (a reader
// clicking a notebook's link lost both, and the editor still said "Python: ready"). So a click (or a
// middle click) on such a link, in the report's markdown or in an output's shadow root, is not
// followed here: `open(href)` gets the link as written and the editor page opens it in a new tab
// (page/report-links.js). Left alone: links within the report (#fragment: heading-anchors.js), a
// trusted notebook's javascript: links and handlers that prevent the default themselves.
//
//   openReportLinksOutside(document, (href) => send(new FrameToEditor.OpenLink(href)));   // the report's frame
//   watchOutputLinks(shadowRoot);   // rich-output.js, for each output's closed shadow root, which the
//                                   // document's listener cannot look into
// (Forms cannot replace the report: the frame's sandbox does not allow them to be sent.)

/** What opens the links of outputs' shadow roots: set by openReportLinksOutside (the frame only). */
let outputLinkOpener = null;

/** Calls `open(href)` for each click on a link of the report `doc`, and of the outputs shown in it, that leads out of it. */
export function openReportLinksOutside(doc, open) {
  outputLinkOpener = open;
  openLinksOutside(doc, open);
}

/** The links of an output's shadow root, where the page's report opens its links outside (else nothing). */
export function watchOutputLinks(root) {
  if (outputLinkOpener) openLinksOutside(root, outputLinkOpener);
}

/** Calls `open(href)` for each click on a link under `root` (a document or a shadow root) that leads out of the report. */
export function openLinksOutside(root, open) {
  const follow = (event) => {
    if (event.defaultPrevented) return;
    const link = linkOf(event);
    if (!link) return;
    const href = link.getAttribute('href').trim();
    if (href.startsWith('#') || /^javascript:/i.test(href)) return;
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

/** The link the event happened in, through shadow roots (outputs are shown in their own). */
function linkOf(event) {
  for (const node of event.composedPath()) {
    if (node instanceof Element && node.matches('a[href], area[href]')) return node;
  }
  return null;
}

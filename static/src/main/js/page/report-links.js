// Links clicked in the report that lead out of it (the frame sends FrameToEditor.OpenLink, see
// report/outside-links.js): the editor page opens them in a new tab, never in the report's frame,
// whose page they would replace, and the kernel with it. A relative link means the notebook's
// location (the folder of a notebook opened from a URL, else the site), as a fetch chunk's URLs do.
//
//   reportLinkTarget('data/notes.html', 'https://host/notebooks/')  // {url: 'https://host/notebooks/data/notes.html'}
//   reportLinkTarget('file:///etc/passwd', base)                    // {refused: 'file: links are not opened from the report'}
//   openReportLink(href, base)                                      // opens it, or says why not

/** The schemes a report's link may open: the web, and mail. */
const OPENED_SCHEMES = Object.freeze(['http:', 'https:', 'mailto:']);

/** {url} to open for the link `href` written in a notebook at `base`, or {refused: why}. */
export function reportLinkTarget(href, base) {
  let url;
  try {
    url = new URL(String(href).trim(), base);
  } catch (unparsable) {
    return { refused: `the link ${JSON.stringify(String(href))} is not a URL` };
  }
  if (!OPENED_SCHEMES.includes(url.protocol)) return { refused: `${url.protocol} links are not opened from the report` };
  return { url: url.href };
}

/**
 * Opens the link `href` of a notebook at `base` in a new tab (without giving the page opened a way
 * back to this one); returns null, or why it was not opened.
 */
export function openReportLink(href, base, open = (url) => window.open(url, '_blank', 'noopener,noreferrer')) {
  const target = reportLinkTarget(href, base);
  if (target.refused) return target.refused;
  open(target.url);
  return null;
}

// Links within the report: each heading of a markdown chunk gets an id as Jupyter gives one (its
// text, spaces as hyphens: "## Data sources" → id "Data-sources"), so the table-of-contents cells
// of Jupyter notebooks (`[Data sources](#Data-sources)`) work, and so do GitHub's lower-case anchors
// (`#data-sources`), which READMEs use. A click on such a link scrolls the report there itself: the
// frame's own URL fragment carries its settings and stays as it is. Footnotes link both ways by id
// ("#fn-1", "#fnref-1"); each chunk is rendered alone, so two chunks' first footnotes both have id
// "fn-1": a chunk's footnote ids another chunk already has get a number (and its links follow).
//
//   anchorChunk(chunkElement);               // after each markdown chunk is shown: headings, footnotes
//   followFragmentLinks(document);           // once: clicks on href="#…" in the report

const HEADINGS = 'h1, h2, h3, h4, h5, h6';

/** Jupyter's anchor of a heading's text: the text, trimmed, its spaces as hyphens. */
export function jupyterAnchor(text) {
  return String(text).trim().replace(/\s+/g, '-');
}

/** GitHub's anchor of a heading's text: lower case, spaces as hyphens, other punctuation dropped. */
export function githubAnchor(text) {
  return String(text).trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
}

/**
 * Gives each heading under `root` without an id its Jupyter anchor; one the document already has
 * elsewhere gets "-1", "-2"... (as a second "Results" heading would).
 */
export function anchorHeadings(root) {
  const doc = root.ownerDocument;
  for (const heading of root.querySelectorAll(HEADINGS)) {
    if (heading.id) continue;
    const anchor = jupyterAnchor(heading.textContent);
    if (!anchor) continue;
    heading.id = doc.getElementById(anchor) === null ? anchor : firstFreeId(doc, anchor, 1);
  }
}

/** `${base}-${n}` for the first n from `first` that no element of `doc` has as its id ("Results-1", "fn-1-2"). */
function firstFreeId(doc, base, first) {
  let n = first;
  while (doc.getElementById(`${base}-${n}`) !== null) n++;
  return `${base}-${n}`;
}

/** A selector of the elements whose id is `id`, whatever its characters. */
function withId(id) {
  return `[id="${CSS.escape(id)}"]`;
}

/**
 * Gives a markdown chunk's headings their anchors, its footnotes ids no other chunk has, and each
 * footnote's ↩ link a name a screen reader can say.
 */
export function anchorChunk(root) {
  anchorHeadings(root);
  uniqueFootnoteIds(root);
  nameFootnoteBackLinks(root);
}

/** "Back to reference 1" for each ↩ link under `root` (its text alone reads "leftwards arrow with hook"), as GitHub names it. */
export function nameFootnoteBackLinks(root) {
  for (const link of root.querySelectorAll('a.footnote-backref[href^="#"]')) {
    const reference = root.querySelector(withId(link.getAttribute('href').slice(1)));
    if (reference) link.setAttribute('aria-label', `Back to reference ${reference.textContent.trim()}`);
  }
}

/** The footnotes' targets flexmark writes: a reference's `<sup id="fnref-1">`, a note's `<li id="fn-1">`. */
const FOOTNOTE_TARGETS = 'sup[id^="fnref-"], .footnotes li[id^="fn-"]';

/**
 * Renames each footnote target under `root` (a chunk shown in the report) whose id the document has
 * elsewhere ("fn-1" → "fn-1-2", the first number free), and points the links under `root` to it at
 * the new id.
 */
export function uniqueFootnoteIds(root) {
  const doc = root.ownerDocument;
  const elsewhere = (id) => Array.from(doc.querySelectorAll(withId(id))).some((element) => !root.contains(element));
  const renamed = new Map();
  for (const target of root.querySelectorAll(FOOTNOTE_TARGETS)) {
    if (!elsewhere(target.id)) continue;
    const id = firstFreeId(doc, target.id, 2);
    renamed.set(target.id, id);
    target.id = id;
  }
  if (renamed.size === 0) return;
  for (const link of root.querySelectorAll('a[href^="#"]')) {
    const id = renamed.get(link.getAttribute('href').slice(1));
    if (id) link.setAttribute('href', `#${id}`);
  }
}

/**
 * The element a fragment names in `doc` (a document, or an output's shadow root): by id, else the
 * first heading whose GitHub anchor it is.
 */
function fragmentTarget(doc, fragment) {
  let name = fragment;
  try {
    name = decodeURIComponent(fragment);
  } catch (malformed) {
    // kept as written
  }
  if (!name) return null;
  const byId = doc.getElementById(name);
  if (byId) return byId;
  const wanted = name.toLowerCase();
  return Array.from(doc.querySelectorAll(HEADINGS)).find((heading) => githubAnchor(heading.textContent) === wanted) || null;
}

/** Scrolls to what `fragment` names in the first of `scopes` (documents, shadow roots) that has it; nothing if none has. */
export function scrollToFragment(fragment, ...scopes) {
  for (const scope of scopes) {
    const target = fragmentTarget(scope, fragment);
    if (target) {
      target.scrollIntoView({ block: 'start' });
      return;
    }
  }
}

/**
 * Scrolls to the target of a same-document link clicked in `doc`, leaving the URL as it is, even when
 * nothing has the fragment (`href="#"` on a trusted notebook's button): the frame's fragment carries
 * its settings.
 */
export function followFragmentLinks(doc) {
  doc.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const link = event.target instanceof Element ? event.target.closest('a[href^="#"]') : null;
    if (!link) return;
    event.preventDefault();
    scrollToFragment(link.getAttribute('href').slice(1), doc);
  });
}

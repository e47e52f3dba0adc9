// Mermaid diagrams in the report: a markdown chunk's ```mermaid block is drawn as its diagram, as
// GitHub, JupyterLab (4.1 and later) and marimo draw it. Only in the report's frame, whose opaque
// origin reaches neither the editor's page nor its storage: Mermaid parses the notebook's text, and
// a notebook opened from a link is anyone's. Mermaid (mermaid.js, 1.6 MB gzip) is imported on the
// first block, never before (frame/site-modules.js: from the page that made the frame).
//
//   drawDiagramsIn(chunkElement, () => importSiteModule('mermaid.js'));   // after its HTML is in place
//
// The block stays as written until its diagram is drawn, and stays with a note under it when Mermaid
// cannot draw it (the note says why) or cannot be loaded; a block that had a diagram (its text is being
// typed) shows that one, faded, until the new one is drawn, and keeps it when the new text cannot be
// drawn, with the note under it. Each diagram is drawn once per source and
// look (light or dark) and kept: the report shows a chunk again at every keystroke in it, and a diagram
// whose text did not change is put back at once. The SVG goes into an isolated output
// (rich-output.js: sanitized, its <style> applies to it alone).

import { renderIsolated } from './rich-output.js';

/** Where the markdown renderer puts a ```mermaid block's text. */
const BLOCKS = 'pre > code.language-mermaid';

/**
 * How Mermaid draws for the report: `strict` (labels sanitized, no click handlers or scripts),
 * labels as SVG text rather than HTML in a foreignObject (which the sanitizer drops), no "syntax
 * error" picture (the note under the block says it), nothing drawn until asked. A diagram's own
 * `%%{init: ...}%%` may change none of these (`secure`: Mermaid's own list, and the labels).
 */
const CONFIG = Object.freeze({
  startOnLoad: false,
  securityLevel: 'strict',
  htmlLabels: false,
  suppressErrorRendering: true,
  secure: ['secure', 'securityLevel', 'startOnLoad', 'maxTextSize', 'suppressErrorRendering', 'maxEdges', 'htmlLabels'],
});

/** The most diagrams kept drawn (typing in a block draws a diagram per pause): the oldest go first. */
export const KEPT_DIAGRAMS = 100;

/** {svg} or {error} by key (look and source), for blocks shown again. */
const kept = new Map();
/** The drawing ({svg, look}) last placed for each block of a chunk's element, by the block's index, while it is drawn again. */
const lastDrawn = new WeakMap();
/** The drawings asked for and not finished, by key: each with the blocks waiting for it. */
const pending = new Map();
/** Mermaid draws one diagram at a time (it measures its text in the page as it draws). */
let queue = Promise.resolve();
let drawings = 0;

/** The ```mermaid blocks under `root` (their <pre> elements) that hold a diagram's text (an empty one stays empty). */
export function diagramBlocks(root) {
  return [...root.querySelectorAll(BLOCKS)].filter((code) => code.textContent.trim() !== '').map((code) => code.parentElement);
}

/**
 * The look diagrams take in `document`: its root's data-theme ('light', 'dark', or 'auto', as the
 * reader's system is set), as the report's colours follow it.
 */
export function lookOf(document) {
  const theme = document.documentElement.dataset.theme;
  if (theme === 'light' || theme === 'dark') return theme;
  const view = document.defaultView;
  return view && view.matchMedia && view.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** The key a drawing is kept under. */
export function diagramKey(look, source) {
  return `${look}\n${source}`;
}

/**
 * Draws the ```mermaid blocks under `root` (none: nothing is loaded), with the Mermaid module that
 * `loadMermaid()` resolves to. Returns a promise that settles once every block has its diagram or
 * its note (for tests; nobody needs to wait for it).
 */
export function drawDiagramsIn(root, loadMermaid) {
  const blocks = diagramBlocks(root);
  if (blocks.length === 0) return Promise.resolve();
  const look = lookOf(root.ownerDocument);
  const earlier = lastDrawn.get(root) || [];
  const drawnNow = [];
  lastDrawn.set(root, drawnNow);
  return Promise.all(blocks.map((block, index) => {
    const source = block.textContent;
    const key = diagramKey(look, source);
    const known = kept.get(key);
    if (known && known.svg) {
      place(block, known, drawnNow, index);
      return null;
    }
    // While the block's new text is drawn (typed in), or when it cannot be, its last diagram stays,
    // marked as out of date.
    if (earlier[index]) showOutOfDate(block, earlier[index]);
    drawnNow[index] = earlier[index];
    if (known) {
      place(block, known, drawnNow, index);
      return null;
    }
    block.setAttribute('aria-busy', 'true');
    return drawing(key, source, look, loadMermaid, block).then((drawn) => {
      block.removeAttribute('aria-busy');
      if (block.isConnected) place(block, drawn, drawnNow, index);
    });
  }));
}

function drawing(key, source, look, loadMermaid, block) {
  if (pending.has(key)) {
    const waiting = pending.get(key);
    waiting.blocks.push(block);
    return waiting.done;
  }
  const waiting = { blocks: [block], done: null };
  pending.set(key, waiting);
  waiting.done = queue.then(() => {
    // Shown no more (the chunk was shown again with other text: a keystroke): not drawn at all.
    if (!waiting.blocks.some((each) => each.isConnected)) return { skipped: true };
    return draw(source, look, loadMermaid).then((drawn) => {
      // Not kept when Mermaid did not load: the next showing tries again.
      if (!drawn.notLoaded) keep(key, drawn);
      return drawn;
    });
  }).finally(() => pending.delete(key));
  // The next drawing waits for this one, however it ended.
  queue = waiting.done.catch(() => {});
  return waiting.done;
}

function keep(key, drawn) {
  kept.delete(key);
  kept.set(key, drawn);
  while (kept.size > KEPT_DIAGRAMS) kept.delete(kept.keys().next().value);
}

let mermaid = null;

function draw(source, look, loadMermaid) {
  if (mermaid === null) {
    mermaid = Promise.resolve().then(loadMermaid).then((module) => module.default || module);
    mermaid.catch(() => { mermaid = null; });
  }
  return mermaid.then((api) => Promise.resolve().then(() => {
    api.initialize({ ...CONFIG, theme: look === 'dark' ? 'dark' : 'default' });
    drawings += 1;
    return api.render(`jodide-diagram-${drawings}`, source);
  }).then(({ svg }) => ({ svg, look }), (error) => ({ error: `Mermaid could not draw this diagram: ${messageOf(error)}`, look })),
  (error) => ({ error: `Mermaid could not be loaded, so this diagram is shown as text: ${messageOf(error)}`, notLoaded: true, look }));
}

function messageOf(error) {
  const text = error && error.message ? error.message : String(error);
  return text.trim();
}

/** The class of a diagram shown while its block's new text is drawn, or that the new text cannot draw. */
const OUT_OF_DATE = 'report-diagram-out-of-date';

/**
 * A diagram as isolated output, marked with the look it was drawn in (report.css gives a dark one its
 * dark ground wherever it shows: a light page exported or printed from a dark report).
 */
function figureOf(document, drawn) {
  const figure = document.createElement('div');
  figure.className = 'report-diagram';
  figure.dataset.look = drawn.look;
  renderIsolated(figure, drawn.svg);
  return figure;
}

/** Shows `drawn`, the block's last diagram, in its place until its new drawing comes: the block hides. */
function showOutOfDate(block, drawn) {
  const figure = figureOf(block.ownerDocument, drawn);
  figure.classList.add(OUT_OF_DATE);
  block.before(figure);
  block.hidden = true;
}

/**
 * Puts a drawing in place of `block` (noting its SVG as the block's last, in `drawnNow`), or, when
 * Mermaid could not draw it, a note under the block, or under its last diagram, which then stays.
 */
function place(block, drawn, drawnNow, index) {
  if (drawn.skipped) return;
  const document = block.ownerDocument;
  const previous = block.previousElementSibling;
  const outOfDate = previous && previous.classList.contains(OUT_OF_DATE) ? previous : null;
  if (drawn.svg) {
    if (outOfDate) outOfDate.remove();
    block.replaceWith(figureOf(document, drawn));
    drawnNow[index] = drawn;
    return;
  }
  const note = document.createElement('p');
  note.className = 'report-diagram-error';
  note.setAttribute('role', 'note');
  note.textContent = outOfDate ? `${drawn.error} (the diagram above is of its earlier text)` : drawn.error;
  block.after(note);
}

// A whole notebook embedded in a page (a <script type="text/iomd">, a [data-iomd-src] fetched from its
// URL, or a <pre data-iomd="md">): a box in the page where the Java application (EmbeddedPage) puts
// the notebook's chunks once it has parsed them: its md chunks rendered (sanitized and isolated, as
// rich output), its py and js chunks as cells (cell-view.js) that share the page's kernel, a note for
// each chunk that does not run here. Like a cell, the box is a host element with an open shadow root
// whose :host rules reset the page's styles, so the page's CSS reaches neither its chrome nor its
// markdown; its cells are cells of the page (in jodideEmbed.cells), each with its own shadow root.
//
//   const notebook = makeNotebookView(document, block, act);     // block from findBlocks
//   await notebook.ready;   notebook.text / notebook.error         // the .iomd text, or why it could not be read
//   notebook.addMarkdown(rendered, source);  notebook.addCell('py', 'x = 1');  notebook.addNote('...', 'css', source)
//   notebook.pieces()                                               // its chunks as they are now, for "Open in Jodide"

import NOTEBOOK_CSS from './notebook.css';
import { element, makeCellView } from './cell-view.js';
import { adoptedSheet } from '../report/adopted-sheet.js';

/**
 * Replaces `block.element` with the notebook's box (`div.jodide-notebook`). A block with a `src` is
 * fetched now (a fetch does not hold the page's load event); `ready` settles once its text is known.
 */
export function makeNotebookView(document, block, act, python = null) {
  const host = document.createElement('div');
  host.className = 'jodide-notebook';
  const root = host.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = [adoptedSheet(document, NOTEBOOK_CSS)];
  const frame = element(document, 'div', 'jodide-notebook-frame');
  const bar = element(document, 'div', 'jodide-bar');
  const label = element(document, 'span', 'jodide-notebook-label');
  label.textContent = block.src ? `Notebook ${new URL(block.src).pathname.split('/').pop()}` : 'Notebook';
  const open = element(document, 'a', 'jodide-open');
  open.textContent = 'Open in Jodide';
  open.target = '_blank';
  open.rel = 'noopener';
  bar.append(label, open);
  const status = element(document, 'div', 'jodide-notebook-status');
  status.setAttribute('role', 'status');
  const body = element(document, 'div', 'jodide-notebook-body');
  frame.append(bar, status, body);
  root.append(frame);
  block.element.replaceWith(host);

  // The notebook's chunks in order: {language, source} for what shows as it was written (md, notes),
  // {language, cell} for a cell, whose code is the reader's.
  const pieces = [];
  const notebook = {
    kind: 'notebook',
    host,
    root,
    src: block.src || null,
    text: block.src ? null : block.text,
    error: null,
    /** Shows `rendered` (a rendered markdown chunk, whose text is `source`) as the notebook's next piece. */
    addMarkdown(rendered, source) {
      const piece = element(document, 'div', 'jodide-markdown');
      piece.append(rendered);
      body.append(piece);
      pieces.push({ language: 'md', source });
    },
    /** A cell of `language` holding `code`, as the notebook's next piece. */
    addCell(language, code) {
      const anchor = document.createElement('pre');
      body.append(anchor);
      const cell = makeCellView(document, { element: anchor, language, text: code }, act, python);
      cell.notebook = notebook;
      pieces.push({ language, cell });
      return cell;
    },
    /** A line saying that a chunk of `language` (whose text is `source`) does not run here. */
    addNote(text, language, source) {
      const note = element(document, 'p', 'jodide-notebook-note');
      note.textContent = text;
      body.append(note);
      pieces.push({ language, source });
    },
    setStatus(text) {
      status.textContent = text;
    },
    setOpenLink(href) {
      open.href = href;
    },
    /** The page's look ('light' or 'dark', which notebook.css colours by); its cells follow the page themselves. */
    setLook(look) {
      host.dataset.look = look;
    },
    /** The notebook's chunks as they are now ({language, code}), its cells' code as the reader has it. */
    pieces: () => pieces.map(({ language, source, cell }) => ({ language, code: cell ? cell.code() : source })),
  };
  if (block.src) {
    notebook.setStatus(`Loading ${block.src}…`);
    notebook.ready = fetch(block.src).then((response) => {
      if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
      return response.text();
    }).then((text) => {
      notebook.text = text;
      notebook.setStatus('');
    }, (failure) => {
      notebook.error = `${block.src} could not be read: ${failure && failure.message ? failure.message : failure}`;
      notebook.setStatus(notebook.error);
      host.dataset.state = 'error';
    });
  } else {
    notebook.ready = Promise.resolve();
  }
  return notebook;
}

// A whole notebook embedded in a page (a <script type="text/iomd">, a [data-iomd-src] fetched from its
// URL, or a <pre data-iomd="md">): a box in the page where the Java application (EmbeddedPage) puts
// the notebook's chunks once it has parsed them: its md chunks rendered (sanitized and isolated, as
// rich output), its py and js chunks as cells (cell-view.js) that share the page's kernel.
//
//   const notebook = makeNotebookView(document, block, act);     // block from findBlocks
//   await notebook.ready;   notebook.text / notebook.error         // the .iomd text, or why it could not be read
//   notebook.addMarkdown(element);  notebook.addCell('py', 'x = 1');  notebook.addNote('...')

import { makeCellView } from './cell-view.js';

/**
 * Replaces `block.element` with the notebook's box (`div.jodide-notebook`). A block with a `src` is
 * fetched now (a fetch does not hold the page's load event); `ready` settles once its text is known.
 */
export function makeNotebookView(document, block, act) {
  const host = document.createElement('div');
  host.className = 'jodide-notebook';
  const status = document.createElement('div');
  status.className = 'jodide-notebook-status';
  host.append(status);
  block.element.replaceWith(host);
  const notebook = {
    kind: 'notebook',
    host,
    src: block.src || null,
    text: block.src ? null : block.text,
    error: null,
    /** Shows `element` (rendered markdown) as the notebook's next piece. */
    addMarkdown(element) {
      const piece = document.createElement('div');
      piece.className = 'jodide-markdown';
      piece.append(element);
      host.append(piece);
    },
    /** A cell of `language` holding `code`, as the notebook's next piece. */
    addCell(language, code) {
      const anchor = document.createElement('pre');
      host.append(anchor);
      return makeCellView(document, { element: anchor, language, text: code }, act);
    },
    /** A line saying what of the notebook is not shown (a css chunk, a fetch chunk...). */
    addNote(text) {
      const note = document.createElement('p');
      note.className = 'jodide-notebook-note';
      note.textContent = text;
      host.append(note);
    },
    setStatus(text) {
      status.textContent = text;
    },
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
    });
  } else {
    notebook.ready = Promise.resolve();
  }
  return notebook;
}

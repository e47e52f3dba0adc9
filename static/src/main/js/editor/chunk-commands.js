// Jupyter's cell commands, on a notebook's text (docs/running.md, "Keyboard"):
//
//   insertChunkBelow(view)   after the chunk at the cursor, a new chunk of its language, the cursor in
//                            it (Alt+Enter runs the chunk first, as Jupyter's Alt+Enter does)
//   splitChunk(view)         the chunk at the cursor becomes two there, the second of the same language
//                            (Ctrl+Shift+-, JupyterLab's "Split Cell")
//
// The new delimiter names the language (`%% py`), never the chunk's settings; a chunk started by a
// bare `%%` names the language it inherited, and one of a plugin's language that language. In the
// preamble (the text before the first delimiter) there is no chunk to split, and the one inserted is
// py.

import { chunkAt } from './chunks.js';
import { delimiterWord, PREAMBLE, UNKNOWN } from './iomd-syntax.js';

/** The language word for a chunk like the one at `pos`: its delimiter's word, else its resolved type; null for the preamble. */
function languageAt(state, pos) {
  const chunk = chunkAt(state, pos);
  if (chunk.type === PREAMBLE) return null;
  const word = delimiterWord(state.doc.sliceString(chunk.delimiter.from, chunk.delimiter.to));
  if (word !== null) return word;
  return chunk.type === UNKNOWN ? null : chunk.type;
}

/** Inserts a chunk of the cursor's chunk's language below it and puts the cursor in it; true (the key is handled). */
export function insertChunkBelow(view) {
  const state = view.state;
  const head = state.selection.main.head;
  const chunk = chunkAt(state, head);
  const header = `%% ${languageAt(state, head) ?? 'py'}\n`;
  const doc = state.doc;
  let insert;
  let cursor;
  if (chunk.to < doc.length) {
    // Before the next delimiter: the new chunk, then a blank line as its body.
    insert = `${header}\n`;
    cursor = chunk.to + header.length;
  } else {
    const text = doc.toString();
    const lineEnd = text.length === 0 || text.endsWith('\n') ? '' : '\n';
    const gap = text.length === 0 || text.endsWith('\n\n') ? '' : '\n';
    insert = `${lineEnd}${gap}${header}`;
    cursor = doc.length + insert.length;
  }
  view.dispatch({
    changes: { from: chunk.to, insert },
    selection: { anchor: cursor },
    scrollIntoView: true,
    userEvent: 'input',
  });
  return true;
}

/** Splits the chunk at the cursor there, the second part a chunk of the same language; false in the preamble. */
export function splitChunk(view) {
  const state = view.state;
  const head = state.selection.main.head;
  const language = languageAt(state, head);
  if (language === null) return false;
  const line = state.doc.lineAt(head);
  const header = `%% ${language}\n`;
  // At a line's start the delimiter goes above the line; within one, the rest of the line moves down.
  const insert = head === line.from ? header : `\n${header}`;
  view.dispatch({
    changes: { from: head, insert },
    selection: { anchor: head + insert.length },
    scrollIntoView: true,
    userEvent: 'input',
  });
  return true;
}

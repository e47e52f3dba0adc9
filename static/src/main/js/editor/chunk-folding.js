// Folding per chunk: on a delimiter line, the fold hides the chunk's body (up to the line
// break before the next delimiter line). Inside a body, the body's language folds as usual.

import { foldService } from '@codemirror/language';
import { chunkEnd, lineIsDelimiter } from './chunks.js';

export const chunkFolding = foldService.of((state, lineStart) => {
  const line = state.doc.lineAt(lineStart);
  if (!lineIsDelimiter(state.doc, line)) {
    return null;
  }
  const next = chunkEnd(state.doc, line.number);
  const to = next === state.doc.length ? next : next - 1;
  return to > line.to ? { from: line.to, to } : null;
});

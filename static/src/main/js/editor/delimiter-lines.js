// Marks every delimiter line with the class `cm-iomd-delimiter`, so chunks stand apart, and the
// lines of inert chunks (the preamble, raw chunks, chunks of unknown type: never run) with
// `cm-iomd-inert`, so they show dimmed. Only the visible lines are scanned, on every change or scroll.

import { RangeSetBuilder } from '@codemirror/state';
import { Decoration, ViewPlugin } from '@codemirror/view';
import { chunkAt, lineIsDelimiter } from './chunks.js';
import { PREAMBLE, UNKNOWN } from './iomd-syntax.js';

const delimiterLine = Decoration.line({ class: 'cm-iomd-delimiter' });
const inertLine = Decoration.line({ class: 'cm-iomd-inert' });
const INERT_TYPES = new Set([PREAMBLE, UNKNOWN, 'raw']);

function decorate(view) {
  const builder = new RangeSetBuilder();
  const state = view.state;
  const doc = state.doc;
  let marked = -1; // two visible ranges (around a fold) may share a line: mark it once
  for (const { from, to } of view.visibleRanges) {
    let type = chunkAt(state, from).type;
    for (let pos = from; pos <= to;) {
      const line = doc.lineAt(pos);
      if (line.from > marked) {
        if (lineIsDelimiter(doc, line)) {
          type = chunkAt(state, line.from).type;
          builder.add(line.from, line.from, delimiterLine);
        } else if (INERT_TYPES.has(type)) {
          builder.add(line.from, line.from, inertLine);
        }
        marked = line.from;
      }
      pos = line.to + 1;
    }
  }
  return builder.finish();
}

export const delimiterLines = ViewPlugin.fromClass(class {
  constructor(view) {
    this.decorations = decorate(view);
  }

  update(update) {
    if (update.docChanged || update.viewportChanged) {
      this.decorations = decorate(update.view);
    }
  }
}, { decorations: (plugin) => plugin.decorations });

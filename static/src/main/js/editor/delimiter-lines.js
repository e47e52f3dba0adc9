// Marks every delimiter line with the class `cm-iomd-delimiter`, so chunks stand apart.
// Only the visible lines are scanned, on every change or scroll.

import { RangeSetBuilder } from '@codemirror/state';
import { Decoration, ViewPlugin } from '@codemirror/view';
import { lineIsDelimiter } from './chunks.js';

const delimiterLine = Decoration.line({ class: 'cm-iomd-delimiter' });

function decorate(view) {
  const builder = new RangeSetBuilder();
  const doc = view.state.doc;
  let marked = -1; // two visible ranges (around a fold) may share a line: mark it once
  for (const { from, to } of view.visibleRanges) {
    for (let pos = from; pos <= to;) {
      const line = doc.lineAt(pos);
      if (line.from > marked && lineIsDelimiter(doc, line)) {
        builder.add(line.from, line.from, delimiterLine);
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

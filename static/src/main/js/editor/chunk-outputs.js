// Output under the chunk that produced it, as in Jupyter: one block widget per chunk, after the
// chunk's last line. The widget shows an element the application owns and keeps filling in
// (printed text as it arrives, displays, the value); the editor only places it, and moves it with
// the text as the document is edited.
//
//   view.dispatch({ effects: setChunkOutput.of({ id: 'c3', pos: 42, element }) });  // show / move
//   view.dispatch({ effects: setChunkOutput.of({ id: 'c3', element: null }) });      // remove

import { StateEffect, StateField } from '@codemirror/state';
import { Decoration, EditorView, WidgetType } from '@codemirror/view';

class OutputWidget extends WidgetType {
  constructor(element) {
    super();
    this.element = element;
  }

  eq(other) {
    return other.element === this.element;
  }

  toDOM() {
    return this.element;
  }

  /** Clicks, selections and keys inside the output belong to the output, not to the text. */
  ignoreEvent() {
    return true;
  }

  // The element belongs to the application: it is reused when the widget is drawn again.
  destroy() {}
}

/** Shows `element` under the line ending at `pos` for chunk `id`, replacing its earlier one; null element removes it. */
export const setChunkOutput = StateEffect.define({
  // Text typed at the end of the chunk stays above its output (as for the widget itself: side 1).
  map: (value, changes) => ({ ...value, pos: changes.mapPos(value.pos, 1) }),
});

/** The output widgets as a decoration set; what `outputPositions` reads. */
export const chunkOutputs = StateField.define({
  create: () => Decoration.none,
  update(outputs, transaction) {
    const next = outputs.map(transaction.changes);
    // The last effect for a chunk wins; all are applied in one pass over the set (a batch of many
    // chunks' outputs would otherwise rebuild it once per chunk).
    const placed = new Map();
    for (const effect of transaction.effects) {
      if (effect.is(setChunkOutput)) {
        placed.set(effect.value.id, effect.value);
      }
    }
    if (placed.size === 0) {
      return next;
    }
    const added = [];
    for (const { id, pos, element } of placed.values()) {
      if (element) {
        const at = Math.max(0, Math.min(Math.trunc(pos), transaction.state.doc.length));
        const widget = Decoration.widget({ widget: new OutputWidget(element), block: true, side: 1, chunkId: id });
        added.push(widget.range(at));
      }
    }
    return next.update({ filter: (from, to, decoration) => !placed.has(decoration.spec.chunkId), add: added, sort: true });
  },
  provide: (field) => EditorView.decorations.from(field),
});

/** {chunkId: position} of the outputs in `state` (for tests). */
export function outputPositions(state) {
  const positions = {};
  state.field(chunkOutputs).between(0, state.doc.length, (from, to, decoration) => {
    positions[decoration.spec.chunkId] = from;
  });
  return positions;
}

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
export const setChunkOutput = StateEffect.define();

/** The output widgets as a decoration set; what `outputPositions` reads. */
export const chunkOutputs = StateField.define({
  create: () => Decoration.none,
  update(outputs, transaction) {
    let next = outputs.map(transaction.changes);
    for (const effect of transaction.effects) {
      if (!effect.is(setChunkOutput)) {
        continue;
      }
      const { id, pos, element } = effect.value;
      next = next.update({ filter: (from, to, decoration) => decoration.spec.chunkId !== id });
      if (element) {
        const at = Math.max(0, Math.min(Math.trunc(pos), transaction.state.doc.length));
        const widget = Decoration.widget({ widget: new OutputWidget(element), block: true, side: 1, chunkId: id });
        next = next.update({ add: [widget.range(at)], sort: true });
      }
    }
    return next;
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

// Effects that only change what the editor shows beside the text (chunk states, outputs under
// chunks), collected and dispatched together once per animation frame. Run All of 1,000 chunks
// sets about 3,000 of them; one transaction each made the editor update its view 3,000 times.
//
//   const batch = batchedEffects();
//   const view = new EditorView({ extensions: [batch.extension, ...] });
//   batch.attach(view);
//   batch.add(setChunkState.of({ pos: 0, state: 'running' }));   // shows at the next frame
//   batch.flush();                                               // or now (before reading the state)
//
// Edits made before the batch is dispatched move the pending effects with the text (each effect's
// own `map`), so a state set for a chunk lands on that chunk's line even when the user typed above it.

import { EditorView } from '@codemirror/view';

export function batchedEffects(schedule = (callback) => requestAnimationFrame(callback)) {
  let view = null;
  let pending = [];
  let scheduled = false;

  const flush = () => {
    if (pending.length === 0 || view === null) {
      return;
    }
    const effects = pending;
    pending = [];
    view.dispatch({ effects });
  };

  return {
    /** Maps pending effects through every change of the document. */
    extension: EditorView.updateListener.of((update) => {
      if (update.docChanged && pending.length > 0) {
        pending = pending.map((effect) => effect.map(update.changes)).filter((effect) => effect !== undefined);
      }
    }),
    attach(editorView) {
      view = editorView;
    },
    /** Queues `effect` for the next dispatch. */
    add(effect) {
      pending.push(effect);
      if (!scheduled) {
        scheduled = true;
        schedule(() => {
          scheduled = false;
          flush();
        });
      }
    },
    flush,
    /** Forgets what is pending (the document was replaced: its positions mean nothing any more). */
    discard() {
      pending = [];
    },
  };
}

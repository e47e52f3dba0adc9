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
// Each pending effect keeps the document its positions are in: the view's, or, for one added while
// an edit is told to the application (`positionsIn`, see change-events.js), the document after
// that edit, which the edit itself must not move again.

import { EditorView } from '@codemirror/view';

export function batchedEffects(schedule = (callback) => requestAnimationFrame(callback)) {
  let view = null;
  /** {effect, doc}: the effect, and the document its positions are in. */
  let pending = [];
  let scheduled = false;
  /** While an edit is told: the document after it. */
  let documentAfterTold = null;
  /** The document the positions of an effect added now are in: the view's, or the one after the edit told. */
  const documentNow = () => documentAfterTold ?? view?.state.doc ?? null;

  const flush = () => {
    if (pending.length === 0 || view === null) {
      return;
    }
    // An effect for a document the view never got (its edit was refused) has nowhere to go.
    const doc = view.state.doc;
    const effects = pending.filter((entry) => entry.doc === doc).map((entry) => entry.effect);
    pending = [];
    if (effects.length > 0) {
      view.dispatch({ effects });
    }
  };

  return {
    /** Maps each pending effect through the changes made after the document it is in. */
    extension: EditorView.updateListener.of((update) => {
      if (!update.docChanged || pending.length === 0) {
        return;
      }
      for (const transaction of update.transactions) {
        if (!transaction.docChanged) continue;
        pending = pending.flatMap((entry) => {
          if (entry.doc !== transaction.startState.doc) return [entry];
          const effect = entry.effect.map(transaction.changes);
          return effect === undefined ? [] : [{ effect, doc: transaction.newDoc }];
        });
      }
    }),
    attach(editorView) {
      view = editorView;
    },
    /** Runs `tell()`; the positions of effects added meanwhile are in `doc` (the document after the edit told). */
    positionsIn(doc, tell) {
      const outer = documentAfterTold;
      documentAfterTold = doc;
      try {
        tell();
      } finally {
        documentAfterTold = outer;
      }
    },
    document: documentNow,
    /** Queues `effect` for the next dispatch; its positions are in `document()`. */
    add(effect) {
      pending.push({ effect, doc: documentNow() });
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

// Reports each transaction's changes as ONE edit of the document before it:
// onChange(start, removedLength, inserted), offsets 0-based in UTF-16 code units.
// A transaction with several changes (multiple cursors, replace all) gives the smallest edit
// that covers them all: the text between them is unchanged, so it is removed and re-inserted.

import { Annotation } from '@codemirror/state';
import { EditorView } from '@codemirror/view';

/** Marks a transaction that must not be reported (setText). */
export const silentChange = Annotation.define();

/** The collapsed edit of a transaction: {start, removedLength, inserted}, or null if the doc did not change. */
export function collapsedEdit(transaction) {
  if (!transaction.docChanged) {
    return null;
  }
  let fromA = Infinity;
  let toA = -Infinity;
  let fromB = Infinity;
  let toB = -Infinity;
  transaction.changes.iterChanges((changeFromA, changeToA, changeFromB, changeToB) => {
    fromA = Math.min(fromA, changeFromA);
    toA = Math.max(toA, changeToA);
    fromB = Math.min(fromB, changeFromB);
    toB = Math.max(toB, changeToB);
  });
  return { start: fromA, removedLength: toA - fromA, inserted: transaction.newDoc.sliceString(fromB, toB) };
}

/** An extension calling `onChange` once per changing transaction, in order. */
export function changeEvents(onChange) {
  if (typeof onChange !== 'function') {
    return [];
  }
  return EditorView.updateListener.of((update) => {
    for (const transaction of update.transactions) {
      const edit = transaction.annotation(silentChange) ? null : collapsedEdit(transaction);
      if (edit) {
        onChange(edit.start, edit.removedLength, edit.inserted);
      }
    }
  });
}


// Reports each transaction's changes as ONE edit of the document before it:
// onChange(start, removedLength, inserted), offsets 0-based in UTF-16 code units.
// A transaction with several changes (multiple cursors, replace all) gives the smallest edit
// that covers them all: the text between them is unchanged, so it is removed and re-inserted.
//
// The edit is reported before the view updates (the view's dispatchTransactions), not after it
// (an update listener): in a long notebook the view's update of a keystroke (the syntax tree, the
// decorations, the DOM) takes several ms, and the report that follows the text should not wait
// for it (`./jodide bench keystroke`). Listeners get the edit only; they must not read or change
// the view while it is told (the view still shows the document before the edit).

import { Annotation } from '@codemirror/state';
import { logException } from '@codemirror/view';

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

/**
 * A view's dispatchTransactions that calls `onChange` once per changing transaction, in order,
 * then updates the view. A listener that throws is logged (logException) and the view still
 * updates: no keystroke is lost to a listener. Transactions the view will refuse (not starting
 * from its state, or dispatched while it updates) are not reported: the view throws for them.
 * `around(transaction, tell)` calls `tell()`, which tells the transaction's edit; by default
 * nothing else (the notebook editor lets its batched marks know the document told of).
 */
export function changesFirst(onChange, around = (transaction, tell) => tell()) {
  let updating = false;
  return (transactions, view) => {
    if (typeof onChange === 'function' && !updating && transactions.length > 0 && transactions[0].startState === view.state) {
      for (const transaction of transactions) {
        const edit = transaction.annotation(silentChange) ? null : collapsedEdit(transaction);
        if (!edit) continue;
        try {
          around(transaction, () => onChange(edit.start, edit.removedLength, edit.inserted));
        } catch (error) {
          logException(view.state, error, 'notebook change listener');
        }
      }
    }
    updating = true;
    try {
      view.update(transactions);
    } finally {
      updating = false;
    }
  };
}


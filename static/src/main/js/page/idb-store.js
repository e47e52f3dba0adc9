// One object store of IndexedDB (through idb), as the editor page keeps things in this browser:
// its notebooks (local-notebooks.js) and the user's data files (data-files.js). The database is
// opened once per page and created at first use; work runs in explicit transactions that await
// their `done` (idb's shortcuts, db.get..., leave it unobserved, so a connection the browser closes
// mid-way, the site's data cleared with the page open, rejects with nobody to hear it); and every
// answer goes to a callback, a failure as a message, never a throw.
//
//   const files = idbStore('jodide-data-files', 'files', 'name');
//   answer(files.inTransaction('readonly', (store) => store.getAll()), callback);

import { openDB } from 'idb';

/** The store `storeName` (key path `keyPath`) of the database `databaseName`, version 1. */
export function idbStore(databaseName, storeName, keyPath) {
  let opened = null;
  const database = () => {
    if (!opened) {
      opened = Promise.resolve().then(() => openDB(databaseName, 1, {
        upgrade(db) {
          db.createObjectStore(storeName, { keyPath });
        },
      }));
      opened.catch(() => { opened = null; });
    }
    return opened;
  };
  return {
    /** What `work(store)` resolves to, in one transaction, once the transaction is done. */
    async inTransaction(mode, work) {
      const transaction = (await database()).transaction(storeName, mode);
      const [result] = await Promise.all([work(transaction.store), transaction.done]);
      return result;
    },
    /** Forgets the opened database (node tests, which start from a new fake IndexedDB). */
    forget() {
      opened = null;
    },
  };
}

/** A storage failure as the words the user sees. */
export function why(failure) {
  if (failure && failure.name === 'QuotaExceededError') return 'the browser storage is full';
  return String((failure && failure.message) || failure || 'the browser storage cannot be used');
}

/** Settles `callback(value or null, null)` or `callback(null, why)`. */
export function answer(promise, callback) {
  promise.then((value) => callback(value === undefined ? null : value, null), (failure) => callback(null, why(failure)));
}

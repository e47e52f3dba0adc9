// The browser's localStorage, where a failure (storage disabled, full, private mode) is a value, never a throw.

/** The stored text of `key`; null when absent or when storage cannot be read. */
export function readStorage(key, storage = globalThis.localStorage) {
  try {
    const value = storage.getItem(key);
    return value === null ? null : String(value);
  } catch (e) {
    return null;
  }
}

/** Stores `value` under `key`; null when stored, else why not ("the browser storage is full", ...). */
export function writeStorage(key, value, storage = globalThis.localStorage) {
  try {
    storage.setItem(key, value);
    return null;
  } catch (e) {
    return String(e && e.name === 'QuotaExceededError' ? 'the browser storage is full' : (e && e.message) || e);
  }
}

/** Removes `key`; a failure is ignored. */
export function removeStorage(key, storage = globalThis.localStorage) {
  try {
    storage.removeItem(key);
  } catch (e) {
    // nothing to remove from a storage that cannot be used
  }
}

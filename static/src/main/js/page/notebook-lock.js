// One tab edits a notebook at a time: the tab that opens a notebook holds its Web Lock
// ("jodide.notebook:" + id) until the page goes away; a later tab on the same notebook finds it
// held and is told (org.jodide.ui.editor.Autosave), and may take it over, which tells the first.

const PREFIX = 'jodide.notebook:';

/**
 * Tries to hold the lock of notebook `id`: callback(true) when this tab now holds it,
 * callback(false) when another tab does. Once held, lost() is called if another tab takes it.
 * Where the browser has no Web Locks (an insecure context), every tab holds it.
 */
export function holdNotebook(id, callback, lost, locks = globalThis.navigator && navigator.locks) {
  request(id, { ifAvailable: true }, callback, lost, locks);
}

/** Takes the lock of notebook `id` from the tab holding it (which hears lost()); callback(true) once held. */
export function takeNotebook(id, callback, lost, locks = globalThis.navigator && navigator.locks) {
  request(id, { steal: true }, callback, lost, locks);
}

const held = new Map();

function request(id, options, callback, lost, locks) {
  if (!locks) {
    callback(true);
    return;
  }
  locks.request(PREFIX + id, options, (lock) => {
    if (!lock) {
      callback(false);
      return undefined;
    }
    callback(true);
    return new Promise((release) => held.set(id, { release }));
  }).catch((failure) => {
    held.delete(id);
    if (failure && failure.name === 'AbortError') lost();
  });
}

/** Lets go of the lock of notebook `id` (another notebook is opened in this tab). */
export function releaseNotebook(id) {
  const holder = held.get(id);
  if (holder) {
    held.delete(id);
    holder.release();
  }
}

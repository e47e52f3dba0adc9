// Pyodide's fatal errors (a Wasm trap, a stack overflow in C, os._exit), heard once.

/** Whether a fatal cause is the program exiting (os._exit, Emscripten's ExitStatus) rather than a crash. */
export function isExit(cause) {
  return !!cause && (cause.name === 'ExitStatus' || typeof cause.status === 'number');
}

/** A fatal cause as one line of text. */
export function describeFatal(cause) {
  return cause && cause.message ? (cause.name ? `${cause.name}: ` : '') + cause.message : String(cause);
}

/**
 * Hooks Pyodide's fatal error handler (API.fatal_error calls API.on_fatal after it has made every
 * public API member throw "Pyodide already fatally failed"): listener(reason, exited), once.
 */
export function onFatal(pyodide, listener) {
  let told = false;
  pyodide._api.on_fatal = (cause) => {
    if (told) return;
    told = true;
    listener(describeFatal(cause), isExit(cause));
  };
}

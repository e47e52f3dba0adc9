// Pyodide's package loading, made safe to wait on: loadPackagesFromImports and loadPackage never
// reject (failures arrive only through their error callback) and hang forever on an index that
// never answers, so each call here gets a deadline.

/**
 * Calls pyodide[method](argument, callbacks) and settles once: settled(null, '') on success,
 * settled('error', messages) when the error callback was called or the call threw or rejected,
 * settled('timeout', messages) when timeoutMs passed first. progress(text) hears Pyodide's
 * messages until then.
 */
export function withDeadline(pyodide, method, argument, timeoutMs, progress, settled) {
  const errorMessages = [];
  let finished = false;
  const settle = (outcome) => {
    if (finished) return;
    finished = true;
    clearTimeout(deadline);
    settled(outcome, errorMessages.join('\n'));
  };
  const deadline = setTimeout(() => settle('timeout'), timeoutMs);
  let loading;
  try {
    loading = pyodide[method](argument, {
      messageCallback: (text) => { if (!finished) progress(String(text)); },
      errorCallback: (text) => { errorMessages.push(String(text)); },
    });
  } catch (thrown) {
    loading = Promise.reject(thrown);
  }
  Promise.resolve(loading).then(
    () => settle(errorMessages.length ? 'error' : null),
    (thrown) => {
      if (finished) return;
      errorMessages.push(String((thrown && thrown.message) || thrown));
      settle('error');
    },
  );
}

// Loads jupyter-client.js (the Jupyter client, src/main/js/jupyter, ~the size of a library) only when
// the user connects the notebook to a Jupyter server: most notebooks never do.

/** Calls `loaded(module)` with jupyter-client.js's exports (kernel-bridge.js), or `failed(message)`. */
export function loadJupyterClient(loaded, failed) {
  // A URL computed at run time, which the bundler leaves to the browser (a literal it would bundle).
  import(new URL('./jupyter-client.js', import.meta.url).href).then(loaded,
    (failure) => failed(`The Jupyter client (jupyter-client.js) could not load: ${failure && failure.message ? failure.message : failure}`));
}

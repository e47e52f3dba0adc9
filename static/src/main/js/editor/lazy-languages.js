// The chunk languages (languages.js) arrive after the editors start: an editor is made with
// `withLanguages(make)`, which is `make(null)` (no language: plain text, no nested parse) until
// languages.js has loaded, then `make(LANGUAGES)` in every view that has it. Once loaded, new
// editors get `make(LANGUAGES)` at once.
//
//   const extension = withLanguages((languages) => (languages ? languages.py : []));

import { Compartment } from '@codemirror/state';
import { ViewPlugin } from '@codemirror/view';

let loaded = null; // languages.js, once imported
let loading = null;

/** Loads languages.js once (again after a failure); resolves to its LANGUAGES. */
export function loadLanguages() {
  if (!loading) {
    loading = import('./languages.js').then((module) => {
      loaded = module;
      return module.LANGUAGES;
    }, (error) => {
      loading = null;
      throw new Error(`the editor's languages (codemirror-languages.js) did not load: ${error?.message || error}`,
        { cause: error });
    });
  }
  return loading;
}

/** The languages if they have loaded, else null. */
export function loadedLanguages() {
  return loaded?.LANGUAGES ?? null;
}

/** The languages of fenced code blocks (languages.js's CODE_BLOCK_LANGUAGES) if they have loaded, else null. */
export function loadedCodeBlockLanguages() {
  return loaded?.CODE_BLOCK_LANGUAGES ?? null;
}

/**
 * `make(languages)` as an extension: at once when the languages have loaded; otherwise `make(null)`
 * in a compartment, reconfigured to `make(languages)` when they load, in each view whose state
 * still has it (a view given a new state, or destroyed, is left alone). If they do not load, the
 * view stays as `make(null)` made it and the console says why.
 */
export function withLanguages(make) {
  if (loaded) return make(loaded.LANGUAGES);
  const slot = new Compartment();
  const whenLoaded = ViewPlugin.define((view) => {
    let live = true;
    loadLanguages().then((languages) => {
      if (live) view.dispatch({ effects: slot.reconfigure(make(languages)) });
    }, (error) => {
      if (live) console.error(`Jodide: chunks show without highlighting: ${error.message}`, error.cause);
    });
    return { destroy() { live = false; } };
  });
  return [slot.of(make(null)), whenLoaded];
}

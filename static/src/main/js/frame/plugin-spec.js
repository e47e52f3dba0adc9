// Reads a language plugin's JSON, as a fetch chunk's `plugin: URL` line names it (the content of a
// plugin chunk): {languageId, url, module, evaluator, asyncEvaluator?}. Its script URL resolves
// against the JSON's own URL.
//
//   loadPluginSpec('plugins/lua.json', (error, languageId, scriptUrl, module, evaluator, asyncEvaluator) => ...);

import { httpError } from './fetch-loader.js';

const REQUIRED = ['languageId', 'url', 'module', 'evaluator'];

/** The required fields `spec` lacks (missing, not a string, or empty). */
export function missingFields(spec) {
  return REQUIRED.filter((field) => typeof (spec && spec[field]) !== 'string' || spec[field] === '');
}

/**
 * Fetches and checks the plugin JSON at `url` (relative to `baseUri`); `loaded` gets either an
 * error (and nulls) or null and the plugin's fields, with the script's absolute URL and
 * asyncEvaluator null when not given.
 */
export function loadPluginSpec(url, loaded, { fetch = globalThis.fetch, baseUri = globalThis.document?.baseURI } = {}) {
  const fail = (message) => loaded(message, null, null, null, null, null);
  fetch(url).then((response) => {
    if (!response.ok) throw new Error(httpError(response, url));
    return response.json();
  }).then((spec) => {
    const missing = missingFields(spec);
    if (missing.length) {
      fail(`the plugin ${url} lacks ${missing.join(', ')}`);
      return;
    }
    const asyncName = typeof spec.asyncEvaluator === 'string' && spec.asyncEvaluator ? spec.asyncEvaluator : null;
    loaded(null, spec.languageId, new URL(spec.url, new URL(url, baseUri)).href, spec.module, spec.evaluator, asyncName);
  }).catch((failure) => fail(String((failure && failure.message) || failure)));
}

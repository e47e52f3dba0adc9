// The user's JavaScript variables in the eval frame: the globals that appeared since the frame
// started (recordBaseline), so the frame's own globals are left out.
//
//   recordBaseline();            // once, before any notebook code runs
//   javascriptGlobals();         // [{name: 'rows', type: 'Array', preview: '[1,2,3]'}, ...]

import { boundedText, kindOf } from './value-text.js';

const BASELINE = '__jodideBaseline';
/** Longest preview, in UTF-16 code units; longer ones end with "...". */
export const PREVIEW_LENGTH = 100;

/** Remembers the globals that exist now (and `pyodide`, set later by the frame) as not the user's. */
export function recordBaseline(scope = globalThis) {
  const baseline = new Set(Object.getOwnPropertyNames(scope));
  baseline.add('pyodide');
  baseline.add(BASELINE);
  scope[BASELINE] = baseline;
}

/**
 * A one-line preview of a value, at most PREVIEW_LENGTH long: JSON-like, built only as far as the
 * preview shows, so a global holding a 10-million-element array or a long string costs a few
 * elements, not a serialization of all of it (the workspace lists every global after runs).
 */
export function previewOf(value) {
  let text;
  try {
    text = boundedText(value, PREVIEW_LENGTH + 1, PREVIEW_DEPTH);
  } catch (failure) {
    text = kindOf(value); // A getter that throws, a proxy that refuses.
  }
  return text.length > PREVIEW_LENGTH ? `${text.slice(0, PREVIEW_LENGTH - 3)}...` : text;
}

/** How deep a preview goes into nested objects and arrays. */
const PREVIEW_DEPTH = 3;

/** The name of a value's type: its constructor's name for objects, else typeof ('null' for null). */
export function typeOf(value) {
  if (value === null) return 'null';
  try {
    if (typeof value === 'object' && value.constructor && value.constructor.name) return value.constructor.name;
  } catch (refused) {
    // A proxy that refuses reads: an object.
  }
  return typeof value;
}

/** The globals not in the baseline, sorted by name, as {name, type, preview}. */
export function javascriptGlobals(scope = globalThis) {
  const baseline = scope[BASELINE] || new Set();
  return Object.getOwnPropertyNames(scope).filter((name) => !baseline.has(name)).sort().map((name) => {
    let value;
    try {
      value = scope[name];
    } catch (failure) {
      value = undefined;
    }
    return { name, type: typeOf(value), preview: previewOf(value) };
  });
}

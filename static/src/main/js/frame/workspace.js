// The user's JavaScript variables in the eval frame: the globals that appeared since the frame
// started (recordBaseline), so the frame's own globals are left out.
//
//   recordBaseline();            // once, before any notebook code runs
//   javascriptGlobals();         // [{name: 'rows', type: 'Array', preview: '[1,2,3]'}, ...]

import { kindOf } from './value-text.js';

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
    text = boundedPreview(value, PREVIEW_LENGTH + 1, 0, new Set());
  } catch (failure) {
    text = kindOf(value); // A getter that throws, a proxy that refuses.
  }
  return text.length > PREVIEW_LENGTH ? `${text.slice(0, PREVIEW_LENGTH - 3)}...` : text;
}

/** How deep a preview goes into nested objects and arrays. */
const PREVIEW_DEPTH = 3;

/** A JSON-like text of value that stops once it is longer than budget (it may end mid-way). */
function boundedPreview(value, budget, depth, seen) {
  if (typeof value === 'function') return `[Function: ${value.name || 'anonymous'}]`;
  if (typeof value === 'string') return JSON.stringify(value.length > budget ? value.slice(0, budget) : value);
  if (typeof value !== 'object' || value === null) return String(value);
  if (seen.has(value)) return '[Circular]';
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    const shown = Array.from(value.subarray(0, Math.min(value.length, budget)), String);
    return `${value.constructor.name}(${value.length}) [${shown.join(',')}]`;
  }
  if (value instanceof ArrayBuffer) return `ArrayBuffer(${value.byteLength})`;
  if (typeof value.toJSON === 'function') return String(JSON.stringify(value));
  if (depth >= PREVIEW_DEPTH) return Array.isArray(value) ? `[Array(${value.length})]` : '{…}';
  seen.add(value);
  const isArray = Array.isArray(value);
  const parts = [];
  let length = 2;
  const keys = isArray ? null : Object.keys(value);
  const count = isArray ? value.length : keys.length;
  for (let i = 0; i < count && length <= budget; i++) {
    const item = isArray ? value[i] : value[keys[i]];
    const itemText = item === undefined && isArray ? 'null' : boundedPreview(item, budget - length, depth + 1, seen);
    const part = isArray ? itemText : `${JSON.stringify(keys[i])}:${itemText}`;
    parts.push(part);
    length += part.length + 1;
  }
  seen.delete(value);
  return isArray ? `[${parts.join(',')}]` : `{${parts.join(',')}}`;
}

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

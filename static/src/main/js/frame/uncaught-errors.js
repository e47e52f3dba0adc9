// Errors nobody caught in the report frame: a `throw` in a timer or an event handler, a promise
// rejection without a handler. The eval frame forwards them to the editor's console, named after
// the chunk whose code threw when the stack says so (js chunks run with a sourceURL such as
// "js-chunk-at-line-3.js", see SourceNames.asUrl), with stack lines in notebook lines.

import { chunkNameOf, chunkPlaces, withPlaces } from './chunk-places.js';
import { thrownText } from './value-text.js';

/**
 * What to tell the user about an uncaught error.
 * @param {'error'|'rejection'} kind  a window 'error' event or an 'unhandledrejection'
 * @param {*} thrown                  the error (event.error / event.reason), any value
 * @param {string} [message]          the event's own message, used when thrown is missing
 * @param {string} [filename]         the event's script URL, used when the stack names no chunk
 * @returns {{source: string, text: string}} source: the chunk's readable name, or "" when unknown
 */
export function describeUncaught(kind, thrown, message, filename) {
  const prefix = kind === 'rejection' ? 'Unhandled promise rejection: ' : 'Uncaught ';
  let what = thrown !== undefined && thrown !== null ? thrownText(thrown) : message || 'unknown error';
  if (kind === 'error' && /^Uncaught /.test(what)) {
    what = what.slice('Uncaught '.length);
  }
  let stack = '';
  try {
    if (thrown && typeof thrown === 'object' && typeof thrown.stack === 'string') stack = thrown.stack;
  } catch (unreadable) {
    // A proxy whose traps throw: no stack.
  }
  const places = chunkPlaces(stack);
  const source = places.length ? places[0].name : chunkNameOf(filename || '');
  return { source, text: withPlaces(prefix + what, places) };
}

/**
 * Calls report(source, text) for every uncaught error and unhandled rejection of `target` (a window).
 * Errors that report itself throws are left to the browser's console.
 */
export function watchUncaughtErrors(target, report) {
  target.addEventListener('error', (event) => {
    // Resource load errors (an <img> that 404s) do not bubble to window as ErrorEvents with a message.
    if (!event || (event.error === undefined && !event.message)) return;
    const { source, text } = describeUncaught('error', event.error, event.message, event.filename);
    report(source, text);
  });
  target.addEventListener('unhandledrejection', (event) => {
    const { source, text } = describeUncaught('rejection', event.reason);
    report(source, text);
  });
}

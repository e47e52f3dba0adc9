// Runs JavaScript for the notebook in the eval frame's global scope: the code of js chunks
// (indirect eval, the way Iodide did: top-level var and function declarations become globals, the
// last expression's value is the result, a returned promise is awaited; `await` outside functions
// too, top-level-await.js) and plugin evaluators; what they log on the console is printed under
// them (console-capture.js).
//
//   evaluateChunk('6*7', 3, 'js-chunk-at-line-3.js', 'js chunk at line 3', (value, error) => ...);
//
// `reply(value, error, html, problems)` is called once: value is a short description of the result
// (null for undefined, or when it shows as HTML), error a message with the stack lines of the chunk's
// own code as notebook lines, html the result's rich form (value-renderers.js: a renderer the
// notebook added, or its iodideRender()) or null, problems what went wrong rendering it, or null.

import { chunkPlaces, withPlaces } from './chunk-places.js';
import { consoleCapture } from './console-capture.js';
import { valueRenderers } from './value-renderers.js';
import { errorText, objectText, thrownText } from './value-text.js';

/** A short, readable description of a value, as the console shows it; null for undefined. */
export function describe(value) {
  if (value === undefined) return null;
  if (value === null) return 'null';
  const valueType = typeof value;
  if (valueType === 'string') return objectText(value); // Quoted, and cut when long.
  if (valueType === 'number' || valueType === 'boolean' || valueType === 'bigint' || valueType === 'symbol') {
    return String(value);
  }
  try {
    if (valueType === 'function') return `[Function: ${value.name || 'anonymous'}]`;
    if (typeof Node !== 'undefined' && value instanceof Node) return `<${(value.nodeName || 'node').toLowerCase()}>`;
  } catch (refused) {
    // A proxy whose traps throw: described by what objectText can read.
  }
  return objectText(value);
}

/**
 * The message of a thrown value; with `sourceName`, followed by the places of its stack in the
 * notebook's code, this chunk's and those of the chunks whose functions it called, as
 * "at <label>, notebook line L, column C" (chunk-places.js: chunks run padded, so their lines are
 * notebook lines). `label` is for the caller's own chunk, which its stack names as the others.
 */
export function formatError(thrown, sourceName, label) {
  const text = errorText(thrown) ?? `Uncaught ${thrownText(thrown)}`;
  let stack = '';
  try {
    stack = thrown && thrown.stack ? String(thrown.stack) : '';
  } catch (unreadable) {
    // A proxy whose traps throw: no stack.
  }
  if (!sourceName) return text;
  return withPlaces(text, chunkPlaces(stack, { url: sourceName, name: label }));
}

/** Whether `value` has a `then` method (a value that refuses the read has none). */
function isThenable(value) {
  try {
    return value !== null && (typeof value === 'object' || typeof value === 'function') && typeof value.then === 'function';
  } catch (refused) {
    return false;
  }
}

/**
 * Replies with `result` (awaited first when it is a promise, or any thenable): as HTML when it has a
 * rich form, else its short description.
 */
export function settle(result, sourceName, label, reply, renderers = valueRenderers) {
  const shown = (value) => {
    let rendered;
    try {
      rendered = renderers.htmlOf(value);
    } catch (thrown) {
      rendered = { html: null, problems: [`Showing the value failed: ${formatError(thrown, null, null)}`] };
    }
    const problems = rendered.problems.length ? rendered.problems.join('\n') : null;
    reply(rendered.html === null ? describe(value) : null, null, rendered.html, problems);
  };
  if (isThenable(result)) {
    Promise.resolve(result).then(shown, (thrown) => reply(null, formatError(thrown, sourceName, label), null, null));
  } else {
    shown(result);
  }
}

/**
 * Evaluates a chunk's code in the global scope. `firstLine` (0-based) blank lines go first, so
 * that error positions are notebook lines; `sourceName` is the URL the devtools show. A chunk that
 * awaits outside a function or imports a module, which eval refuses, runs again rewritten as an async function
 * (top-level-await.js, imported then: its parser takes ~15 ms to set up, which no frame start should
 * pay); nothing of it ran the first time, as the refusal is a SyntaxError. Any other SyntaxError
 * says where it is (syntax-error-place.js), which eval's does not. With `print(stream,
 * text)`, what the chunk logs on the console until it has replied is printed through it too
 * (console-capture.js). `evaluate`, `renderers` and `console` are for tests.
 */
export function evaluateChunk(code, firstLine, sourceName, label, reply, {
  print = null, evaluate = globalThis.eval, renderers = valueRenderers, console: target = globalThis.console,
} = {}) {
  const done = printingUntilReplied(print, target, reply);
  // Indirect eval: global scope, sloppy mode, whatever module this file is bundled in.
  const run = (source) => (0, evaluate)(`${'\n'.repeat(firstLine)}${source}\n//# sourceURL=${sourceName}`);
  const fail = (thrown) => done(null, formatError(thrown, sourceName, label), null, null);
  let result;
  try {
    result = run(code);
  } catch (refused) {
    if (!(refused instanceof SyntaxError)) {
      fail(refused);
      return;
    }
    afterRefusal(code, refused).then((next) => {
      if (next.source === undefined) {
        done(null, syntaxErrorText(next.error, next.place, firstLine, label), null, null);
        return;
      }
      let awaited;
      try {
        awaited = run(next.source);
      } catch (thrown) {
        fail(thrown);
        return;
      }
      settle(awaited, sourceName, label, done, renderers);
    }, fail);
    return;
  }
  settle(result, sourceName, label, done, renderers);
}

/**
 * What follows eval's SyntaxError `refused` for `code` (nothing of it ran): `{source}`, the chunk
 * rewritten to run with its top-level awaits; or `{error, place}`, the SyntaxError to show and
 * where in the chunk it is ({line, column} from 1, or null). The parser is imported only now.
 */
function afterRefusal(code, refused) {
  return Promise.all([import('./top-level-await.js'), import('./syntax-error-place.js')])
    .then(([{ retryAwaiting }, { syntaxErrorPlace }]) => {
      const base = globalThis.document ? globalThis.document.baseURI : undefined;
      const retry = mentionsAwaitOrImport(code) ? retryAwaiting(code, base) : null;
      if (retry && retry.source) return { source: retry.source };
      const place = syntaxErrorPlace(code);
      const error = (retry && retry.error) || refused;
      // The engine blames an import, which a chunk may have; the parse as a module names what is wrong.
      const blamesImport = /import statement/.test(error.message) && place && !/import/.test(place.message);
      return { error: blamesImport ? new SyntaxError(place.message) : error, place };
    });
}

/** A syntax error's text with its place, as formatError writes a stack line: `    at <label>, notebook line L, column C`. */
export function syntaxErrorText(error, place, firstLine, label) {
  const text = formatError(error, null, null);
  return place && label ? withPlaces(text, [{ name: label, line: firstLine + place.line, column: place.column }]) : text;
}

/** `reply`, which first ends the printing of the console's calls through `print` begun here (none without one). */
function printingUntilReplied(print, target, reply) {
  if (typeof print !== 'function' || !target) return reply;
  const stop = consoleCapture(target, describe).printingTo(print);
  return (...answer) => {
    stop();
    reply(...answer);
  };
}

/**
 * Calls logged(source, stream, text) for what `target` (a console) is told while no run prints it,
 * when notebook code told it: a timer, an event handler or a promise's callback a js chunk (or a
 * console input, a cell) left behind, named after the innermost chunk of the call's stack ("js
 * chunk at line 3"). Calls whose stack names no chunk (the page's own code, a library's, Pyodide's)
 * stay in the browser's console only.
 */
export function logOutsideRuns(target, logged) {
  consoleCapture(target, describe).outsideRuns((stream, text, stack) => {
    const places = chunkPlaces(stack);
    if (places.length) logged(places[0].name, stream, text);
  });
}

/** Whether `code` has the word await or import (so that a SyntaxError may be eval's refusal of a top-level await or an import declaration). */
function mentionsAwaitOrImport(code) {
  return /\b(?:await|import)\b/.test(code);
}

/** Whether `scope[module][method]` is a function. */
export function hasFunction(module, method, scope = globalThis) {
  const target = scope[module];
  return !!target && typeof target[method] === 'function';
}

/**
 * Calls a plugin's evaluator, `scope[module][method](code)`, awaiting a returned promise; with
 * `print`, what it logs on the console meanwhile is printed through it, as a js chunk's is.
 */
export function callPlugin(module, method, code, reply, { print = null, scope = globalThis } = {}) {
  const done = printingUntilReplied(print, scope.console, reply);
  let result;
  try {
    result = scope[module][method](code);
  } catch (thrown) {
    done(null, formatError(thrown, null, null), null, null);
    return;
  }
  settle(result, null, null, done);
}

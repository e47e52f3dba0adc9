// Completion in a notebook: the chunk types on a delimiter line (on request, Ctrl-Space), the
// fetch line types in fetch chunks, and for other chunks the names the page's `complete`
// callback gives (Python names from the kernel, JavaScript globals...).

import { autocompletion } from '@codemirror/autocomplete';
import { syntaxTree } from '@codemirror/language';
import { chunkAt } from './chunks.js';
import { CHUNK_TYPES, FETCH_TYPES, PREAMBLE } from './iomd-syntax.js';

const FETCH_OPTIONS = FETCH_TYPES.map((type) => ({ label: `${type}: `, type: 'keyword', detail: 'fetch' }));
const CHUNK_TYPE_OPTIONS = CHUNK_TYPES.map((type) => ({ label: type, type: 'type' }));
const NAME_BEFORE_CURSOR = /[\w$.]+$/;
const NOT_CODE = /String|Comment/;

function delimiterCompletion(context, delimiter) {
  // Only on request: typing "%% py" then Enter must give a new line, not a picked option.
  const word = context.matchBefore(/^%%+[ \t]*\w*$/);
  if (!context.explicit || !word || context.pos > delimiter.to) {
    return null;
  }
  const from = word.from + /^%%+[ \t]*/.exec(word.text)[0].length;
  return { from, options: CHUNK_TYPE_OPTIONS, validFor: /^\w*$/ };
}

function fetchCompletion(context) {
  // spec (fetch chunks): each line is TYPE: URL or TYPE: NAME = URL.
  const word = context.matchBefore(/^[ \t]*[A-Za-z]*$/);
  if (!word) {
    return null;
  }
  const from = word.to - /[A-Za-z]*$/.exec(word.text)[0].length;
  if (from === word.to && !context.explicit) {
    return null;
  }
  return { from, options: FETCH_OPTIONS, validFor: /^[A-Za-z]*$/ };
}

function insideStringOrComment(context) {
  const node = syntaxTree(context.state).resolveInner(context.pos, -1);
  return NOT_CODE.test(node.type.name);
}

function askPage(context, chunk, complete) {
  const name = context.matchBefore(NAME_BEFORE_CURSOR);
  if (!context.explicit && (!name || /^\d/.test(name.text) || insideStringOrComment(context))) {
    return null;
  }
  const line = context.state.doc.lineAt(context.pos);
  const request = {
    language: chunk.type,
    chunkText: context.state.sliceDoc(chunk.bodyFrom, context.pos),
    lineText: context.state.sliceDoc(line.from, context.pos),
    pos: context.pos,
  };
  return new Promise((resolve) => {
    try {
      complete(request, (result) => resolve(result || null));
    } catch (error) {
      console.error('completion failed', error);
      resolve(null);
    }
  }).then((result) => {
    if (!result || !Array.isArray(result.options) || result.options.length === 0 || context.aborted) {
      return null;
    }
    return { from: result.from, options: result.options, validFor: /^[\w$]*$/ };
  });
}

/** A completion source for the notebook; `complete` is the page's callback (optional). */
export function notebookCompletionSource(complete) {
  return (context) => {
    const chunk = chunkAt(context.state, context.pos);
    if (chunk.delimiter && context.pos <= chunk.delimiter.to) {
      return delimiterCompletion(context, chunk.delimiter);
    }
    if (chunk.type === 'fetch') {
      return fetchCompletion(context);
    }
    if (chunk.type === PREAMBLE || typeof complete !== 'function') {
      return null;
    }
    return askPage(context, chunk, complete);
  };
}

export function notebookCompletion(complete) {
  return autocompletion({ override: [notebookCompletionSource(complete)] });
}

/**
 * Completion in a document of one language's code (an embedded cell, the console's input: `language`
 * py or js, or a function giving the language now), from the page's `complete` callback as for a
 * notebook's chunk. Without `activateOnTyping`, only on request (Ctrl+Space).
 */
export function codeCompletion(language, complete, { activateOnTyping = true } = {}) {
  const languageNow = typeof language === 'function' ? language : () => language;
  return autocompletion({
    activateOnTyping,
    override: [(context) => askPage(context, { type: languageNow(), bodyFrom: 0 }, complete)],
  });
}

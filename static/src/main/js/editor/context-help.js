// Help on the name at the cursor, as Jupyter's Shift+Tab shows it: in a py or js chunk, Shift-Tab
// after a name (or inside a call's parentheses) asks the page's `inspect` callback, which asks the
// kernel, and shows its answer (signature, type, value, docstring) in a tooltip under the cursor.
// Escape, typing or moving the cursor closes it. Shift-Tab with only blanks before the cursor on
// its line still indents less.
//
//   contextHelp((request, resolve) => resolve('Signature: len(obj, /)'))  // request: {language, before, after}

import { Prec, StateEffect, StateField } from '@codemirror/state';
import { keymap, showTooltip } from '@codemirror/view';
import { chunkAt } from './chunks.js';

/** The chunk types whose kernel answers help (the languages of notebook-core's Language). */
const HELP_TYPES = new Set(['py', 'js']);

/** What the tooltip says when the kernel knows nothing of the name (or has not started). */
export const NO_HELP = 'No help for the name at the cursor (is it defined? has its chunk run?)';

const setHelp = StateEffect.define();

const helpField = StateField.define({
  create: () => null,
  update(help, transaction) {
    for (const effect of transaction.effects) {
      if (effect.is(setHelp)) return effect.value;
    }
    return help && (transaction.docChanged || transaction.selection) ? null : help;
  },
  provide: (field) => showTooltip.from(field, (help) => help && {
    pos: help.pos,
    above: false,
    create: () => ({ dom: helpElement(help.text) }),
  }),
});

function helpElement(text) {
  const dom = document.createElement('div');
  dom.className = 'cm-context-help';
  dom.setAttribute('role', 'tooltip');
  const body = document.createElement('pre');
  body.textContent = text || NO_HELP;
  if (!text) dom.classList.add('cm-context-help-none');
  dom.append(body);
  return dom;
}

/**
 * The request for the cursor's name, or null where Shift-Tab is not asking for help. `locate(state,
 * pos)` gives the code around the cursor as {type, bodyFrom, to, delimiter}: the notebook's chunk
 * (chunkAt), or the whole text of an editor of one language's code (wholeDocument).
 */
export function helpRequest(state, locate = chunkAt) {
  const range = state.selection.main;
  if (!range.empty) return null;
  const pos = range.head;
  if (state.sliceDoc(state.doc.lineAt(pos).from, pos).trim() === '') return null;
  const chunk = locate(state, pos);
  if (!HELP_TYPES.has(chunk.type) || (chunk.delimiter && pos <= chunk.delimiter.to)) return null;
  return { language: chunk.type, before: state.sliceDoc(chunk.bodyFrom, pos), after: state.sliceDoc(pos, chunk.to) };
}

/**
 * A locator (for helpRequest) for an editor whose whole text is code of `language`: 'py', 'js', or a
 * function giving the language now (the console's changes).
 */
export function wholeDocument(language) {
  const languageNow = typeof language === 'function' ? language : () => language;
  return (state) => ({ type: languageNow(), bodyFrom: 0, to: state.doc.length, delimiter: null });
}

/**
 * The extension: Shift-Tab shows help from `inspect(request, resolve)`, which resolves with the text
 * ('' for none). `locate` as for helpRequest.
 */
export function contextHelp(inspect, locate = chunkAt) {
  const show = (view) => {
    const request = typeof inspect === 'function' ? helpRequest(view.state, locate) : null;
    if (!request) return false;
    const asked = view.state;
    inspect(request, (text) => {
      // The answer is for where the cursor was: moved or typed since, it is dropped.
      if (view.state.doc !== asked.doc || view.state.selection.main.head !== asked.selection.main.head) return;
      view.dispatch({ effects: setHelp.of({ pos: asked.selection.main.head, text: typeof text === 'string' ? text : '' }) });
    });
    return true;
  };
  const close = (view) => {
    if (!view.state.field(helpField)) return false;
    view.dispatch({ effects: setHelp.of(null) });
    return true;
  };
  return [helpField, Prec.high(keymap.of([{ key: 'Shift-Tab', run: show }, { key: 'Escape', run: close }]))];
}

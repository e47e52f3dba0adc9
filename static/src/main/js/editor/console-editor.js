// The console's input (org.jodide.ui.editor.ReplInput): one piece of code in the console's
// language, highlighted, with names completed (as typed, or Ctrl+Space) and help on the name at
// the cursor (Shift+Tab) as in the notebook's chunks. Enter hands the text to `onEnter` (which runs
// it), Shift+Enter adds a line, ↑ on the first line and ↓ on the last ask `onHistory` for an
// earlier or later input. Completions are listed only when asked for, with Tab after a name or
// Ctrl+Space (as in Jupyter's console: listed as one types, they would take the Enter that runs);
// while they are listed, Enter and the arrows pick among them.
//
//   const input = createConsoleEditor(textarea, { language: 'py', onEnter, onHistory, complete, inspect });
//   input.text();  input.show('x = 1');  input.setLanguage('js');  input.setTheme('dark');
//
// It takes the place of `textarea` (the page's input until this module has loaded), with its text,
// its focus, its id and its accessible name, so the input works the same before and after.

import { Compartment, EditorSelection, EditorState, Prec } from '@codemirror/state';
import { EditorView, drawSelection, keymap, placeholder as placeholderText } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap, insertNewlineAndIndent } from '@codemirror/commands';
import { bracketMatching, indentOnInput } from '@codemirror/language';
import { fourSpaceIndent } from './indentation.js';
import { closeBrackets, closeBracketsKeymap, startCompletion } from '@codemirror/autocomplete';
import { codeCompletion } from './completion.js';
import { contextHelp, wholeDocument } from './context-help.js';
import { cellLanguage } from './cell-editor.js';
import { themeSwitch } from './themes.js';

/** The cursor is right after a name (or a dot of one), where Tab completes rather than leaving the input. */
function afterName(state) {
  const range = state.selection.main;
  return range.empty && /[\w$.]$/.test(state.sliceDoc(Math.max(0, range.head - 1), range.head));
}

/**
 * @param {HTMLTextAreaElement} textarea the input it replaces
 * @param {object} options
 * @param {string} options.language   'py' or 'js'
 * @param {(text: string) => void} options.onEnter  Enter pressed (the text may be blank)
 * @param {(step: number) => boolean} options.onHistory  -1 for an earlier input, 1 for a later one; true if it showed one
 * @param {Function} [options.complete] the page's completion callback (completion.js)
 * @param {Function} [options.inspect]  the page's help callback (context-help.js)
 * @param {string} [options.theme]      'light', 'dark' or 'auto'
 */
export function createConsoleEditor(textarea, {
  language = 'py', onEnter, onHistory, complete = null, inspect = null, theme: initialTheme = 'auto',
}) {
  let current = language;
  const languageSlot = new Compartment();
  const placeholderSlot = new Compartment();
  const theme = themeSwitch(initialTheme);
  const placeholderFor = (text) => placeholderText(text || '');
  const onFirstLine = (state) => state.selection.main.empty && state.doc.lineAt(state.selection.main.head).number === 1;
  const onLastLine = (state) => state.selection.main.empty
    && state.doc.lineAt(state.selection.main.head).number === state.doc.lines;
  const keys = [
    { key: 'Enter', run: (view) => { onEnter(view.state.doc.toString()); return true; } },
    { key: 'Shift-Enter', run: insertNewlineAndIndent },
    { key: 'ArrowUp', run: (view) => onFirstLine(view.state) && onHistory(-1) },
    { key: 'ArrowDown', run: (view) => onLastLine(view.state) && onHistory(1) },
    { key: 'Tab', run: (view) => afterName(view.state) && startCompletion(view) },
  ];
  const view = new EditorView({
    state: EditorState.create({
      doc: textarea.value,
      selection: EditorSelection.cursor(textarea.value.length),
      extensions: [
        history(),
        drawSelection(),
        indentOnInput(),
        fourSpaceIndent,
        bracketMatching(),
        closeBrackets(),
        theme.extension(),
        languageSlot.of(cellLanguage(language)),
        placeholderSlot.of(placeholderFor(textarea.placeholder)),
        typeof complete === 'function' ? codeCompletion(() => current, complete, { activateOnTyping: false }) : [],
        typeof inspect === 'function' ? contextHelp(inspect, wholeDocument(() => current)) : [],
        // Below completion's own keys (Prec.highest), above the defaults.
        Prec.high(keymap.of(keys)),
        keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...historyKeymap]),
        EditorView.contentAttributes.of({
          id: textarea.id,
          'aria-label': textarea.getAttribute('aria-label') || 'Console input',
          'aria-multiline': 'true',
          // In the Tab order, where the textarea was (a contenteditable's tabIndex property says -1 otherwise).
          tabindex: '0',
        }),
      ],
    }),
  });
  view.dom.classList.add('console-input');
  const focused = textarea.ownerDocument.activeElement === textarea;
  textarea.removeAttribute('id');
  textarea.replaceWith(view.dom);
  theme.attach(view);
  if (focused) view.focus();

  return {
    view,
    /** The input's text. */
    text: () => view.state.doc.toString(),
    /** Shows `text` (an input from the history, or '' once run), the cursor at its end. */
    show(text) {
      view.dispatch({
        changes: { from: 0, to: view.state.doc.length, insert: text },
        selection: EditorSelection.cursor(text.length),
        scrollIntoView: true,
      });
    },
    /** Highlights, completes and explains `language` ('py' or 'js') from now on; `hint` is the new placeholder. */
    setLanguage(nextLanguage, hint) {
      current = nextLanguage;
      view.dispatch({
        effects: [
          languageSlot.reconfigure(cellLanguage(nextLanguage)),
          placeholderSlot.reconfigure(placeholderFor(hint)),
        ],
      });
    },
    setTheme: (name) => theme.set(view, name),
    focus: () => view.focus(),
  };
}

// A CodeMirror editor for one embedded cell (embed.js): the code of one language, in the notebook
// editor's light or dark look (themes.js: `theme`, 'auto' as the system is set, or the page's choice,
// embed/looks.js; styles injected into the cell's shadow root, `root`), Shift+Enter or
// Ctrl/Cmd+Enter to run; names completed (as typed, or Ctrl+Space) by `complete` and help on the
// name at the cursor (Shift+Tab) from `inspect`, the page's callbacks as the notebook editor has
// them (completion.js, context-help.js).
//
//   const editor = createCellEditor(parent, { doc: 'x = 1', language: 'py', root: shadowRoot, onRun, onChange,
//     complete: (request, resolve) => ..., inspect: (request, resolve) => ... });
//   editor.text();  editor.setText('x = 2');  editor.focus();  editor.setTheme('dark');

import { EditorState } from '@codemirror/state';
import { EditorView, drawSelection, highlightActiveLine, keymap, lineNumbers } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { bracketMatching, indentOnInput } from '@codemirror/language';
import { fourSpaceIndent } from './indentation.js';
import { codeCompletion } from './completion.js';
import { contextHelp, wholeDocument } from './context-help.js';
import { withLanguages } from './lazy-languages.js';
import { themeSwitch } from './themes.js';

/** The ids of the cell languages a block may name. */
const CELL_LANGUAGE_IDS = Object.freeze(['py', 'js']);

/** A cell's language (`id`: py, js) as an extension, from when the languages have loaded (lazy-languages.js); none for another id. */
export function cellLanguage(id) {
  if (!CELL_LANGUAGE_IDS.includes(id)) return [];
  return withLanguages((languages) => (languages ? languages[id] : []));
}

export function createCellEditor(parent, {
  doc = '', language = 'py', root, label = 'Code', onRun = () => {}, onChange = () => {}, complete = null, inspect = null,
  theme = 'auto',
} = {}) {
  const run = () => {
    onRun();
    return true;
  };
  const looks = themeSwitch(theme);
  const view = new EditorView({
    parent,
    root,
    state: EditorState.create({
      doc,
      extensions: [
        lineNumbers(),
        history(),
        drawSelection(),
        highlightActiveLine(),
        indentOnInput(),
        fourSpaceIndent,
        bracketMatching(),
        looks.extension(),
        cellLanguage(language),
        typeof complete === 'function' ? codeCompletion(language, complete) : [],
        typeof inspect === 'function' ? contextHelp(inspect, wholeDocument(language)) : [],
        keymap.of([{ key: 'Shift-Enter', run }, { key: 'Mod-Enter', run }, indentWithTab, ...defaultKeymap, ...historyKeymap]),
        EditorView.contentAttributes.of({ 'aria-label': label, tabindex: '0' }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) onChange();
        }),
      ],
    }),
  });
  looks.attach(view);
  return {
    view,
    text: () => view.state.doc.toString(),
    setText(text) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    },
    focus: () => view.focus(),
    /** 'auto' (as the system is set), 'light' or 'dark': the page's theme (embed/looks.js). */
    setTheme: (next) => looks.set(view, next),
  };
}

// The notebook editor: one CodeMirror 6 view over a whole .iomd document.
//
//   import { createNotebookEditor } from './codemirror.js';
//   const editor = createNotebookEditor(document.getElementById('host'), {
//     doc: '%% py\n1 + 1\n',
//     onChange(start, removedLength, inserted) { ... },   // one edit per transaction, before the view shows it
//     commands: { runChunk() {}, runAndAdvance() {}, runAll() {}, save() {}, showHelp() {} },
//     complete(request, resolve) { resolve({ from: request.pos, options: [{ label: 'print', type: 'function' }] }); },
//     inspect(request, resolve) { resolve("Signature: len(obj, /)"); },   // Shift-Tab help: request {language, before, after}
//   });
//   editor.setChunkState(0, 'running');
//
// All offsets are 0-based UTF-16 offsets into the document, which is exactly the text given
// (line breaks are not normalised: a "\r" before "\n" stays a character of its line).

import { EditorSelection, EditorState } from '@codemirror/state';
import {
  EditorView, crosshairCursor, drawSelection, dropCursor, highlightActiveLine, highlightActiveLineGutter,
  keymap, lineNumbers, rectangularSelection,
} from '@codemirror/view';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { bracketMatching, foldGutter, foldKeymap, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { fourSpaceIndent } from './indentation.js';
import { highlightSelectionMatches, search, searchKeymap } from '@codemirror/search';
import { closeBrackets, closeBracketsKeymap, completionKeymap } from '@codemirror/autocomplete';
import { classHighlighter } from '@lezer/highlight';
import { iomd } from './iomd-language.js';
import { delimiterLines } from './delimiter-lines.js';
import { chunkStateAt, chunkStateGutter, clearChunkStates, requireChunkState, setChunkState } from './chunk-gutter.js';
import { chunkFolding } from './chunk-folding.js';
import { notebookCompletion } from './completion.js';
import { contextHelp } from './context-help.js';
import { notebookKeymap, NOTEBOOK_KEYS } from './notebook-keymap.js';
import { lintGutter, setDiagnostics } from '@codemirror/lint';
import { changesFirst } from './change-events.js';
import { themeSwitch } from './themes.js';
import { specialCharacters } from './carriage-returns.js';
import { chunkOutputs, setChunkOutput } from './chunk-outputs.js';
import { batchedEffects } from './batched-effects.js';

export { CHUNK_STATES } from './chunk-gutter.js';
export { createCellEditor } from './cell-editor.js';
export { createConsoleEditor } from './console-editor.js';
export { highlightCodeBlocks, whenHighlighting } from './code-blocks.js';
export { THEMES } from './themes.js';

/** The label screen readers give the editable text. */
export const EDITOR_LABEL = 'Notebook source (.iomd)';

const editors = new WeakMap();

function stateExtensions(options, theme) {
  return [
    // spec: the notebook is lossless; only "\n" splits lines, so offsets are those of the text.
    EditorState.lineSeparator.of('\n'),
    notebookKeymap(options.commands),
    lineNumbers(),
    chunkStateGutter,
    lintGutter(),
    foldGutter(),
    highlightActiveLineGutter(),
    specialCharacters,
    history(),
    drawSelection(),
    dropCursor(),
    EditorState.allowMultipleSelections.of(true),
    indentOnInput(),
    fourSpaceIndent,
    iomd(),
    syntaxHighlighting(classHighlighter),
    theme.extension(),
    delimiterLines,
    chunkFolding,
    bracketMatching(),
    closeBrackets(),
    notebookCompletion(options.complete),
    contextHelp(options.inspect),
    rectangularSelection(),
    crosshairCursor(),
    highlightActiveLine(),
    highlightSelectionMatches(),
    search({ top: true }),
    keymap.of([
      ...closeBracketsKeymap,
      ...defaultKeymap,
      ...searchKeymap,
      ...historyKeymap,
      ...foldKeymap,
      ...completionKeymap,
      indentWithTab,
    ]),
    // tabindex: in the Tab order as a field (a contenteditable's tabIndex property says -1 otherwise), so
    // that a long notebook's scrolling region counts as focusable to assistive technology.
    EditorView.contentAttributes.of({ 'aria-label': EDITOR_LABEL, tabindex: '0' }),
    chunkOutputs,
  ];
}

function clamp(offset, doc) {
  return Math.max(0, Math.min(Math.trunc(offset), doc.length));
}

/**
 * Creates the editor inside `parent` (an HTMLElement) and returns its NotebookEditor.
 * See the comment at the top of this file for `options`.
 */
export function createNotebookEditor(parent, options = {}) {
  const theme = themeSwitch(options.theme || 'auto');
  // Chunk states and outputs show at the next frame, all in one transaction.
  const marks = batchedEffects();
  const createState = (doc) => EditorState.create({ doc, extensions: [stateExtensions(options, theme), marks.extension] });
  // Marks set while an edit is told (chunk states going stale) are in the document after it.
  const dispatchTransactions = changesFirst(options.onChange, (transaction, tell) => marks.positionsIn(transaction.newDoc, tell));
  const view = new EditorView({ state: createState(String(options.doc ?? '')), parent, dispatchTransactions });
  theme.attach(view);
  marks.attach(view);

  const editor = {
    view,
    /** The whole document. */
    getText: () => view.state.doc.toString(),
    /**
     * Replaces the whole document as loading a new notebook does: undo history, folds and chunk
     * states start afresh, the cursor goes to the start. Does NOT call onChange.
     */
    setText(text) {
      marks.discard();
      view.setState(createState(String(text)));
    },
    /** The cursor: the main selection's head, a 0-based offset. */
    getCursor: () => view.state.selection.main.head,
    /** Moves the cursor (clamped to the document) and scrolls it into view. */
    setCursor(offset) {
      view.dispatch({ selection: EditorSelection.cursor(clamp(offset, view.state.doc)), scrollIntoView: true });
    },
    focus: () => view.focus(),
    /**
     * Shows `state` (one of CHUNK_STATES) in the gutter of the delimiter line starting at
     * `chunkStart`, from the next frame on. A position that is not the start of a delimiter line
     * shows nothing.
     */
    setChunkState(chunkStart, state) {
      // Checked now: the batch dispatches at the next frame, where a throw would reach nobody.
      requireChunkState(state);
      marks.add(setChunkState.of({ pos: clamp(chunkStart, marks.document()), state }));
    },
    /** The state shown for the chunk whose delimiter line starts at `chunkStart` ('idle' when none). */
    getChunkState(chunkStart) {
      marks.flush();
      return chunkStateAt(view.state, clamp(chunkStart, view.state.doc));
    },
    /**
     * Shows the notebook's problems (from the .iomd parser) as underlines with their messages,
     * replacing those shown before: `diagnostics` is an array of {from, to, severity: 'error' |
     * 'warning', message}, offsets 0-based into the document.
     */
    setDiagnostics(diagnostics) {
      const length = view.state.doc.length;
      view.dispatch(setDiagnostics(view.state, Array.from(diagnostics, (problem) => ({
        from: clamp(problem.from, view.state.doc),
        to: Math.max(clamp(problem.from, view.state.doc), Math.min(Math.trunc(problem.to), length)),
        severity: problem.severity === 'warning' ? 'warning' : 'error',
        message: String(problem.message),
      }))));
    },
    /**
     * Shows `element` (owned by the caller, who may keep changing it) under the line that ends at
     * `pos`, as the output of chunk `id`; it replaces that chunk's earlier output and moves with
     * the text (from the next frame on). A null `element` removes the chunk's output.
     */
    setChunkOutput(id, pos, element) {
      marks.add(setChunkOutput.of({ id: String(id), pos: clamp(pos, marks.document()), element: element || null }));
    },
    /** Shows the chunk states and outputs set since the last frame now. */
    flushMarks: () => marks.flush(),
    /** Every chunk goes back to showing 'idle'. */
    clearChunkStates() {
      marks.flush();
      view.dispatch({ effects: clearChunkStates.of(null) });
    },
    /** 'light', 'dark' or 'auto' (follows prefers-color-scheme). */
    setTheme(name) {
      theme.set(view, name);
    },
    destroy() {
      theme.destroy();
      editors.delete(view.dom);
      view.destroy();
    },
  };
  editors.set(view.dom, editor);
  return editor;
}

/** The NotebookEditor whose editor is `element`, is inside it, or holds it; null if none. */
export function findNotebookEditor(element) {
  const view = EditorView.findFromDOM(element);
  return view ? editors.get(view.dom) || null : null;
}

/**
 * Creates the notebook editor from the page's `<textarea>` as soon as this bundle has loaded,
 * before the application (editor.js) has. The textarea is the editor until then (it takes typing
 * from the first paint on): the editor starts with its text, its selection, its scroll position
 * and, if it had it, the focus, so that what was typed there and the keys still on their way
 * land in the editor. The editor goes into a new `div#notebook-editor` just before the textarea,
 * which is hidden. The application takes it
 * over with `claim(options)` ({onChange, commands, complete}, as for createNotebookEditor): from
 * then on they receive the editor's events. Changes before that are not replayed (the
 * application reads the whole text when it claims the editor); notebook commands pressed before
 * that (Shift-Enter...) run, in order, as soon as it does. Until then nothing is completed.
 */
export function startNotebookEditor(textarea, theme = 'auto') {
  const host = document.createElement('div');
  host.id = 'notebook-editor';
  host.className = 'notebook-editor';
  textarea.parentNode.insertBefore(host, textarea);
  const typing = textareaTyping(textarea);
  textarea.hidden = true;
  let claimed = null;
  const pressedEarly = [];
  const commands = {};
  for (const name of Object.values(NOTEBOOK_KEYS)) {
    commands[name] = () => (claimed ? claimed.commands?.[name]?.() : pressedEarly.push(name));
  }
  const editor = createNotebookEditor(host, {
    doc: textarea.value,
    theme,
    onChange: (start, removedLength, inserted) => claimed?.onChange?.(start, removedLength, inserted),
    commands,
    complete: (request, resolve) => (claimed?.complete ? claimed.complete(request, resolve) : resolve(null)),
    inspect: (request, resolve) => (claimed?.inspect ? claimed.inspect(request, resolve) : resolve('')),
  });
  continueTyping(editor.view, typing);
  return {
    editor,
    /** Hands the editor's events to `options`; returns the NotebookEditor. Only once. */
    claim(options) {
      if (claimed) {
        throw new Error('the notebook editor was already claimed');
      }
      claimed = options;
      // After the caller has finished setting up: the commands may need all of it.
      setTimeout(() => pressedEarly.splice(0).forEach((name) => claimed.commands?.[name]?.()), 0);
      return editor;
    },
  };
}

/** Where the user was in the page's textarea: its selection, whether it had the focus, its scroll position. */
function textareaTyping(textarea) {
  const backward = textarea.selectionDirection === 'backward';
  return {
    anchor: backward ? textarea.selectionEnd : textarea.selectionStart,
    head: backward ? textarea.selectionStart : textarea.selectionEnd,
    focused: textarea.ownerDocument.activeElement === textarea,
    scrollTop: textarea.scrollTop,
  };
}

/** Puts the editor where the user was in the textarea it replaces (see textareaTyping). */
function continueTyping(view, typing) {
  const length = view.state.doc.length;
  view.dispatch({ selection: EditorSelection.single(Math.min(typing.anchor, length), Math.min(typing.head, length)) });
  if (typing.scrollTop > 0) {
    view.scrollDOM.scrollTop = typing.scrollTop;
  }
  if (typing.focused) {
    view.focus();
  }
}

// One embedded cell's view: the block it replaces becomes a host element with an open shadow root
// holding the code (a textarea until CodeMirror has loaded, then a CodeMirror editor), the cell's
// buttons and its output. The page's styles cannot reach inside (a shadow root; the host's own box is
// reset with !important rules, which win over the page's from inside a shadow tree), and nothing of
// the cell reaches the page but the host element.
//
//   const cell = makeCellView(document, block, { run: () => ..., stop, runAbove, restart });
//   cell.code();  cell.setState('running');  cell.output   // the Java application drives the rest

import CELL_CSS from './cell.css';
import { adoptedSheet } from '../report/adopted-sheet.js';

/** The states a cell shows (data-state on its host element), as NotebookRunner's ChunkState names them. */
export const CELL_STATES = Object.freeze(['idle', 'queued', 'running', 'done', 'error', 'stale']);

const BUTTONS = Object.freeze([
  { action: 'run', label: 'Run', className: 'jodide-run', title: 'Run this cell (Shift+Enter)' },
  { action: 'stop', label: 'Stop', className: 'jodide-stop', title: 'Stop the running code' },
  {
    action: 'runAbove', label: 'Run all cells above', className: 'jodide-run-above',
    title: 'Run the cells above this one, in order, then this one',
  },
  { action: 'restart', label: 'Restart', className: 'jodide-restart', title: "Restart the page's Python: all cells' variables are lost" },
]);

/** What a cell's badge calls its language; Python's name is the page's Python's. */
export function languageName(language, python = null) {
  if (language === 'js') return 'JavaScript';
  return python === 'micropython' ? 'MicroPython' : 'Python';
}

/**
 * Replaces `block` ({element, language, text} from findBlocks) with a cell. `act(action, cell)` hears
 * the buttons and Shift+Enter: 'run', 'stop', 'runAbove', 'restart'. `python` is the page's Python
 * ("micropython", or null for Pyodide), which the badge names.
 */
export function makeCellView(document, block, act, python = null) {
  const host = document.createElement('div');
  host.className = 'jodide-cell';
  host.dataset.jodideLanguage = block.language;
  host.dataset.state = 'idle';
  const root = host.attachShadow({ mode: 'open' });
  const frame = element(document, 'div', 'jodide-frame');
  const bar = element(document, 'div', 'jodide-bar');
  const badge = element(document, 'span', 'jodide-language');
  badge.textContent = languageName(block.language, python);
  bar.append(badge);
  const cell = {
    language: block.language,
    source: block.text,
    host,
    root,
    output: element(document, 'div', 'jodide-output'),
  };
  for (const { action, label, className, title } of BUTTONS) {
    const button = element(document, 'button', className);
    button.type = 'button';
    button.textContent = label;
    button.title = title;
    button.addEventListener('click', () => act(action, cell));
    bar.append(button);
  }
  const open = element(document, 'a', 'jodide-open');
  open.textContent = 'Open in Jodide';
  open.target = '_blank';
  open.rel = 'noopener';
  bar.append(open);
  const status = element(document, 'div', 'jodide-status');
  status.setAttribute('role', 'status');
  const progress = element(document, 'progress', 'jodide-progress');
  progress.hidden = true;
  const code = element(document, 'div', 'jodide-code');
  const textarea = element(document, 'textarea', 'jodide-code-text');
  textarea.value = block.text;
  textarea.spellcheck = false;
  textarea.setAttribute('aria-label', `${badge.textContent} code`);
  textarea.rows = Math.max(1, block.text.split('\n').length);
  textarea.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && event.shiftKey) {
      event.preventDefault();
      act('run', cell);
    }
  });
  code.append(textarea);
  frame.append(bar, code, status, progress, cell.output);
  // An adopted sheet, which a page's Content-Security-Policy allows where it refuses a <style>.
  root.adoptedStyleSheets = [adoptedSheet(document, CELL_CSS)];
  root.append(frame);
  block.element.replaceWith(host);

  let editor = null;
  let theme = 'auto';
  const changeListeners = [];
  Object.assign(cell, {
    /** The code as the reader has it now. */
    code: () => (editor ? editor.text() : textarea.value),
    setCode(text) {
      if (editor) editor.setText(text);
      else textarea.value = text;
    },
    /**
     * Replaces the textarea with a CodeMirror editor (createCellEditor of codemirror.js), keeping what
     * was typed; `services` are the page's `complete` and `inspect` for names (cell-editor.js).
     */
    mountEditor(createCellEditor, services = {}) {
      const focused = root.activeElement === textarea;
      const text = textarea.value;
      textarea.remove();
      editor = createCellEditor(code, {
        doc: text,
        language: block.language === 'pycon' ? 'py' : block.language,
        root,
        label: `${badge.textContent} code`,
        onRun: () => act('run', cell),
        onChange: () => changeListeners.forEach((listener) => listener()),
        complete: services.complete,
        inspect: services.inspect,
        theme,
      });
      if (focused) editor.focus();
    },
    onChange(listener) {
      changeListeners.push(listener);
      textarea.addEventListener('input', () => listener());
    },
    setState(state) {
      host.dataset.state = state;
      // The output the page's generator wrote gives way to the live one (data-jodide-output-selector).
      if (state === 'running') {
        for (const output of block.staticOutputs || []) output.style.setProperty('display', 'none', 'important');
      }
    },
    setStatus(text) {
      status.textContent = text;
    },
    /** Download progress while Python loads; a total of 0 or less hides the bar. */
    setProgress(loaded, total) {
      progress.hidden = !(total > 0);
      if (total > 0) {
        progress.max = total;
        progress.value = Math.min(loaded, total);
      }
    },
    setStopTitle(title) {
      root.querySelector('.jodide-stop').title = title;
    },
    setOpenLink(href) {
      open.href = href;
    },
    /** The page's look ('light' or 'dark', which cell.css colours by) and theme ('auto', 'light', 'dark': the editor's). */
    setLook(look, nextTheme) {
      host.dataset.look = look;
      theme = nextTheme;
      if (editor) editor.setTheme(nextTheme);
    },
    clearOutput() {
      cell.output.replaceChildren();
    },
  });
  return cell;
}

/** A new `tag` element of `document` with `className` (the cells' and notebooks' pieces). */
export function element(document, tag, className) {
  const made = document.createElement(tag);
  made.className = className;
  return made;
}

// Light and dark looks of the editor. 'auto' follows the system's prefers-color-scheme and
// changes with it. Token colours come from a HighlightStyle; classHighlighter is installed
// beside it (in index.js) so tokens also carry stable classes (tok-keyword, tok-string, ...).

import { Compartment } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { tags } from '@lezer/highlight';

export const THEMES = Object.freeze(['light', 'dark', 'auto']);

const shared = {
  '&': { height: '100%', fontSize: '13px' },
  '.cm-scroller': { fontFamily: 'ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace', lineHeight: '1.5' },
  '.cm-iomd-delimiter': { fontWeight: '600' },
  // Inert chunks (preamble, raw, unknown types) never run: dimmed.
  '.cm-iomd-inert': { opacity: '0.55' },
  '.cm-chunk-state-gutter .cm-gutterElement': { display: 'flex', alignItems: 'center', justifyContent: 'center', width: '14px' },
  '.cm-chunk-state': { display: 'inline-block', width: '9px', height: '9px', borderRadius: '50%', boxSizing: 'border-box' },
  '.cm-chunk-state-idle': { border: '1.5px solid var(--jodide-cm-idle)' },
  '.cm-chunk-state-queued': { border: '2px dotted var(--jodide-cm-running)' },
  '.cm-chunk-state-running': { background: 'var(--jodide-cm-running)', animation: 'jodide-cm-pulse 1s ease-in-out infinite alternate' },
  '.cm-chunk-state-done': { background: 'var(--jodide-cm-done)' },
  '.cm-chunk-state-error': { background: 'var(--jodide-cm-error)', borderRadius: '1px' },
  '.cm-chunk-state-stale': { border: '2px solid var(--jodide-cm-stale)' },
  '@keyframes jodide-cm-pulse': { from: { opacity: '1' }, to: { opacity: '0.35' } },
};

const light = EditorView.theme({
  ...shared,
  '&': { ...shared['&'], backgroundColor: '#ffffff', color: '#1d1d1f',
    '--jodide-cm-idle': '#a0a0ab', '--jodide-cm-running': '#2a62c9', '--jodide-cm-done': '#1a7f37',
    '--jodide-cm-error': '#b3261e', '--jodide-cm-stale': '#b7791f' },
  '.cm-gutters': { backgroundColor: '#f6f6f8', color: '#6a6a74', borderRight: '1px solid #e2e2e8' },
  '.cm-activeLine': { backgroundColor: '#f3f6fc' },
  '.cm-activeLineGutter': { backgroundColor: '#e8edf8' },
  '.cm-placeholder': { color: '#6a6a74' },
  '.cm-iomd-delimiter': { ...shared['.cm-iomd-delimiter'], backgroundColor: '#e9eefa', color: '#2a4f9e', borderTop: '1px solid #c9d5f0' },
}, { dark: false });

const dark = EditorView.theme({
  ...shared,
  '&': { ...shared['&'], backgroundColor: '#1e1f22', color: '#d7d7dc',
    '--jodide-cm-idle': '#6f6f7a', '--jodide-cm-running': '#6ea2ff', '--jodide-cm-done': '#4cc26a',
    '--jodide-cm-error': '#ff6b60', '--jodide-cm-stale': '#e0a84a' },
  '.cm-content': { caretColor: '#e8e8ee' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: '#e8e8ee' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': { backgroundColor: '#34466b' },
  '.cm-gutters': { backgroundColor: '#232428', color: '#9a9aa6', borderRight: '1px solid #34353b' },
  '.cm-activeLine': { backgroundColor: '#26282e' },
  '.cm-activeLineGutter': { backgroundColor: '#2b2e36' },
  '.cm-placeholder': { color: '#9a9aa6' },
  '.cm-iomd-delimiter': { ...shared['.cm-iomd-delimiter'], backgroundColor: '#263049', color: '#9dbbff', borderTop: '1px solid #34405e' },
  '.cm-panels': { backgroundColor: '#26272b', color: '#d7d7dc' },
  '.cm-tooltip': { backgroundColor: '#26272b', color: '#d7d7dc', border: '1px solid #3a3b42' },
  '.cm-tooltip-autocomplete > ul > li[aria-selected]': { backgroundColor: '#34466b', color: '#ffffff' },
  '.cm-foldPlaceholder': { backgroundColor: '#33343a', color: '#b8b8c2', border: '1px solid #45464e' },
}, { dark: true });

// CodeMirror's default light colours (defaultHighlightStyle), with those below 4.5:1 against the
// editor's background or its active line darkened (AccessibilityIT, EmbedThemeIT): regexps, escapes
// and special strings #e40 (3.8:1), types #085 (4.2:1 on the active line), invalid #f00 (4.0:1).
// report.css and report/token-colours.js colour the report's highlighted code the same. The dark
// style's comments went #7f8494 -> #8f95a5 (4.0:1 on the report's code blocks and the active line).
const lightHighlightStyle = HighlightStyle.define([
  { tag: tags.meta, color: '#404740' },
  { tag: tags.link, textDecoration: 'underline' },
  { tag: tags.heading, textDecoration: 'underline', fontWeight: 'bold' },
  { tag: tags.emphasis, fontStyle: 'italic' },
  { tag: tags.strong, fontWeight: 'bold' },
  { tag: tags.strikethrough, textDecoration: 'line-through' },
  { tag: tags.keyword, color: '#708' },
  { tag: [tags.atom, tags.bool, tags.url, tags.contentSeparator, tags.labelName], color: '#219' },
  { tag: [tags.literal, tags.inserted], color: '#164' },
  { tag: [tags.string, tags.deleted], color: '#a11' },
  { tag: [tags.regexp, tags.escape, tags.special(tags.string)], color: '#b33c00' },
  { tag: tags.definition(tags.variableName), color: '#00f' },
  { tag: tags.local(tags.variableName), color: '#30a' },
  { tag: [tags.typeName, tags.namespace], color: '#00704a' },
  { tag: tags.className, color: '#167' },
  { tag: [tags.special(tags.variableName), tags.macroName], color: '#256' },
  { tag: tags.definition(tags.propertyName), color: '#00c' },
  { tag: tags.comment, color: '#940' },
  { tag: tags.invalid, color: '#c00' },
]);

const darkHighlightStyle = HighlightStyle.define([
  { tag: tags.keyword, color: '#c792ea' },
  { tag: [tags.string, tags.special(tags.string)], color: '#a5d68a' },
  { tag: [tags.number, tags.bool, tags.atom], color: '#f2a66a' },
  { tag: tags.comment, color: '#8f95a5', fontStyle: 'italic' },
  { tag: [tags.definition(tags.variableName), tags.function(tags.variableName)], color: '#82aaff' },
  { tag: [tags.typeName, tags.className], color: '#ffcb6b' },
  { tag: tags.propertyName, color: '#7fdbca' },
  { tag: tags.operator, color: '#89ddff' },
  { tag: tags.heading, color: '#82aaff', fontWeight: 'bold' },
  { tag: tags.emphasis, fontStyle: 'italic' },
  { tag: tags.strong, fontWeight: 'bold' },
  { tag: [tags.link, tags.url], color: '#7fb5ff', textDecoration: 'underline' },
  { tag: tags.meta, color: '#9dbbff' },
  { tag: tags.invalid, color: '#ff6b60' },
]);

const looks = {
  light: [light, syntaxHighlighting(lightHighlightStyle), EditorView.editorAttributes.of({ 'data-theme': 'light' })],
  dark: [dark, syntaxHighlighting(darkHighlightStyle), EditorView.editorAttributes.of({ 'data-theme': 'dark' })],
};

const darkQuery = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;

function resolve(theme) {
  if (theme === 'auto') {
    return darkQuery && darkQuery.matches ? 'dark' : 'light';
  }
  return theme;
}

/**
 * A theme switch for one view: `extension` goes into its state, `set(view, theme)` changes it,
 * `destroy()` stops following the system setting.
 */
export function themeSwitch(initialTheme = 'auto') {
  const compartment = new Compartment();
  let theme = checked(initialTheme);
  let current = null;
  const onSystemChange = () => {
    if (theme === 'auto' && current) {
      current.dispatch({ effects: compartment.reconfigure(looks[resolve(theme)]) });
    }
  };
  if (darkQuery) {
    darkQuery.addEventListener('change', onSystemChange);
  }
  return {
    extension: () => compartment.of(looks[resolve(theme)]),
    attach(view) {
      current = view;
    },
    set(view, nextTheme) {
      const shown = looks[resolve(theme)];
      theme = checked(nextTheme);
      const look = looks[resolve(theme)];
      // The look the view has already (the page's theme, which the application sets again as it
      // starts, or 'auto' resolving to it): nothing to reconfigure. Reconfiguring anyway recomputed the
      // view's state and styles, ~1-3 ms per editor of the application's start.
      if (look !== shown) {
        view.dispatch({ effects: compartment.reconfigure(look) });
      }
    },
    get theme() {
      return theme;
    },
    destroy() {
      if (darkQuery) {
        darkQuery.removeEventListener('change', onSystemChange);
      }
    },
  };
}

function checked(theme) {
  if (!THEMES.includes(theme)) {
    throw new RangeError(`unknown theme '${theme}' (use ${THEMES.join(', ')})`);
  }
  return theme;
}

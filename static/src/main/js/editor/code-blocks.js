// Fenced code blocks in the report's markdown, highlighted as the editor highlights chunks: the
// markdown renderer writes ```python as <pre><code class="language-python">, and this writes its
// tokens as spans with CodeMirror's classes (classHighlighter: tok-keyword, tok-string, ...), which
// report.css colours in both themes. It runs in the editor page, where the chunks' parsers are
// (codemirror-languages.js); the report's frame gets the highlighted HTML and sanitizes it as any.
//
//   highlightCodeBlocks('<pre><code class="language-py">x = 1\n</code></pre>')
//   // '<pre><code class="language-py"><span class="tok-variableName">x</span> <span class="tok-operator">=</span> ...'

import { classHighlighter, highlightCode } from '@lezer/highlight';
import { fenceLanguage } from './fence-languages.js';
import { loadedCodeBlockLanguages, loadLanguages } from './lazy-languages.js';

/** What the renderer writes before a fence's language. */
const CLASS_PREFIX = 'language-';

/**
 * `html` with the code blocks of a known language highlighted; as it is when it has none, or while
 * the languages have not loaded (whenHighlighting tells when they have).
 */
export function highlightCodeBlocks(html) {
  const languages = loadedCodeBlockLanguages();
  if (!languages || !html.includes(`<code class="${CLASS_PREFIX}`)) return html;
  // A template's content is inert: nothing in it loads or runs while it is parsed here.
  const template = document.createElement('template');
  template.innerHTML = html;
  let highlighted = false;
  for (const code of template.content.querySelectorAll(`pre > code[class^="${CLASS_PREFIX}"]`)) {
    const language = languages[fenceLanguage(code.className.slice(CLASS_PREFIX.length))];
    if (!language) continue;
    code.replaceChildren(highlightedTokens(code.textContent, language));
    highlighted = true;
  }
  return highlighted ? template.innerHTML : html;
}

function highlightedTokens(text, language) {
  const pieces = document.createDocumentFragment();
  highlightCode(text, language.parser.parse(text), classHighlighter, (piece, classes) => {
    if (!classes) {
      pieces.append(piece);
      return;
    }
    const span = document.createElement('span');
    span.className = classes;
    span.textContent = piece;
    pieces.append(span);
  }, () => pieces.append('\n'));
  return pieces;
}

/** Calls `ready` once the languages have loaded (at once if they have), so that markdown rendered before them is highlighted again. */
export function whenHighlighting(ready) {
  if (loadedCodeBlockLanguages()) {
    ready();
    return;
  }
  loadLanguages().then(() => ready(), () => {});
}

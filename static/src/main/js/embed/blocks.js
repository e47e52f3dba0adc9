// The blocks of a documentation page that become cells, and the code each holds.
//
//   <pre data-iomd="py">x = 21</pre>                    Python
//   <pre data-iomd="js">6 * 7</pre>                     JavaScript (runs in the report's sandboxed frame)
//   <pre data-iomd="pycon">>>> sum([1, 2])\n3</pre>     a doctest session: Python once its prompts and expected
//                                                       output are stripped (DoctestSource, in the Java application)
//
//   <script type="text/iomd">%% md ... %% py ...</script>   a whole notebook: its md chunks render, its
//                                                       py and js chunks become cells
//   <div data-iomd-src="intro.iomd"></div>              a notebook fetched from a URL (relative to the page)
//   <pre data-iomd="md"># Title</pre>                    markdown, rendered
//
//   findBlocks(document)   // [{kind: 'cell', element, language, text} | {kind: 'notebook', element, text | src}]
//   findBlocks(document, document.baseURI, 'div[class^="highlight-"]')   // and the blocks a generator wrote
//                                                       that the selector names (highlighted-blocks.js)

import { selectedBlocks, staticOutputsOf } from './highlighted-blocks.js';

/** The block languages a cell can be made of, by their data-iomd value. */
export const BLOCK_LANGUAGES = Object.freeze(['py', 'js', 'pycon']);

/** What marks a notebook: a whole .iomd in the page, one fetched from a URL, or one markdown block. */
const NOTEBOOKS = 'script[type="text/iomd"], [data-iomd-src], pre[data-iomd="md"]';

/**
 * The marked blocks of `root`, in document order: cells ({kind: 'cell', element, language, text}) and
 * notebooks ({kind: 'notebook', element, text} or {kind: 'notebook', element, src}: an absolute URL to
 * fetch). A markdown block is a notebook of one md chunk. Blocks of other languages are left alone.
 * With `selector` (the page's data-jodide-selector), the code blocks it names become cells too
 * (highlighted-blocks.js), unless they hold a marked block or are inside one; an invalid selector
 * throws the browser's SyntaxError. With `outputSelector` too (data-jodide-output-selector), each of
 * those cells has `staticOutputs`: the output the generator wrote after its code (staticOutputsOf),
 * which goes when the cell first runs.
 */
export function findBlocks(root, base = root.baseURI, selector = null, outputSelector = null) {
  const marked = markedBlocks(root, base);
  if (!selector) return marked;
  const markedElements = marked.map((block) => block.element);
  const apart = (block) => !markedElements.some((element) => element.contains(block.element) || block.element.contains(element));
  const selected = selectedBlocks(root, selector).filter(apart);
  const blocks = [...marked, ...selected].sort((a, b) => (a.element.compareDocumentPosition(b.element) & 4 /* FOLLOWING */ ? -1 : 1));
  if (outputSelector) {
    const elements = blocks.map((block) => block.element);
    for (const block of selected) block.staticOutputs = staticOutputsOf(block.element, outputSelector, elements);
  }
  return blocks;
}

function markedBlocks(root, base) {
  const selector = `pre[data-iomd], ${NOTEBOOKS}`;
  return Array.from(root.querySelectorAll(selector)).flatMap((element) => {
    if (element.matches('script[type="text/iomd"]')) {
      return [{ kind: 'notebook', element, text: element.textContent.replace(/^\r?\n/, '') }];
    }
    if (element.hasAttribute('data-iomd-src')) {
      return [{ kind: 'notebook', element, src: new URL(element.getAttribute('data-iomd-src'), base).href }];
    }
    if (element.dataset.iomd === 'md') {
      return [{ kind: 'notebook', element, text: `%% md\n${blockText(element)}\n` }];
    }
    if (!BLOCK_LANGUAGES.includes(element.dataset.iomd)) return [];
    return [{ kind: 'cell', element, language: element.dataset.iomd, text: blockText(element) }];
  });
}

/** A block's code: its text, without the one line break an HTML author puts after `<pre>` or before `</pre>`. */
export function blockText(element) {
  return element.textContent.replace(/^\r?\n/, '').replace(/\r?\n$/, '');
}

/**
 * The cells' code as one .iomd notebook (for "Open in Jodide"): a chunk per cell, a doctest cell as
 * py. A line of code that starts with `%%` (after any backslashes) gets one more backslash, as the
 * .iomd spec escapes chunk bodies (docs/iomd.md).
 */
export function notebookOf(cells) {
  return cells.map(({ language, code }) => {
    const body = code.replace(/^(\\*%%)/gm, '\\$1');
    return `%% ${language === 'pycon' ? 'py' : language}\n${body}${body.endsWith('\n') || body === '' ? '' : '\n'}`;
  }).join('');
}

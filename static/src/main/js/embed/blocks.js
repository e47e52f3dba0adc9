// The blocks of a documentation page that become cells, and the code each holds.
//
//   <pre data-iomd="py">x = 21</pre>                    Python
//   <pre data-iomd="js">6 * 7</pre>                     JavaScript (runs in the report's sandboxed frame)
//   <pre data-iomd="pycon">>>> sum([1, 2])\n3</pre>     a doctest session: Python once its prompts and expected
//                                                       output are stripped (DoctestSource, in the Java application)
//
//   findBlocks(document)   // [{element, language: 'py' | 'js' | 'pycon', text}]

/** The block languages a cell can be made of, by their data-iomd value. */
export const BLOCK_LANGUAGES = Object.freeze(['py', 'js', 'pycon']);

/** The marked blocks of `root`, in document order; blocks of other languages are left alone. */
export function findBlocks(root) {
  return Array.from(root.querySelectorAll('pre[data-iomd]'))
    .filter((element) => BLOCK_LANGUAGES.includes(element.dataset.iomd))
    .map((element) => ({ element, language: element.dataset.iomd, text: blockText(element) }));
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

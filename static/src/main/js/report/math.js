// Renders TeX with KaTeX to an HTML string. Errors never throw: KaTeX shows the faulty TeX in
// red with the error message as its title.

import katex from 'katex';

/** `tex` rendered inline, or as a centred block when `displayMode` is true. */
export function renderMath(tex, displayMode) {
  return katex.renderToString(String(tex ?? ''), {
    displayMode: Boolean(displayMode),
    throwOnError: false,
    output: 'htmlAndMathml',
    trust: false,
  });
}

/**
 * Renders every `.math[data-tex]` element under `root` in place: its data-tex as TeX, a block
 * when it has the class math-display.
 */
export function renderAllMath(root) {
  root.querySelectorAll('.math[data-tex]').forEach((element) => {
    element.innerHTML = renderMath(element.getAttribute('data-tex'), element.classList.contains('math-display'));
  });
}

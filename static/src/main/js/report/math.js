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

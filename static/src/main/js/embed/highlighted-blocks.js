// Code blocks of pages that a documentation generator wrote (Sphinx, MkDocs, Jekyll, Pandoc, any
// CommonMark renderer), made cells without editing them: the page names them with a CSS selector on
// the script tag, `data-jodide-selector`, and each block's language comes from the classes the
// generator wrote (docs/embed.md, "Pages a generator wrote"):
//
//   <div class="highlight-python notranslate"><div class="highlight"><pre>…</pre></div></div>   Sphinx
//   <div class="language-python highlight"><pre><span></span><code>…</code></pre></div>          MkDocs Material
//   <pre><code class="language-js">…</code></pre>                                              CommonMark
//
//   selectedBlocks(document, 'div[class^="highlight-"], pre:has(> code[class^="language-"])')
//   // [{kind: 'cell', element, language: 'py' | 'pycon' | 'js', text}]
//
// A page made from notebooks shows each cell's output after its code; with `data-jodide-output-selector`
// (staticOutputsOf) that output goes when the cell first runs, and the live one takes its place.
//
// A block whose language is none of a cell's (bash, text, an unknown one) is left as it is.

/** A cell's language for each name generators give a language (Pygments' and highlight.js' aliases). */
const LANGUAGE_NAMES = Object.freeze({
  python: 'py', python3: 'py', py: 'py', py3: 'py', ipython: 'py', ipython3: 'py', default: 'py',
  pycon: 'pycon', doctest: 'pycon', 'python-console': 'pycon', pyrepl: 'pycon',
  javascript: 'js', js: 'js', mjs: 'js', ecmascript: 'js',
});

/** The class prefixes that name a block's language: highlight.js and CommonMark, Prism, Sphinx. */
const LANGUAGE_CLASS = /^(?:language-|lang-|highlight-)(.+)$/;

/** Line numbers that generators write inside a block (Pygments' inline and table styles, highlight.js plugins). */
const LINE_NUMBERS = '.linenos, .lineno, .linenodiv, .hljs-ln-numbers, [data-line-number]';

/**
 * The cell language ('py', 'pycon' or 'js') that `classNames` (an element's class list) give, or
 * null. A class such as `language-python`, `lang-js` or `highlight-pycon` names it; with `bare`,
 * a class that is only the name (`python`, as Pandoc writes on a pre) does too.
 */
export function languageOfClasses(classNames, bare = false) {
  for (const name of classNames) {
    const prefixed = LANGUAGE_CLASS.exec(name);
    const language = prefixed ? prefixed[1].toLowerCase() : (bare ? name.toLowerCase() : null);
    if (language !== null && Object.hasOwn(LANGUAGE_NAMES, language)) return LANGUAGE_NAMES[language];
  }
  return null;
}

/**
 * A Python block that is an interactive session (its first line starts with the `>>>` prompt) is a
 * doctest cell, whatever the generator called it: MkDocs and CommonMark pages mark such blocks python.
 */
export function sessionOrCode(language, text) {
  return language === 'py' && /^\s*>>>( |$)/.test(text) ? 'pycon' : language;
}

/**
 * The blocks of `root` that `selector` matches (the outermost where one holds another) and whose
 * language is a cell's, as cell blocks of findBlocks (blocks.js), in document order. An invalid
 * selector throws the browser's SyntaxError.
 */
export function selectedBlocks(root, selector) {
  const matched = Array.from(root.querySelectorAll(selector));
  const outermost = matched.filter((element) => !matched.some((other) => other !== element && other.contains(element)));
  return outermost.flatMap((element) => {
    const code = codeElementOf(element);
    if (!code) return [];
    const language = languageOf(element, code);
    if (!language) return [];
    const text = textWithoutLineNumbers(code);
    return [{ kind: 'cell', element, language: sessionOrCode(language, text), text }];
  });
}

/**
 * The output a generator wrote for the block at `element` (pages made from notebooks show each
 * cell's output after its code: nbsphinx's `div.nboutput`, Jupyter Book's `div.cell_output`): the
 * first element matching `outputSelector` that follows the block, as its own next sibling or one of
 * an ancestor's, with the matching siblings right after it (nbsphinx writes one per output); none
 * once an element holding another of the page's `blocks` (elements) comes first.
 */
export function staticOutputsOf(element, outputSelector, blocks) {
  const holdsABlock = (candidate) => blocks.some((block) => block !== element && candidate.contains(block));
  for (let at = element; at && at.parentElement; at = at.parentElement) {
    for (let next = at.nextElementSibling; next; next = next.nextElementSibling) {
      if (holdsABlock(next)) return [];
      if (next.matches(outputSelector)) {
        const outputs = [next];
        for (let more = next.nextElementSibling; more && more.matches(outputSelector) && !holdsABlock(more); more = more.nextElementSibling) {
          outputs.push(more);
        }
        return outputs;
      }
    }
    if (holdsABlock(at.parentElement)) return [];
  }
  return [];
}

/** The element holding the code: the block itself if it is a pre, else its first pre that is not line numbers. */
function codeElementOf(element) {
  if (element.matches('pre')) return element;
  return Array.from(element.querySelectorAll('pre')).find((pre) => !pre.closest(LINE_NUMBERS)) || null;
}

/** From the block's own classes, those of its code's pre and code elements, then of the block's ancestors. */
function languageOf(element, pre) {
  const inner = [pre, ...pre.querySelectorAll(':scope > code')];
  for (const candidate of [element, ...inner]) {
    const language = languageOfClasses(candidate.classList, candidate.matches('pre, code'));
    if (language) return language;
  }
  for (let ancestor = element.parentElement; ancestor; ancestor = ancestor.parentElement) {
    const language = languageOfClasses(ancestor.classList);
    if (language) return language;
  }
  return null;
}

/** The code's text, without the line numbers and buttons (copy buttons) a generator put inside, nor a last line break. */
function textWithoutLineNumbers(pre) {
  const copy = pre.cloneNode(true);
  copy.querySelectorAll(`${LINE_NUMBERS}, button`).forEach((extra) => extra.remove());
  return copy.textContent.replace(/^\r?\n/, '').replace(/\r?\n$/, '');
}

// The chunk language (languages.js's key) of each name a markdown fence may give (```python), as
// GitHub and Jupyter spell them: the report's code blocks (code-blocks.js) and the editor's markdown
// chunks (languages.js) highlight a fence's code by it.

const FENCE_LANGUAGES = Object.freeze({
  py: 'py', python: 'py', python3: 'py', ipython: 'py', ipython3: 'py', pycon: 'py',
  js: 'js', javascript: 'js', mjs: 'js', jsx: 'js',
  json: 'plugin',
  css: 'css',
  md: 'md', markdown: 'md',
});

/** The languages.js key of a fence's info string (its first word, any case), or undefined. */
export function fenceLanguage(info) {
  const name = String(info).trim().split(/\s/)[0].toLowerCase();
  return Object.hasOwn(FENCE_LANGUAGES, name) ? FENCE_LANGUAGES[name] : undefined;
}

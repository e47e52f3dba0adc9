// The language (a key of languages.js's CODE_BLOCK_LANGUAGES: a chunk type, or a language only code
// blocks have) of each name a markdown fence may give (```python, ```bash), as GitHub and Jupyter
// spell them: the report's code blocks (code-blocks.js) and the editor's markdown chunks
// (languages.js) highlight a fence's code by it.

const FENCE_LANGUAGES = Object.freeze({
  py: 'py', python: 'py', python3: 'py', ipython: 'py', ipython3: 'py', pycon: 'py',
  js: 'js', javascript: 'js', mjs: 'js', jsx: 'js',
  json: 'plugin',
  css: 'css',
  md: 'md', markdown: 'md',
  // Languages of code blocks only: the shell commands, queries and settings notebooks show.
  sh: 'sh', bash: 'sh', shell: 'sh', zsh: 'sh',
  sql: 'sql',
  html: 'html', htm: 'html',
  yaml: 'yaml', yml: 'yaml',
  toml: 'toml',
  r: 'r',
});

/** The CODE_BLOCK_LANGUAGES key of a fence's info string (its first word, any case), or undefined. */
export function fenceLanguage(info) {
  const name = String(info).trim().split(/\s/)[0].toLowerCase();
  return Object.hasOwn(FENCE_LANGUAGES, name) ? FENCE_LANGUAGES[name] : undefined;
}

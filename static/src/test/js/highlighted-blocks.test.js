// embed/highlighted-blocks.js: the language of a code block a documentation generator wrote, from its
// classes (the DOM walk is EmbedSelectorIT's, in Chromium, over Sphinx's, MkDocs', Jekyll's, Pandoc's
// and CommonMark's markup).
import test from 'node:test';
import assert from 'node:assert/strict';
import { languageOfClasses, sessionOrCode } from '../../main/js/embed/highlighted-blocks.js';

test("generators' language classes name a cell's language", () => {
  const cases = [
    [['highlight-python', 'notranslate'], 'py'], // Sphinx
    [['highlight-python3'], 'py'],
    [['highlight-default'], 'py'], // Sphinx's default highlighting is Python's
    [['highlight-ipython3'], 'py'], // nbsphinx, Jupyter Book
    [['highlight-pycon'], 'pycon'],
    [['language-python', 'highlight'], 'py'], // MkDocs Material
    [['language-py'], 'py'],
    [['language-JavaScript'], 'js'],
    [['lang-js'], 'js'], // Prism's short form
    [['language-pycon'], 'pycon'],
    [['language-doctest'], 'pycon'],
  ];
  for (const [classes, language] of cases) assert.equal(languageOfClasses(classes), language, classes.join(' '));
});

test('other languages, and bare names unless asked for, are none', () => {
  for (const classes of [['highlight-bash'], ['language-text'], ['language-'], ['highlight'], ['python'], ['language-toString'], []]) {
    assert.equal(languageOfClasses(classes), null, classes.join(' '));
  }
  assert.equal(languageOfClasses(['sourceCode', 'python'], true), 'py', "Pandoc's bare class on a pre");
});

test('a Python block that is an interactive session is a doctest cell', () => {
  assert.equal(sessionOrCode('py', '>>> 1 + 1\n2'), 'pycon');
  assert.equal(sessionOrCode('py', '\n>>> import math\n'), 'pycon');
  assert.equal(sessionOrCode('py', 'x = 1  # >>> not a prompt'), 'py');
  assert.equal(sessionOrCode('js', '>>> 1'), 'js');
});

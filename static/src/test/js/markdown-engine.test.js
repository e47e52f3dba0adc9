// How the editor page picks and loads its markdown renderer (src/main/js/page/markdown-engine.js),
// with fake builds. The real builds render the corpus in Chromium: MarkdownEngineIT.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadMarkdownBuild, requestedMarkdownBuild } from '../../main/js/page/markdown-engine.js';

const FILES = { 'wasm-gc': 'markdown.wasm', js: 'markdown.js' };
const rendering = (prefix) => async () => (markdown) => `${prefix}:${markdown}`;
const failing = (message) => async () => { throw new Error(message); };
/** Fake builds of the site's two, by name: each a loader as MARKDOWN_BUILDS has. */
const builds = (loaders) => Object.fromEntries(Object.entries(loaders).map(([name, load]) => [name, { file: FILES[name], load }]));

test('auto loads the first build that loads: WebAssembly GC, else JavaScript', async () => {
  const wasm = await loadMarkdownBuild('auto', builds({ 'wasm-gc': rendering('wasm'), js: rendering('js') }));
  assert.equal(wasm.build, 'wasm-gc');
  assert.equal(wasm.render('# x'), 'wasm:# x');
  const js = await loadMarkdownBuild('auto', builds({ 'wasm-gc': failing('CompileError: invalid type'), js: rendering('js') }));
  assert.equal(js.build, 'js');
  assert.equal(js.render('# x'), 'js:# x');
});

test('a build asked for is the only one tried, and a failure names every build tried with its cause', async () => {
  let jsTried = false;
  const wasmMissing = builds({ 'wasm-gc': failing('HTTP 404'), js: async () => { jsTried = true; return (m) => m; } });
  await assert.rejects(loadMarkdownBuild('wasm-gc', wasmMissing), /markdown renderer could not load \(markdown\.wasm: HTTP 404\)/);
  assert.equal(jsTried, false);
  await assert.rejects(loadMarkdownBuild('auto', builds({ 'wasm-gc': failing('no GC'), js: failing('Failed to fetch') })),
    /markdown\.wasm: no GC; markdown\.js: Failed to fetch/);
});

test('?markdown= chooses a build by its name; anything else is auto', () => {
  assert.equal(requestedMarkdownBuild('?markdown=js'), 'js');
  assert.equal(requestedMarkdownBuild('?notebook=a.iomd&markdown=wasm-gc'), 'wasm-gc');
  assert.equal(requestedMarkdownBuild('?markdown=toString'), 'auto');
  assert.equal(requestedMarkdownBuild('?markdown=fast'), 'auto');
  assert.equal(requestedMarkdownBuild(''), 'auto');
});

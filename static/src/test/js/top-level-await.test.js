// Top-level await in js chunks (src/main/js/frame/top-level-await.js, used by js-evaluator.js): what
// a chunk that awaits outside a function means, checked against a chunk that does not await, with
// node's real indirect eval in its global scope, as the frame runs chunks.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateChunk } from '../../main/js/frame/js-evaluator.js';
import { asyncChunkSource, retryAwaiting } from '../../main/js/frame/top-level-await.js';

/** Runs `code` as a js chunk whose first line is notebook line `firstLine + 1`: {value, error}. */
function runChunk(code, firstLine = 0) {
  return new Promise((done) => evaluateChunk(code, firstLine, 'tla-chunk.js', 'js chunk', (value, error) => done({ value, error })));
}

test('a chunk that awaits at its top level runs, and its last expression is its value', async () => {
  assert.deepEqual(await runChunk('await Promise.resolve(6) * 7'), { value: '42', error: null });
  assert.deepEqual(await runChunk('const parts = await Promise.all([1, 2].map(async (n) => n * 10))\nparts.join("+")'),
    { value: '"10+20"', error: null });
  assert.deepEqual(await runChunk('await null; if (true) { 5 }'), { value: null, error: null },
    'only a last expression statement gives a value');
});

test('its var declarations become globals, wherever they are outside functions, as in any chunk', async () => {
  const code = 'var tlaRows = await Promise.resolve([1, 2, 3]), tlaEmpty;\n'
    + 'var {tlaFirst, tlaRest: [tlaSecond, ...tlaOthers]} = {tlaFirst: 1, tlaRest: [2, 3, 4]};\n'
    + 'for (var tlaI = 0; tlaI < 2; tlaI++) await 0;\n'
    + 'for (var tlaKey in {only: 1}) {}\n'
    + 'for (var tlaItem of ["last"]) {}\n'
    + 'if (true) { var tlaInBlock = "block"; }\n'
    + 'function inner() { var tlaLocal = 1; return tlaLocal; }\n'
    + 'tlaRows.length';
  assert.deepEqual(await runChunk(code), { value: '3', error: null });
  assert.deepEqual([globalThis.tlaRows, globalThis.tlaEmpty, globalThis.tlaFirst, globalThis.tlaSecond, globalThis.tlaOthers],
    [[1, 2, 3], undefined, 1, 2, [3, 4]]);
  assert.ok('tlaEmpty' in globalThis, 'a var without a value is declared');
  assert.deepEqual([globalThis.tlaI, globalThis.tlaKey, globalThis.tlaItem, globalThis.tlaInBlock], [2, 'only', 'last', 'block']);
  assert.equal('tlaLocal' in globalThis, false, 'a function\'s own var stays its own');
  assert.deepEqual(await runChunk('tlaRows.concat(tlaOthers).length'), { value: '5', error: null }, 'a later chunk sees them');
});

test('a var declared again keeps its value until assigned, as eval does', async () => {
  await runChunk('var tlaKept = "kept"');
  assert.deepEqual(await runChunk('var tlaKept; await 0; tlaKept'), { value: '"kept"', error: null });
});

test('its function declarations become globals and are hoisted; let, const and class stay its own', async () => {
  assert.deepEqual(await runChunk('const early = tlaTwice(2);\nfunction tlaTwice(n) { return 2 * n; }\nawait 0;\nearly'),
    { value: '4', error: null });
  assert.equal(globalThis.tlaTwice(5), 10);

  await runChunk('let tlaLet = 1; const tlaConst = 2; class TlaClass {}');
  await runChunk('let tlaLetAwaited = await 1; const tlaConstAwaited = 2; class TlaClassAwaited {}');
  const seen = await runChunk('[typeof tlaLet, typeof tlaConst, typeof TlaClass, typeof tlaLetAwaited, typeof tlaConstAwaited, '
    + 'typeof TlaClassAwaited].join()');
  assert.equal(seen.value, '"undefined,undefined,undefined,undefined,undefined,undefined"',
    'lexical declarations are the chunk\'s own with or without await');
});

test('for await and awaits in a class heritage count; awaits inside functions do not', async () => {
  assert.deepEqual(await runChunk('async function* tlaCount() { yield 1; yield 2; }\nvar tlaSum = 0;\n'
    + 'for await (const n of tlaCount()) tlaSum += n;\ntlaSum'), { value: '3', error: null });
  assert.deepEqual(await runChunk('class TlaBase { static kind = "base" }\n'
    + 'class TlaDerived extends (await Promise.resolve(TlaBase)) {}\nTlaDerived.kind'), { value: '"base"', error: null });
  assert.equal(asyncChunkSource('async function f() { await 1 }\nf()'), null, 'an async function\'s await is its own');
  assert.equal(asyncChunkSource('const f = async () => await 1'), null);
  assert.equal(asyncChunkSource('class C { static { var x; } async m() { await 1 } }'), null);
});

test('errors after an await are at notebook lines, and every line stays where it was', async () => {
  const { value, error } = await runChunk('var tlaA = 1,\n  tlaB = await 2;\n\nthrow new Error("late")', 10);
  assert.equal(value, null);
  assert.match(error, /^Error: late\n {4}at js chunk, notebook line 14, column \d+$/);

  const rejected = await runChunk('await 0\nawait Promise.reject(new RangeError("refused"))', 3);
  assert.match(rejected.error, /^RangeError: refused\n {4}at js chunk, notebook line 5, column \d+$/);

  const code = 'var a = 1,\n  b = await f(\n  2);\nfor (var k in o) {}\nfunction g() {}\n`x\ny`';
  assert.equal(asyncChunkSource(code).split('\n').length, code.split('\n').length + 1, 'one line more: the wrapper\'s end');
});

test('a chunk that cannot run shows the engine\'s error about what is wrong, not about the await', async () => {
  const misplaced = await runChunk('function tlaNotAsync() { await 1 }');
  assert.match(misplaced.error, /^SyntaxError: await is only valid in async functions/);

  const broken = await runChunk('await 1;\nlet = ;', 4);
  assert.match(broken.error, /^SyntaxError: .*\n {4}at js chunk, notebook line 6, column 7$/);
  assert.doesNotMatch(broken.error, /await/, 'the broken statement is the problem');

  let evalSays = null;
  try {
    (0, eval)('let = ;');
  } catch (refused) {
    evalSays = String(refused);
  }
  assert.equal((await runChunk('let = ;')).error, `${evalSays}\n    at js chunk, notebook line 1, column 7`,
    'a chunk without await gets eval\'s error, with its place');
});

test('a top-level return stays refused, with or without an await in the chunk', async () => {
  assert.match((await runChunk('return 5')).error, /^SyntaxError: Illegal return/);
  assert.match((await runChunk('await 0;\nreturn 5')).error, /^SyntaxError: /);
  assert.deepEqual(retryAwaiting('return 5 // await'), null);
});

test('a chunk without top-level await is evaluated once, as it is', () => {
  const seen = [];
  evaluateChunk('var x = 1; x', 0, 'chunk.js', 'js chunk', () => {}, { evaluate: (source) => { seen.push(source); return 1; } });
  assert.deepEqual(seen, ['var x = 1; x\n//# sourceURL=chunk.js']);
});

const MODULE = 'data:text/javascript,export const x = 42; export const y = 1; export default "dflt";';

test('a chunk imports modules: each binding becomes a global, as a var would, and the chunk waits for them', async () => {
  assert.deepEqual(await runChunk(`import tlaDefault, {x as tlaX, y} from '${MODULE}';\ntlaDefault + tlaX`),
    { value: '"dflt42"', error: null });
  assert.deepEqual([globalThis.tlaDefault, globalThis.tlaX, globalThis.y], ['dflt', 42, 1]);
  assert.deepEqual(await runChunk(`import * as tlaAll from '${MODULE}';\nimport tlaAgain, * as tlaBoth from '${MODULE}';\n`
    + '[tlaAll.x, tlaAgain, tlaBoth.y]'), { value: '[42,"dflt",1]', error: null });
  assert.deepEqual(await runChunk(`import '${MODULE}';\nawait 0;\n'after a bare import'`), { value: '"after a bare import"', error: null });
  const late = await runChunk(`import {\n  x as tlaLate\n} from '${MODULE}';\nthrow new Error('after the import')`, 20);
  assert.match(late.error, /^Error: after the import\n {4}at js chunk, notebook line 24, column \d+$/, 'the import\'s lines are kept');
});

test('a relative specifier is resolved against the frame\'s base URL; an export is refused', () => {
  assert.equal(asyncChunkSource("import rows, {sum as total} from './data/rows.js'", 'https://site.example/nb/evalframe.html'),
    'var rows, total; (async () => {void ({default: rows, sum: total} = await import("https://site.example/nb/data/rows.js"));\n})()');
  assert.equal(asyncChunkSource("import data from '/data.json' with {type: 'json'}\ndata", 'https://site.example/nb/'),
    'var data; (async () => {void ({default: data} = await import("https://site.example/data.json", {with: {type: \'json\'}}));\n'
    + 'return (data)\n})()');
  assert.equal(asyncChunkSource("import x from 'https://cdn.example/x.js'", 'https://site.example/'),
    'var x; (async () => {void ({default: x} = await import("https://cdn.example/x.js"));\n})()');
  assert.equal(asyncChunkSource("import x from 'x'\nexport const y = 1"), null);
});

test('the rewrite, spelled out', () => {
  assert.equal(asyncChunkSource('var rows = await load()\nfunction show() {}\nrows.length'),
    'var rows; (async () => {globalThis["show"] = show; void ( rows = await load())\nfunction show() {}\nreturn (rows.length)\n})()');
  assert.equal(asyncChunkSource('for (var k in await o) {}'), 'var k; (async () => {for ( k in await o) {}\n})()');
  assert.equal(asyncChunkSource('var\n  a = await 1, b'), 'var a, b; (async () => {void (\n  a = await 1, b)\n})()',
    'the keyword\'s line break stays');
});

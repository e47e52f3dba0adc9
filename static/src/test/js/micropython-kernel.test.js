// MicroPython as the report's Python (src/main/js/micropython): the bundle the site serves
// (micropython-support.js, built here to a temporary folder with the port's files beside it, as the
// site has them), run under Node with the real WebAssembly port.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { MICROPYTHON_DIST, MICROPYTHON_VERSION, micropythonSupportBuild } from '../../../micropython-build.mjs';
import { MICROPYTHON_DIR, PORT_FILES } from '../../main/js/micropython/port-files.js';
import { VALUE_CUT_MARKER, VALUE_TEXT_LENGTH } from '../../main/js/frame/value-text.js';

let site;
let kernel;

before(async () => {
  site = mkdtempSync(join(tmpdir(), 'jodide-micropython-'));
  mkdirSync(join(site, MICROPYTHON_DIR));
  for (const file of PORT_FILES) cpSync(join(MICROPYTHON_DIST, file), join(site, MICROPYTHON_DIR, file));
  await build({ ...micropythonSupportBuild(join(site, 'micropython-support.js')), logLevel: 'error' });
  const support = await import(pathToFileURL(join(site, 'micropython-support.js')).href);
  kernel = await support.startMicroPython(pathToFileURL(`${site}/`).href);
});

after(() => rmSync(site, { recursive: true, force: true }));

const complete = (token) => JSON.parse(kernel.completionsJson(token));

/** Runs `code` as a chunk whose first line is notebook line `firstLine` (0-based); returns its result and output. */
function run(code, firstLine = 0) {
  const printed = [];
  const result = kernel.run(code, `py chunk at line ${firstLine}`, firstLine, {
    stdout: (text) => printed.push(['stdout', text]),
    stderr: (text) => printed.push(['stderr', text]),
    blocking: () => printed.push(['blocking']),
    display: (mime, data) => printed.push(['display', mime, data]),
    clear: () => printed.push(['clear']),
  });
  return { ...result, printed };
}

test('the kernel names its version', () => {
  assert.equal(kernel.version, `MicroPython ${MICROPYTHON_VERSION}`);
});

test('a chunk prints line by line and gives its last expression as the value', () => {
  const { value, error, printed } = run("print('hello')\nprint('no newline', end='')\nx = 41\nx + 1");
  assert.equal(error, null);
  assert.equal(value, '42');
  assert.deepEqual(printed, [['stdout', 'hello\n'], ['stdout', 'no newline']]);
});

test('a long value is cut as Pyodide\'s kernel and the frame cut theirs, and says so', () => {
  const { value } = run('list(range(100000))');
  assert.ok(value.startsWith('[0, 1, 2, 3, '), value.slice(0, 20));
  assert.equal(value, value.slice(0, VALUE_TEXT_LENGTH) + VALUE_CUT_MARKER, 'the bound and marker of the frame (value-text.js)');
  assert.equal(run("'x' * 9998").value.length, VALUE_TEXT_LENGTH, 'a repr that fits is whole');
});

test("a value is written only as far as it shows, exactly as MicroPython's repr writes it", () => {
  const cut = (text) => (text.length <= VALUE_TEXT_LENGTH ? text : text.slice(0, VALUE_TEXT_LENGTH) + VALUE_CUT_MARKER);
  for (const expression of ['list(range(5000))', '{str(i): [i, "v"] for i in range(3000)}', '(1,)', 'tuple(range(3))',
    'set(range(3))', 'frozenset({1})', '[]', '{}', 'set()', `"it's" * 5000`, `'say "hi"' * 3000`, `"both ' and \\"" * 2000`,
    'b"x" * 20000', `[["it's", b'q', (i,)] for i in range(2000)]`, `{"k": "x" * 12000, "j": 1}`]) {
    const whole = run(`print(repr(${expression}), end='')`).printed.map(([, text]) => text).join('');
    assert.equal(run(expression).value, cut(whole), expression);
  }
  assert.equal(run('looped = [1]\nlooped.append(looped)\nlooped').value, '[1, [...]]', "a list within itself, as CPython writes it");
  run('wide = list(range(100000))');
  const preview = JSON.parse(kernel.workspaceJson()).find((variable) => variable.name === 'wide').preview;
  assert.equal(preview, `${run("print(repr(wide)[:99], end='')").printed.map(([, text]) => text).join('')}…`);
  run('del wide, looped');
});

test('variables stay between chunks; a statement or None gives no value', () => {
  run('kept = [1, 2]');
  assert.equal(run('kept.append(3)').value, null);
  assert.equal(run('kept').value, '[1, 2, 3]');
  assert.equal(run('for i in range(2):\n    pass').value, null);
  assert.equal(run('None').value, null);
});

test('a traceback names the chunk and counts notebook lines', () => {
  const { error } = run('def f():\n    return 1/0\nf()', 9);
  assert.match(error, /File "py chunk at line 9", line 12/);
  assert.match(error, /File "py chunk at line 9", line 11, in f/);
  assert.match(error, /ZeroDivisionError/);
  assert.doesNotMatch(error, /<stdin>/, 'no frame of the kernel itself');
});

test('a value with a rich form shows in it, as with Pyodide, in the same order; a class shows as its repr', () => {
  run([
    'class Money:', '    def __init__(self, v): self.v = v', '    def _repr_html_(self): return "<b>$%d</b>" % self.v',
    '    def _repr_markdown_(self): return "**%d**" % self.v',
    'class Bundled:', '    def _repr_mimebundle_(self, **kwargs): return {"text/markdown": "*m*"}, {}',
    '    def _repr_html_(self): return "<i>h</i>"',
    'class Plot:', '    def _repr_png_(self): return b"\\x89PNG"',
  ].join('\n'));
  assert.deepEqual(run('Money(3)'), { value: null, error: null, awaiting: null, printed: [['display', 'text/html', '<b>$3</b>']] });
  assert.deepEqual(run('Bundled()').printed, [['display', 'text/html', '<i>h</i>']], 'the richest of the bundle and the methods');
  assert.deepEqual(run('Plot()').printed, [['display', 'image/png', 'iVBORw==']], 'binary images as base64');
  assert.match(run('Money').value, /class 'Money'/);
});

test('the rich forms are tried in the order of the Pyodide kernel (jodide_kernel/display.py)', () => {
  const pairsIn = (source) => [...source.matchAll(/\("(_repr_\w+_)", "([\w/+.-]+)"\)/g)].map(([, method, mime]) => `${method} ${mime}`);
  const pyodideOrder = pairsIn(readFileSync(new URL('../../../../pyodide-loader/src/main/python/jodide_kernel/display.py', import.meta.url), 'utf8'));
  const { printed } = run('for method, mime in _REPR_METHODS:\n    print(method, mime)');
  assert.ok(pyodideOrder.length >= 6, pyodideOrder.join());
  assert.deepEqual(printed.map(([, line]) => line.trim()), pyodideOrder);
});

test('display() and IPython.display show rich output after the text printed before it; clear_output clears', () => {
  const { error, printed } = run([
    'from IPython.display import HTML, Markdown, SVG, Math, Image, display, clear_output',
    'print("before")', 'display(HTML("<p>x</p>"), Markdown("# m"), [1, 2])', 'display(Math("x^2"), SVG("<svg></svg>"))',
    'display(Image(data=b"\\xff\\xd8", format="jpeg"))', 'clear_output(wait=True)', 'print("after")', 'clear_output()',
  ].join('\n'));
  assert.equal(error, null);
  assert.deepEqual(printed, [['stdout', 'before\n'], ['display', 'text/html', '<p>x</p>'], ['display', 'text/markdown', '# m'],
    ['display', 'text/plain', '[1, 2]'], ['display', 'text/latex', '$$x^2$$'], ['display', 'image/svg+xml', '<svg></svg>'],
    ['display', 'image/jpeg', '/9g='], ['clear'], ['stdout', 'after\n'], ['clear']]);
  assert.deepEqual(run('display("plain")').printed, [['display', 'text/plain', "'plain'"]], 'display is a builtin, as in IPython');
  assert.ok(!JSON.parse(kernel.workspaceJson()).some((variable) => variable.name === 'display'), 'a builtin, not a variable');
});

test('a syntax error is an error (MicroPython does not say where)', () => {
  const { error } = run('x = (1 +\n', 4);
  assert.match(error, /SyntaxError/);
});

test('a chunk may await at its top level: it ends when its awaits have, with its value, output and notebook lines', async () => {
  const started = run('import asyncio\nprint("before")\nawait asyncio.sleep(0.01)\nprint("after")\nwaited = 41\nwaited + 1\n', 4);
  assert.equal(started.value, null);
  assert.ok(started.awaiting, 'a promise of its end');
  assert.deepEqual(await started.awaiting, { value: '42', error: null });
  assert.deepEqual(started.printed, [['stdout', 'before\n'], ['stdout', 'after\n']], 'output keeps flowing while it awaits');
  assert.equal(run('waited').value, '41', 'its globals stay');
  assert.deepEqual(await run('import asyncio\nawait asyncio.sleep(0)\n').awaiting, { value: null, error: null }, 'an awaited None');
  const failed = await run('import asyncio\nawait asyncio.sleep(0)\n1 / 0\n', 10).awaiting;
  assert.equal(failed.value, null);
  assert.match(failed.error, /File "py chunk at line 10", line 13/, failed.error);
  assert.match(failed.error, /ZeroDivisionError/);
  const missing = await run('import asyncio\nawait asyncio.sleep(0)\nimport numpy\n').awaiting;
  assert.match(missing.error, /no module named 'numpy'[\s\S]*Python \(Pyodide\)/, 'the hint, as without await');
  assert.equal(run('1 + 1').awaiting, null, 'a chunk without await ends at once');
});

test('a module MicroPython lacks gives the error and the way to Pyodide', () => {
  const { error } = run('import numpy as np');
  assert.match(error, /ImportError: no module named 'numpy'/);
  assert.match(error, /Python \(Pyodide\)/);
});

test('the workspace lists the user\'s variables, not modules, functions or the kernel\'s own', () => {
  run('import json\ncount = 3\nlabel = "cities"\ndef helper():\n    pass');
  const listed = JSON.parse(kernel.workspaceJson());
  const byName = Object.fromEntries(listed.map((v) => [v.name, v]));
  assert.deepEqual(byName.count, { name: 'count', type: 'int', preview: '3' });
  assert.deepEqual(byName.label, { name: 'label', type: 'str', preview: "'cities'" });
  assert.equal(byName.json, undefined);
  assert.equal(byName.helper, undefined);
  assert.ok(!listed.some((v) => v.name.startsWith('_')), JSON.stringify(listed));
});

test('completion offers names and attributes as whole tokens', () => {
  run('import json\nmy_variable = 1');
  assert.ok(complete('my_va').includes('my_variable'));
  assert.ok(complete('json.lo').includes('json.loads'));
  assert.ok(complete('pri').includes('print'));
  assert.deepEqual(complete('nothing_here.x'), []);
});

test('from js import reaches the page\'s globals', () => {
  globalThis.jodideTestAnswer = 41;
  assert.equal(run('from js import jodideTestAnswer\njodideTestAnswer + 1').value, '42');
});

test('input() asks with the page\'s prompt and keeps the question and answer in the output; no answer is EOFError', () => {
  const asked = [];
  globalThis.prompt = (question) => {
    asked.push(question);
    return asked.length === 1 ? 'Ada' : null;
  };
  try {
    const answered = run("print('Welcome', end='!')\nname = input('Your name? ')\nprint('Hello,', name)");
    assert.deepEqual(asked, ['Your name? ']);
    assert.deepEqual(answered.printed, [['stdout', 'Welcome!'], ['blocking'], ['stdout', 'Your name? Ada\n'], ['stdout', 'Hello, Ada\n']],
      'what was printed, even without its line end, goes before the question, and the listener is told to send it');
    const dismissed = run("input('Again? ')");
    assert.match(dismissed.error, /EOFError: no answer to input\(\)/);
  } finally {
    delete globalThis.prompt;
  }
});

test('jodide.python.get copies a global as Pyodide and a Jupyter server do (python-copies.js decodes it)', () => {
  run('import array\ntotal = 41\nnames = ["ada", "grace"]\nconfig = {"a": 1, 2: (3, None)}\nodd = [float("nan"), 1.5, {7}, float("-inf")]\n'
    + 'raw = b"\\x01\\x02"\nsamples = array.array("d", [0.5, 1.5])\nflags = bytearray(3)\nlongs = array.array("q", [-3, 2**40])\n'
    + 'small = array.array("h", [1, -2])\nview = memoryview(b"ab")\nhuge = 2**64\nmarked = {"$jodide": 1, "s": frozenset()}\n'
    + 'deep = [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]\nnothing = None\nclass Thing: pass\nthing = Thing()\nthings = [1, Thing()]\npairs = {(1, 2): 3}\nloop = []\nloop.append(loop)');
  assert.equal(kernel.get('total'), 41);
  assert.deepEqual(kernel.get('names'), ['ada', 'grace']);
  assert.deepEqual(kernel.get('config'), { a: 1, 2: [3, undefined] }, 'None is undefined, as Pyodide converts it');
  assert.deepEqual(kernel.get('odd'), [NaN, 1.5, new Set([7]), -Infinity], 'nan, infinities and sets as themselves');
  assert.equal(kernel.get('huge'), 18446744073709551616n, 'an int beyond 2**53 as a BigInt');
  assert.deepEqual(kernel.get('marked'), { $jodide: 1, s: new Set() });
  assert.equal(kernel.get('nothing'), undefined);
  assert.equal(kernel.get('deep').flat(Infinity)[0], 1, 'thirty levels copy');
  assert.deepEqual(kernel.get('raw'), new Uint8Array([1, 2]));
  assert.deepEqual(kernel.get('samples'), new Float64Array([0.5, 1.5]));
  assert.deepEqual(kernel.get('flags'), new Uint8Array(3));
  assert.deepEqual(kernel.get('longs'), new BigInt64Array([-3n, 2n ** 40n]));
  assert.deepEqual(kernel.get('small'), new Int16Array([1, -2]));
  assert.deepEqual(kernel.get('view'), new Uint8Array([97, 98]));
  const noCopy = (name, why) => new RegExp(`^Error: Python's "${name}" has no JavaScript copy: ${why}`);
  assert.throws(() => kernel.get('thing'), noCopy('thing', 'it holds a Thing, which is none of the values that have one \\(None, bools,'));
  assert.throws(() => kernel.get('things'), noCopy('things', 'it holds a Thing'));
  assert.throws(() => kernel.get('pairs'), noCopy('pairs', 'a dict key \\(1, 2\\) is neither a string nor an int$'));
  assert.throws(() => kernel.get('loop'), noCopy('loop', 'it is nested more deeply than MicroPython can copy \\(or holds itself\\)$'));
  assert.throws(() => kernel.get('no_such_name'), /Python has no global named "no_such_name"/);
});

test('what a callback prints after its run goes outside runs, never to the next run; a line without its end before a run is flushed first', async () => {
  const outside = [];
  kernel.onOutputOutsideRuns((stream, text) => outside.push([stream, text]));
  try {
    const scheduled = run("from js import setTimeout\nimport sys\ndef later():\n    print('from a timer')\n    sys.stdout.write('no line end')\nsetTimeout(later, 10)\n'scheduled'");
    assert.equal(scheduled.value, "'scheduled'");
    assert.deepEqual(scheduled.printed, []);
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.deepEqual(outside, [['stdout', 'from a timer\n']]);
    const next = run("print('next')");
    assert.deepEqual(outside, [['stdout', 'from a timer\n'], ['stdout', 'no line end']]);
    assert.deepEqual(next.printed, [['stdout', 'next\n']]);
  } finally {
    kernel.onOutputOutsideRuns(null);
  }
});

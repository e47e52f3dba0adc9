// The kernel's Python (pyodide-loader/src/main/python/jodide_kernel) under real Pyodide in Node:
// installed the way the site installs it (installKernel, from the files build.mjs ships), then
// its unittest tests (pyodide-loader/src/test/python) run; any failure or error fails this test.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadPyodide } from 'pyodide';
import { installKernel, KERNEL_DIR } from '../../main/js/pyodide/kernel-files.js';
import { KERNEL_SOURCES, KERNEL_TESTS, readPythonTree } from '../../../python-tree.mjs';
import { printedLines } from '../../main/js/pyodide/printed-lines.js';
import { VALUE_CUT_MARKER, VALUE_TEXT_LENGTH } from '../../main/js/frame/value-text.js';
import { createSharedBuffers, requestInterrupt, requestOutputFlush, signalSlot, waitForSignal } from '../../main/js/frame/python-worker-support.js';

const TESTS_DIR = '/jodide-kernel-tests';
let pyodide;

before(async () => {
  pyodide = await loadPyodide();
}, { timeout: 120000 });

test('the kernel package installs from its shipped files and exposes what the Java side calls', () => {
  const kernel = installKernel(pyodide, readPythonTree(KERNEL_SOURCES));
  try {
    for (const name of ['install', 'run', 'missing_imports', 'complete', 'workspace', 'install_input', 'install_interrupt', 'install_output_flush', 'install_sleep', 'install_blocking_sleep']) {
      assert.equal(pyodide.runPython(`import jodide_kernel; callable(getattr(jodide_kernel, ${JSON.stringify(name)}, None))`), true, name);
    }
    assert.ok(pyodide.runPython('import sys; sys.path').toJs().includes(KERNEL_DIR));
  } finally {
    kernel.destroy();
  }
});

test("the kernel's unittest tests pass under Pyodide", () => {
  installKernel(pyodide, readPythonTree(KERNEL_SOURCES)).destroy();
  for (const [path, source] of Object.entries(readPythonTree(KERNEL_TESTS))) {
    const target = `${TESTS_DIR}/${path}`;
    pyodide.FS.mkdirTree(target.slice(0, target.lastIndexOf('/')));
    pyodide.FS.writeFile(target, source);
  }
  const sys = pyodide.pyimport('sys');
  sys.path.append(TESTS_DIR);
  sys.destroy();
  const result = JSON.parse(pyodide.runPython('import run_kernel_tests; run_kernel_tests.main()'));
  assert.equal(result.failures + result.errors, 0, result.output);
  assert.ok(result.testsRun >= 40, `only ${result.testsRun} tests ran:\n${result.output}`);
});

test("a value's plain text is cut where, and as, the frame cuts a JavaScript value's (value-text.js)", () => {
  installKernel(pyodide, readPythonTree(KERNEL_SOURCES)).destroy();
  assert.equal(pyodide.runPython('from jodide_kernel import display; display.VALUE_TEXT_LENGTH'), VALUE_TEXT_LENGTH);
  assert.equal(pyodide.runPython('from jodide_kernel import display; display.VALUE_CUT_MARKER'), VALUE_CUT_MARKER);
});

test('files without the kernel package are refused before anything is written', () => {
  assert.throws(() => installKernel(pyodide, { 'other/__init__.py': '' }, '/elsewhere'), /no jodide_kernel package/);
  assert.throws(() => installKernel(pyodide, null, '/elsewhere'), /no jodide_kernel package/);
  assert.equal(pyodide.FS.analyzePath('/elsewhere').exists, false);
});

test('a kernel file may not be written outside its folder', () => {
  assert.throws(() => installKernel(pyodide, { 'jodide_kernel/__init__.py': '', '../etc/x.py': '' }, '/guarded'),
    /may not leave its folder/);
});

test('a Python error in the kernel surfaces as the thrown error', () => {
  pyodide.runPython("import sys\nfor name in [n for n in sys.modules if n.split('.')[0] == 'jodide_kernel']: del sys.modules[name]");
  assert.throws(() => installKernel(pyodide, { 'jodide_kernel/__init__.py': 'raise ImportError("broken kernel")' }, '/broken'),
    /broken kernel/);
});

/**
 * Runs body(interrupt) with the kernel set up as the Python worker sets it up: an interrupt buffer
 * given to Pyodide, and the kernel's install functions named by installs(interrupt) (an object,
 * name -> argument) called; then puts Pyodide back as it was.
 */
function asInTheWorker(installs, body) {
  const kernel = installKernel(pyodide, readPythonTree(KERNEL_SOURCES));
  const { interrupt } = createSharedBuffers();
  pyodide.setInterruptBuffer(signalSlot(interrupt));
  pyodide.runPython('import jodide_kernel, signal, time\noriginal_sleep = time.sleep');
  try {
    for (const [name, argument] of Object.entries(installs(interrupt))) {
      const install = pyodide.runPython(`jodide_kernel.${name}`);
      install(argument);
      install.destroy();
    }
    body(interrupt);
  } finally {
    pyodide.setInterruptBuffer(undefined);
    pyodide.runPython('signal.signal(signal.SIGUSR1, signal.SIG_DFL)\n'
      + 'signal.signal(signal.SIGINT, signal.default_int_handler)\ntime.sleep = original_sleep');
    kernel.destroy();
  }
}

test('a flush request written in the interrupt buffer runs the flush handler while a loop computes', () => {
  let flushes = 0;
  let slotDuringFlush = null;
  asInTheWorker((interrupt) => ({
    install_output_flush: () => { flushes++; slotDuringFlush = signalSlot(interrupt)[0]; },
  }), (interrupt) => {
    assert.equal(requestOutputFlush(interrupt), true);
    assert.equal(pyodide.runPython('total = 0\nfor i in range(100000): total += i\ntotal'), 4999950000);
    assert.equal(flushes, 1, 'one request, one flush');
    assert.equal(slotDuringFlush, 0, 'Pyodide took the request from the slot');
    assert.equal(requestOutputFlush(interrupt), true, 'the next request can go');
  });
});

test("the kernel's time.sleep takes a flush request and goes on, and an interrupt ends it", () => {
  let flushes = 0;
  asInTheWorker((interrupt) => ({
    install_output_flush: () => { flushes++; },
    install_interrupt: () => true,
    install_sleep: (ms) => waitForSignal(interrupt, ms),
  }), (interrupt) => {
    requestOutputFlush(interrupt);
    const slept = pyodide.runPython('started = time.monotonic()\ntime.sleep(0.2)\ntime.monotonic() - started');
    assert.equal(flushes, 1);
    assert.ok(slept >= 0.2 && slept < 2, `slept ${slept} s`);
    requestInterrupt(interrupt);
    const started = performance.now();
    assert.throws(() => pyodide.runPython('time.sleep(30)'), /KeyboardInterrupt/);
    assert.ok(performance.now() - started < 2000, 'the interrupt ended the sleep');
  });
});

test("Pyodide's writes reach the sink as printed: a flushed text without its line end goes at once, in its own run", () => {
  const got = [];
  const printed = printedLines((stream, text) => got.push([stream, text]), 1000);
  pyodide.setStdout(printed.stdout);
  pyodide.setStderr(printed.stderr);
  try {
    pyodide.runPython('import sys\nprint("Loading...", end="", flush=True)');
    printed.flush();
    assert.deepEqual(got, [[0, 'Loading...']]);
    pyodide.runPython('print(" done")\nprint("x", end="")\nsys.stdout.flush()');
    printed.flush();
    assert.deepEqual(got.slice(1), [[0, ' done\nx']], "a run's text without a line end is its own, not the next run's");
    pyodide.runPython('print("é" * 3, file=sys.stderr)');
    printed.flush();
    assert.deepEqual(got.slice(2), [[1, 'ééé\n']]);
  } finally {
    pyodide.setStdout();
    pyodide.setStderr();
  }
});

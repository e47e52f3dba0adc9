// jupyter-client.js (src/main/js/jupyter) against a real Jupyter server that this file starts: a
// jupyter_server with its own token and a temporary home, runtime and root, killed at the end. Node
// has no WebSocket of its own, so the sessions get the `ws` package's; the browser uses its own.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { connectJupyter, parseServerAddress, stripAnsi } from '../../main/js/jupyter/remote-kernel.js';
import { chooseKernelSpec } from '../../main/js/jupyter/kernel-specs.js';
import { codePointOffset, utf16Offset } from '../../main/js/jupyter/code-points.js';
import { notebookPath } from '../../main/js/jupyter/server-files.js';
import { decodePythonCopy } from '../../main/js/frame/python-copies.js';

const PYTHON = '/usr/bin/python3';
const MISSING_JUPYTER = spawnSync(PYTHON, ['-c', 'import jupyter_server, ipykernel'], { stdio: 'ignore' }).status === 0
  ? null
  : `${PYTHON} cannot import jupyter_server and ipykernel (Debian: apt install python3-jupyter-server python3-ipykernel): `
    + 'the remote kernel is NOT tested';

const TOKEN = randomBytes(16).toString('hex');
let server = null;
let home = null;
let serverUrl = null;
let session = null;

/** A test that needs the Jupyter server: skipped, loudly, where there is none. */
function jupyterTest(name, fn) {
  test(name, async (t) => {
    if (MISSING_JUPYTER) {
      t.skip(MISSING_JUPYTER);
      return;
    }
    await fn(t);
  });
}

/** A port nobody listens on now. */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Resolves when GET /api answers, rejects if the server exits or 30 s pass. */
async function whenServerAnswers(url, process, log) {
  const deadline = Date.now() + 30000;
  while (Date.now() < deadline) {
    if (process.exitCode !== null) {
      throw new Error(`jupyter_server exited (${process.exitCode}):\n${log()}`);
    }
    try {
      if ((await fetch(`${url}api?token=${TOKEN}`)).ok) {
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`jupyter_server did not answer within 30 s:\n${log()}`);
}

/** Runs code, collecting everything the handlers get; `input` answers input(). */
async function run(code, input = null) {
  const seen = { stdout: '', stderr: '', displays: [], errors: [], prompts: [] };
  const handlers = {
    stream: (name, text) => { seen[name] += text; },
    display: (bundle, isResult, displayId, update) => seen.displays.push(
      displayId ? { bundle, isResult, displayId, update } : { bundle, isResult }),
    error: (ename, evalue, traceback) => seen.errors.push({ ename, evalue, traceback }),
  };
  if (input !== null) {
    handlers.input = (prompt, password, reply) => {
      seen.prompts.push({ prompt, password });
      reply(input);
    };
  }
  const result = await session.execute(code, handlers);
  return { ...result, ...seen };
}

before(async () => {
  if (MISSING_JUPYTER) {
    return;
  }
  home = mkdtempSync(join(tmpdir(), 'jodide-jupyter-'));
  const port = await freePort();
  serverUrl = `http://127.0.0.1:${port}/`;
  let output = '';
  server = spawn(PYTHON, [
    '-m', 'jupyter_server', '--allow-root', '--no-browser', `--port=${port}`, '--ServerApp.port_retries=0',
    '--ServerApp.ip=127.0.0.1', `--ServerApp.token=${TOKEN}`, '--ServerApp.allow_origin=*', `--ServerApp.root_dir=${home}`,
  ], {
    env: { ...process.env, HOME: home, JUPYTER_RUNTIME_DIR: join(home, 'runtime'), JUPYTER_DATA_DIR: join(home, 'data'), JUPYTER_CONFIG_DIR: join(home, 'config') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout.on('data', (chunk) => { output += chunk; });
  server.stderr.on('data', (chunk) => { output += chunk; });
  await whenServerAnswers(serverUrl, server, () => output.replaceAll(TOKEN, '[token]'));
  session = await connectJupyter({ url: `${serverUrl}lab?token=${TOKEN}`, WebSocket });
}, { timeout: 45000 });

after(async () => {
  await session?.dispose();
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    const timer = setTimeout(() => server.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  }
  if (home) {
    rmSync(home, { recursive: true, force: true });
  }
});

jupyterTest('what a thread prints after its cell ended is heard outside runs, and never as a later run\'s', async () => {
  const heard = [];
  const stop = session.onOutputOutsideRuns((name, text) => heard.push([name, text]));
  try {
    const started = await run("import threading, sys\nthreading.Timer(0.3, lambda: (print('from a thread'), print('late warning', file=sys.stderr))).start()\nprint('started')");
    assert.equal(started.stdout, 'started\n');
    const deadline = Date.now() + 20000;
    while (heard.map(([, text]) => text).join('').split('\n').length < 3 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.deepEqual(heard.map(([name]) => name).sort(), ['stderr', 'stdout']);
    assert.equal(heard.find(([name]) => name === 'stdout')[1], 'from a thread\n');
    assert.equal(heard.find(([name]) => name === 'stderr')[1], 'late warning\n');
    const next = await run("print('next')");
    assert.equal(next.stdout, 'next\n');
    const variables = await session.variables();
    assert.ok(Array.isArray(variables));
    assert.equal(heard.length, 2, 'a run\'s own output and a helper\'s call are not outside runs');
  } finally {
    stop();
  }
});

jupyterTest('a run says how long the kernel took, by the kernel\'s clock', async () => {
  const slept = await run('import time\ntime.sleep(0.3)');
  assert.equal(slept.status, 'ok');
  assert.ok(slept.kernelMillis >= 300 && slept.kernelMillis < 10_000, `took ${slept.kernelMillis} ms`);
  const failed = await run('1 / 0');
  assert.equal(failed.status, 'error');
  assert.equal(typeof failed.kernelMillis, 'number', 'a failed run is timed too');
});

jupyterTest('a session names its kernel and server, and never the token', () => {
  assert.equal(session.kernelName, 'python3');
  assert.match(session.kernelId, /^[0-9a-f-]{36}$/);
  assert.equal(session.serverUrl, serverUrl);
  assert.ok(!JSON.stringify(session).includes(TOKEN));
});

jupyterTest('code prints to stdout and its last expression comes back as a result bundle', async () => {
  const run1 = await run('import sys\nprint(sys.version)\n6 * 7');
  assert.equal(run1.status, 'ok');
  assert.equal(typeof run1.executionCount, 'number');
  assert.match(run1.stdout, /^3\.\d+\.\d+/);
  assert.deepEqual(run1.displays, [{ bundle: { 'text/plain': '42' }, isResult: true }]);
});

jupyterTest('a variable survives from one execute to the next', async () => {
  await run('survivor = [1, 2, 3]');
  const run2 = await run('print(sum(survivor))');
  assert.equal(run2.stdout, '6\n');
});

jupyterTest('IPython.display.HTML arrives as a display bundle with text/html, not a result', async () => {
  const shown = await run("from IPython.display import HTML, display\ndisplay(HTML('<b>bold</b>'))");
  assert.equal(shown.displays.length, 1);
  assert.equal(shown.displays[0].isResult, false);
  assert.equal(shown.displays[0].bundle['text/html'], '<b>bold</b>');
});

jupyterTest('a display handle\'s update arrives as an update of its display_id', async () => {
  const shown = await run("from IPython.display import display\nh = display('0%', display_id=True)\nh.update('100%')");
  assert.equal(shown.displays.length, 2);
  const [first, update] = shown.displays;
  assert.equal(first.update, false);
  assert.equal(update.update, true);
  assert.equal(update.displayId, first.displayId);
  assert.equal(update.bundle['text/plain'], "'100%'");
});

jupyterTest('an exception gives its name, value and a traceback without ANSI codes', async () => {
  const failed = await run('def divide(a, b):\n    return a / b\ndivide(1, 0)');
  assert.equal(failed.status, 'error');
  assert.equal(failed.errors.length, 1);
  const [{ ename, evalue, traceback }] = failed.errors;
  assert.equal(ename, 'ZeroDivisionError');
  assert.equal(evalue, 'division by zero');
  assert.match(traceback, /divide\(1, 0\)/);
  assert.match(traceback, /ZeroDivisionError: division by zero/);
  assert.ok(!traceback.includes('\x1b'), JSON.stringify(traceback));
});

jupyterTest('input() is answered through the input handler', async () => {
  const asked = await run("name = input('Who? ')\nprint('hello', name)", 'Ada');
  assert.equal(asked.status, 'ok');
  assert.deepEqual(asked.prompts, [{ prompt: 'Who? ', password: false }]);
  assert.equal(asked.stdout, 'hello Ada\n');
});

jupyterTest('without an input handler, input() fails at once instead of waiting', async () => {
  const asked = await run("input('nobody answers ')");
  assert.equal(asked.status, 'error');
  assert.equal(asked.errors[0].ename, 'StdinNotImplementedError');
});

jupyterTest('interrupt stops an endless loop and keeps the state', async () => {
  await run('kept_through_interrupt = 7');
  let looping;
  const started = new Promise((resolve) => { looping = resolve; });
  const endless = session.execute("print('looping', flush=True)\nwhile True: pass", {
    stream: () => looping(),
  });
  await started;
  await session.interrupt();
  const stopped = await endless;
  assert.equal(stopped.status, 'error');
  assert.equal((await run('print(kept_through_interrupt)')).stdout, '7\n');
});

jupyterTest("completion of 'import o' offers os, for the range it replaces", async () => {
  const completion = await session.complete('import o', 8);
  assert.ok(completion.matches.includes('os'), completion.matches.join(' '));
  assert.deepEqual([completion.cursorStart, completion.cursorEnd], [7, 8]);
});

jupyterTest('completion offsets are UTF-16 offsets, whatever characters come before', async () => {
  await run('emoji_value = 1');
  const code = "'😀'; emoji_v";
  const completion = await session.complete(code, code.length);
  assert.ok(completion.matches.includes('emoji_value'), completion.matches.join(' '));
  assert.deepEqual([completion.cursorStart, completion.cursorEnd], [code.length - 'emoji_v'.length, code.length]);
});

jupyterTest("inspection gives IPython's help on the name at the cursor, without colour codes", async () => {
  await run('def area(radius, digits=2):\n    """Area of a circle."""\n    return radius');
  const code = 'area(3, ';
  const help = await session.inspect(code, code.length);
  assert.match(help, /Signature: area\(radius, digits=2\)/);
  assert.match(help, /Area of a circle\./);
  assert.doesNotMatch(help, /\x1b/);
  assert.equal(await session.inspect('nothing_by_that_name', 5), '');
});

jupyterTest("the kernel starts in the server's root folder", async () => {
  assert.equal((await run('import os; print(os.path.realpath(os.getcwd()))')).stdout.trim(), realpathSync(home));
});

jupyterTest("data files copy into the server's folder, where the kernel opens them, and never over its own", async () => {
  const unique = `copied-${Date.now()}.csv`;
  const first = await session.copyDataFiles({ [unique]: { bytes: new TextEncoder().encode('a,b\n1,2\n').buffer, lastUpdated: '2026-12-03T06:00:00.000Z' } });
  assert.deepEqual(first, { copied: [unique], kept: [] });
  assert.equal((await run(`print(open(${JSON.stringify(unique)}).read(), end='')`)).stdout, 'a,b\n1,2\n');
  const second = await session.copyDataFiles({ [unique]: { bytes: new TextEncoder().encode('other').buffer, lastUpdated: '2026-12-03T06:00:00.000Z' } });
  assert.deepEqual(second, { copied: [], kept: [unique] });
  assert.equal((await run(`print(open(${JSON.stringify(unique)}).read(), end='')`)).stdout, 'a,b\n1,2\n');
});

jupyterTest('variables lists user variables with short reprs, not modules or hidden names', async () => {
  const defined = await run("answer = 42\nlong_text = 'x' * 10000\nimport json\ndef helper(): pass\n_private = 1");
  const variables = await session.variables();
  const byName = Object.fromEntries(variables.map((variable) => [variable.name, variable]));
  assert.deepEqual(byName.answer, { name: 'answer', type: 'int', repr: '42' });
  assert.equal(byName.long_text.type, 'str');
  assert.ok(byName.long_text.repr.length < 200, byName.long_text.repr);
  assert.equal(byName.helper.type, 'function');
  for (const absent of ['json', '_private', 'In', 'Out', 'get_ipython', 'exit', '_jodide_variables']) {
    assert.ok(!(absent in byName), `${absent} should not be listed`);
  }
  const next = await run('pass');
  assert.equal(next.executionCount, defined.executionCount + 1, 'listing variables is not counted');
});

jupyterTest('readGlobal copies a global as the browser\'s jodide.python.get does (global-value.js, decoded by python-copies.js)', async () => {
  const defined = await run([
    'import array', 'answer = 42', 'names = ("ada", "grace")', 'big = -2 ** 70', 'nan = float("nan")', 'nothing = None',
    'nested = {"k": [1, {"z": b"ab"}], 7: {1, 2}, "n": None}', 'marked = {"$jodide": "mine"}',
    'doubles = array.array("d", [1.5, -2.0])', 'longs = array.array("q", [-3])', 'view = memoryview(bytearray(b"\\x01\\x02"))',
    'class Point: pass', 'point = Point()', 'odd_keys = {(1, 2): "t"}',
    'loop = []', 'loop.append(loop)',
  ].join('\n'));
  const read = async (name) => decodePythonCopy(await session.readGlobal(name), 'The Jupyter server');
  assert.equal(await read('answer'), 42);
  assert.deepEqual(await read('names'), ['ada', 'grace'], 'a tuple is an array');
  assert.equal(await read('big'), -(2n ** 70n));
  assert.ok(Number.isNaN(await read('nan')));
  assert.equal(await read('nothing'), undefined);
  assert.deepEqual(await read('nested'), { k: [1, { z: new Uint8Array([97, 98]) }], 7: new Set([1, 2]), n: undefined });
  assert.deepEqual(await read('marked'), { $jodide: 'mine' }, 'a dict holding the mark is still a plain object');
  assert.deepEqual(await read('doubles'), new Float64Array([1.5, -2]));
  assert.deepEqual(await read('longs'), new BigInt64Array([-3n]));
  assert.deepEqual(await read('view'), new Uint8Array([1, 2]));
  await assert.rejects(session.readGlobal('absent'), (error) => error.message === 'Python has no global named "absent"');
  await assert.rejects(session.readGlobal('point'),
    (error) => /^Python's "point" has no JavaScript copy: it holds a Point, which is none of the values that have one/.test(error.message));
  await assert.rejects(session.readGlobal('odd_keys'), /"odd_keys" has no JavaScript copy: a dict key \(1, 2\) is neither a string nor an int/);
  await assert.rejects(session.readGlobal('loop'), /"loop" has no JavaScript copy: it is nested more than 100 levels deep/);
  const variables = (await session.variables()).map((variable) => variable.name);
  assert.ok(!variables.includes('_jodide_global'), 'the helper is hidden');
  const next = await run('pass');
  assert.equal(next.executionCount, defined.executionCount + 1, 'reading a global is not counted');
});

jupyterTest('status listeners hear busy and idle, and stop hearing once unsubscribed', async () => {
  const heard = [];
  const stop = session.onStatus((status) => heard.push(status));
  await run('pass');
  stop();
  await run('pass');
  assert.deepEqual(heard, ['busy', 'idle']);
});

jupyterTest('restart clears the state and resolves once the kernel is idle', async () => {
  await run('forgotten = 1');
  const heard = [];
  const stop = session.onStatus((status) => heard.push(status));
  await session.restart();
  stop();
  assert.ok(heard.includes('restarting'), heard.join(' '));
  assert.equal(heard.at(-1), 'idle', heard.join(' '));
  const afterRestart = await run('forgotten');
  assert.equal(afterRestart.errors[0].ename, 'NameError');
  assert.equal(afterRestart.executionCount, 1, 'a fresh kernel counts from 1');
});

jupyterTest('a run sent while an earlier one fails still runs: the kernel aborts nothing on its own', async () => {
  // Both requests wait in the kernel's queue together, the case ipykernel aborts with stop_on_error.
  const [failing, following] = await Promise.all([run('raise ValueError("first")'), run('print("second")')]);
  assert.equal(failing.status, 'error');
  assert.equal(following.status, 'ok');
  assert.equal(following.stdout, 'second\n');
});

jupyterTest('a kernel that crashes is restarted by the server: its execute comes back aborted', async () => {
  const heard = [];
  const stop = session.onStatus((status) => heard.push(status));
  const crashed = await run('import os\nos._exit(1)');
  assert.equal(crashed.status, 'aborted');
  assert.equal(crashed.executionCount, null);
  const fresh = await run('print("back")');
  stop();
  assert.equal(fresh.stdout, 'back\n');
  assert.equal(fresh.executionCount, 1, 'a fresh kernel counts from 1');
  assert.ok(heard.includes('autorestarting') && heard.includes('connected'), heard.join(' '));
});

jupyterTest('a kernel shut down by someone else is dead for the session, with a reason', async () => {
  // Noticed by the library's poll of the server's kernels, every 10 s: this test waits up to that.
  const own = await connectJupyter({ url: `${serverUrl}?token=${TOKEN}`, WebSocket });
  const dead = new Promise((resolve) => own.onStatus((status, detail) => status === 'dead' && resolve(detail)));
  await fetch(`${serverUrl}api/kernels/${own.kernelId}?token=${TOKEN}`, { method: 'DELETE' });
  assert.match(await dead, /The kernel is gone: .*shut it down/);
  await assert.rejects(own.execute('1'), /the kernel on .* is gone/);
  await own.dispose();
});

jupyterTest('a kernel list the server sent before the new kernel existed does not kill it', async () => {
  // The library's kernel manager polls GET /api/kernels from the moment it is made, and shuts down
  // every connection whose kernel a list lacks. A list asked for beside POST /api/kernels but
  // answered after it (a busy server) lacks the new kernel: that connection must not be made yet.
  let started;
  const kernelStarted = new Promise((resolve) => { started = resolve; });
  const lateLists = (input, init) => {
    const url = new URL(typeof input === 'string' ? input : input.url);
    const method = (init?.method ?? input.method ?? 'GET').toUpperCase();
    const answer = fetch(input, init);
    if (url.pathname.endsWith('/api/kernels') && method === 'POST') {
      return answer.finally(() => setTimeout(started, 50));
    }
    if (url.pathname.endsWith('/api/kernels') && method === 'GET') {
      // Held until the new kernel is up, or 2 s when nothing starts it.
      return Promise.race([kernelStarted, new Promise((resolve) => setTimeout(resolve, 2000))]).then(() => answer);
    }
    return answer;
  };
  const own = await connectJupyter({ url: `${serverUrl}?token=${TOKEN}`, WebSocket, fetch: lateLists });
  const ran = await own.execute('print("alive")', { stream: () => {} });
  assert.equal(ran.status, 'ok');
  await own.dispose();
});

jupyterTest('a refused token rejects with a message that says so, without the token', async () => {
  const wrong = `wrong-${randomBytes(8).toString('hex')}`;
  const error = await connectJupyter({ url: serverUrl, token: wrong, WebSocket }).then(() => null, (rejected) => rejected);
  assert.ok(error instanceof Error);
  assert.match(error.message, /refused the token \(HTTP 403\)/);
  assert.ok(error.message.includes(serverUrl));
  assert.ok(!error.message.includes(wrong) && !error.message.includes(TOKEN));
  const noToken = await connectJupyter({ url: serverUrl, WebSocket }).then(() => null, (rejected) => rejected);
  assert.match(noToken.message, /needs a token and none was given/);
});

jupyterTest('a kernel the server does not have is named with the ones it has', async () => {
  await assert.rejects(connectJupyter({ url: serverUrl, token: TOKEN, kernelName: 'julia-1.9', WebSocket }),
    /no "julia-1\.9" kernel \(it has: python3\)/);
});

jupyterTest('dispose shuts the kernel down on the server', async () => {
  const own = await connectJupyter({ url: `${serverUrl}?token=${TOKEN}`, WebSocket });
  const heard = [];
  own.onStatus((status, detail) => heard.push([status, detail]));
  await own.dispose();
  assert.deepEqual(heard.find(([status]) => status === 'dead'), ['dead', 'The kernel was shut down.']);
  const running = await (await fetch(`${serverUrl}api/kernels?token=${TOKEN}`)).json();
  assert.ok(!running.some((kernel) => kernel.id === own.kernelId));
  await assert.rejects(own.execute('1'), /the kernel on .* is gone/);
});

test('a server that is not running rejects with the address and what to check', async () => {
  const url = `http://127.0.0.1:${await freePort()}/`;
  const error = await connectJupyter({ url: `${url}?token=secret-value`, WebSocket }).then(() => null, (rejected) => rejected);
  assert.ok(error instanceof Error);
  assert.match(error.message, /Could not reach the Jupyter server at http:\/\/127\.0\.0\.1:\d+\/\. Check that it is running/);
  assert.match(error.message, /ServerApp\.allow_origin/);
  assert.ok(!error.message.includes('secret-value'));
  assert.ok(error.cause, 'the library error is kept as the cause');
});

test('a server address gives its base URL and token', () => {
  assert.deepEqual(parseServerAddress('http://host:8888/lab?token=abc'), { baseUrl: 'http://host:8888/', token: 'abc' });
  assert.deepEqual(parseServerAddress(' http://127.0.0.1:8888/tree?token=abc&x=1 '), { baseUrl: 'http://127.0.0.1:8888/', token: 'abc' });
  assert.deepEqual(parseServerAddress('https://hub.example/user/alice/lab/tree/work/a.ipynb?token=t'),
    { baseUrl: 'https://hub.example/user/alice/', token: 't' });
  assert.deepEqual(parseServerAddress('https://hub.example/user/tree/lab'), { baseUrl: 'https://hub.example/user/tree/', token: '' },
    'a hub user may be named like a page');
  assert.deepEqual(parseServerAddress('https://example.org/jupyter/notebooks/a.ipynb'), { baseUrl: 'https://example.org/jupyter/', token: '' });
  assert.deepEqual(parseServerAddress('https://example.org/jupyter'), { baseUrl: 'https://example.org/jupyter/', token: '' });
  assert.deepEqual(parseServerAddress('localhost:8888'), { baseUrl: 'http://localhost:8888/', token: '' }, 'http:// is assumed');
  assert.deepEqual(parseServerAddress('http://user:pw@host:8888/?token=a%2Fb'), { baseUrl: 'http://host:8888/', token: 'a/b' });
});

test('an address that is not http(s) is refused with a clear message, without its token', () => {
  assert.throws(() => parseServerAddress('ftp://host/'), /starts with http:\/\/ or https:\/\/, not ftp:\/\//);
  assert.throws(() => parseServerAddress('ws://host:8888/'), /not ws:\/\//);
  assert.throws(() => parseServerAddress(''), /No Jupyter server address/);
  assert.throws(() => parseServerAddress('http://exa mple:99999/?token=hidden'), (error) => {
    assert.match(error.message, /is not a web address/);
    assert.ok(!error.message.includes('hidden'));
    return true;
  });
});

test('stripAnsi removes SGR colours and other escape sequences, and keeps the text', () => {
  assert.equal(stripAnsi('\x1b[0;31mZeroDivisionError\x1b[0m: division by zero'), 'ZeroDivisionError: division by zero');
  assert.equal(stripAnsi('\x1b[1;32m----> \x1b[39m1\x1b[39;49m x'), '----> 1 x');
  assert.equal(stripAnsi('a\x1b[2Kb\x1b[10;20Hc\x1b[?25ld'), 'abcd', 'erase, cursor moves, private modes');
  assert.equal(stripAnsi('\x1b]8;;http://x\x07link\x1b]8;;\x07'), 'link', 'OSC hyperlinks');
  assert.equal(stripAnsi('\x1b(Bplain\x9b1mtext'), 'plaintext', 'character sets and 8-bit CSI');
  assert.equal(stripAnsi('no codes [here]'), 'no codes [here]');
  assert.equal(stripAnsi(undefined), '');
});

test('the default python3 may be any Python kernel of the server; a named kernel must exist', () => {
  const specs = {
    default: 'py311',
    kernelspecs: { ir: { spec: { language: 'R' } }, py310: { spec: { language: 'python' } }, py311: { spec: { language: 'python' } } },
  };
  assert.equal(chooseKernelSpec(specs, 'python3', { anyPython: true }), 'py311', 'the default spec when it is Python');
  assert.equal(chooseKernelSpec({ ...specs, default: 'ir' }, 'python3', { anyPython: true }), 'py310');
  assert.equal(chooseKernelSpec(specs, 'ir'), 'ir');
  assert.throws(() => chooseKernelSpec(specs, 'python3'), /no "python3" kernel \(it has: ir, py310, py311\)\. Install ipykernel/);
  assert.throws(() => chooseKernelSpec({ kernelspecs: {} }, 'python3', { anyPython: true }), /it has: none/);
});

test('offsets convert between UTF-16 code units and code points', () => {
  const text = 'a😀b';
  assert.equal(codePointOffset(text, 3), 2);
  assert.equal(codePointOffset(text, 4), 3);
  assert.equal(utf16Offset(text, 2), 3);
  assert.equal(utf16Offset(text, 3), 4);
  assert.equal(utf16Offset(text, 99), 4);
});

/** An nbformat 4 notebook's text with one code cell holding `source`. */
function ipynbWith(source) {
  return `${JSON.stringify({
    cells: [{ cell_type: 'code', execution_count: null, id: 'c1', metadata: {}, outputs: [], source: [source] }],
    metadata: { kernelspec: { display_name: 'Python 3', language: 'python', name: 'python3' } }, nbformat: 4, nbformat_minor: 5,
  }, null, 1)}\n`;
}

jupyterTest('a notebook is saved on the server, never over a file there unless asked to replace it', async () => {
  const first = await session.saveNotebook('analysis', ipynbWith('x = 1'));
  assert.deepEqual(first, { path: 'analysis.ipynb', url: `${serverUrl}lab/tree/analysis.ipynb` });
  const sourceOnDisk = () => [].concat(JSON.parse(readFileSync(join(home, 'analysis.ipynb'), 'utf8')).cells[0].source).join('');
  assert.equal(sourceOnDisk(), 'x = 1', 'the server wrote the notebook');
  await assert.rejects(session.saveNotebook('analysis.ipynb', ipynbWith('x = 2')),
    { name: 'FileExists', message: `analysis.ipynb exists on the Jupyter server at ${serverUrl}: replace it, or choose another name.` });
  assert.equal(sourceOnDisk(), 'x = 1', 'kept');
  await session.saveNotebook('analysis.ipynb', ipynbWith('x = 2'), { replace: true });
  assert.equal(sourceOnDisk(), 'x = 2', 'replaced');
  await assert.rejects(session.saveNotebook('no folder/here.ipynb', ipynbWith('')),
    (error) => error.message.startsWith(`Could not save no folder/here.ipynb on the Jupyter server at ${serverUrl}: `));
});

test('a notebook path is relative to the server folder and ends with .ipynb', () => {
  assert.equal(notebookPath(' /work/sales '), 'work/sales.ipynb');
  assert.equal(notebookPath('a\\b/./c.IPYNB'), 'a/b/c.IPYNB');
  assert.throws(() => notebookPath('  '), /Give the notebook a name/);
  assert.throws(() => notebookPath('../etc/x.ipynb'), /inside the server's folder/);
});

jupyterTest('the server\'s folders and notebooks are listed, and a notebook is read as text', async () => {
  mkdirSync(join(home, 'work', 'deep'), { recursive: true });
  writeFileSync(join(home, 'work', 'sales.iomd'), '%% md\n# Sales\n');
  writeFileSync(join(home, 'work', 'notes.txt'), 'not a notebook');
  writeFileSync(join(home, 'work', 'plot.ipynb'), ipynbWith('1 + 1'));
  writeFileSync(join(home, 'work', 'steps.py'), '# %%\nx = 1\n');
  assert.deepEqual(await session.listFolder('work'), [
    { name: 'deep', path: 'work/deep', folder: true },
    { name: 'plot.ipynb', path: 'work/plot.ipynb', folder: false },
    { name: 'sales.iomd', path: 'work/sales.iomd', folder: false },
    { name: 'steps.py', path: 'work/steps.py', folder: false },
  ]);
  assert.ok((await session.listFolder('')).some((entry) => entry.path === 'work' && entry.folder), 'the root lists its folders');
  assert.equal(await session.readNotebook('work/sales.iomd'), '%% md\n# Sales\n');
  assert.equal(await session.readNotebook('work/steps.py'), '# %%\nx = 1\n', 'a script comes as its text');
  assert.deepEqual(JSON.parse(await session.readNotebook('work/plot.ipynb')).cells[0].source, '1 + 1',
    'an .ipynb comes as its JSON (the server joins source lines)');
  await assert.rejects(session.listFolder('nowhere'), (error) => error.message.startsWith(`Could not list nowhere on the Jupyter server at ${serverUrl}: `));
  await assert.rejects(session.readNotebook('work/missing.ipynb'), /Could not read work\/missing.ipynb/);
});

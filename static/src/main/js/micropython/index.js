// micropython-support.js: MicroPython (its WebAssembly port, @micropython/micropython-webassembly-pyscript,
// ~430 KB of Wasm, starts in tens of ms) as the report frame's Python for notebooks and pages that
// choose it (?python=micropython). It runs on the frame's own thread: `from js import document`
// reaches the report's DOM directly, and Stop restarts it (the port has no interrupt another thread
// can raise). The Java side (org.jodide.ui.frame.MicroPythonRuntime) binds loadMicroPythonKernel.
//
//   loadMicroPythonKernel(siteUrl, (kernel) => ..., (message) => ...);
//   kernel.run(code, 'py chunk at line 3', 3, out)   // {value} or {error}; out.stdout(text), out.stderr(text),
//                                                     // out.display(mime, data), out.clear(), out.blocking()
//   kernel.completionsJson('os.pa');  kernel.workspaceJson();  kernel.version
//   kernel.get('total')                                // a copy of a global, for jodide.python.get

import KERNEL_PY from './kernel.py';
import IPYTHON_DISPLAY_PY from './ipython_display.py';
import { MICROPYTHON_DIR, PORT_MODULE, PORT_WASM } from './port-files.js';
import { missingGlobal, noCopy, noCopyOfType } from '../frame/python-values.js';
import { decodePythonCopy } from '../frame/python-copies.js';

/** The port's version, as its package.json gives it (filled in by the build). */
export const MICROPYTHON_VERSION = process.env.MICROPYTHON_VERSION;

/**
 * Loads MicroPython from `siteUrl` (absolute, ending with '/'), or from `urls` ({site path: URL}, the
 * blob: URLs of the copies the editor page handed the frame: frame/micropython-loader.js), and
 * Jodide's kernel into it; calls `ready(kernel)` or `failed(message)`.
 */
export function loadMicroPythonKernel(siteUrl, ready, failed, urls = {}) {
  startMicroPython(siteUrl, undefined, urls)
    .then(ready, (failure) => failed(`MicroPython could not start: ${failure && failure.message ? failure.message : failure}`));
}

/**
 * The kernel (see the head of this file), with `importer` to load the port's module (tests pass
 * Node's), from `urls` where they name a file, else from `siteUrl`.
 */
export async function startMicroPython(siteUrl, importer = (url) => import(url), urls = {}) {
  const fileUrl = (path) => urls[path] || new URL(path, siteUrl).href;
  const port = await importer(fileUrl(MICROPYTHON_DIR + PORT_MODULE));
  const output = new OutputStreams();
  const mp = await port.loadMicroPython({
    url: fileUrl(MICROPYTHON_DIR + PORT_WASM),
    stdout: (bytes) => output.write('stdout', bytes),
    stderr: (bytes) => output.write('stderr', bytes),
    linebuffer: false,
  });
  // input() asks through this (kernel.py): the text printed so far goes to the run's listener, and
  // the listener sends what it holds back (out.blocking), before the dialog holds the thread.
  // display() and clear_output() (kernel.py, IPython.display) show through it too.
  mp.registerJsModule('jodide_page', {
    ask(question) {
      output.flush();
      output.blocking();
      return globalThis.prompt(question);
    },
    display: (mime, data) => output.display(String(mime), String(data)),
    clear: (wait) => output.clear(Boolean(wait)),
  });
  mp.runPython(KERNEL_PY);
  // `from IPython.display import HTML, display` as in Jupyter: a module of the port's /lib, on its sys.path.
  mp.FS.mkdirTree('/lib/IPython');
  mp.FS.writeFile('/lib/IPython/__init__.py', '');
  mp.FS.writeFile('/lib/IPython/display.py', IPYTHON_DISPLAY_PY);
  const call = (name, ...args) => JSON.parse(mp.globals.get(name)(...args));
  /** {value, error} of a chunk that awaits, once the port has run `source` (the chunk, as kernel.py's _awaiting_source wrote it). */
  const awaited = async (source, sourceName) => {
    let answer;
    try {
      await mp.runPythonAsync(source);
      answer = call('_jodide_awaited');
    } catch (failure) {
      answer = failure?.name === 'PythonError'
        ? call('_jodide_awaited_error', String(failure.message), sourceName)
        : { error: portFailure(failure) };
    } finally {
      output.flush();
      output.to(null);
    }
    return { value: answer.value ?? null, error: answer.error ?? null };
  };
  return {
    version: `MicroPython ${MICROPYTHON_VERSION}`,
    /**
     * Runs a chunk: its printed text goes to `out` as it comes, line by line (out.stdout(text),
     * out.stderr(text)), its rich output as out.display(mime, data) (a value with a rich form shows
     * so, and has no value then), clear_output() as out.clear(), and out.blocking() is called before
     * input() holds the thread in the browser's prompt(); returns {value, error, awaiting}: awaiting
     * is null, or, for a chunk that awaits at its top level, a promise of its {value, error}.
     */
    run(code, sourceName, firstLine, out) {
      // What a callback printed before this run (a line without its end) is not this run's.
      output.flush();
      output.to(out);
      let answer;
      try {
        answer = call('_jodide_run', code, sourceName, firstLine);
      } catch (failure) {
        answer = { error: portFailure(failure) };
      }
      if (answer.awaiting !== undefined) {
        // A chunk that awaits at its top level: the port runs it (runPythonAsync) and the run ends when
        // its awaits have; its output goes on reaching `out` until then.
        return { value: null, error: null, awaiting: awaited(answer.awaiting, sourceName) };
      }
      output.flush();
      output.to(null);
      // Both fields, null when absent: the Java side reads them as strings.
      return { value: answer.value ?? null, error: answer.error ?? null, awaiting: null };
    },
    /**
     * Calls printed(stream, text) with what Python prints while no run is going: a function a chunk
     * left behind (a `setTimeout` callback, an asyncio task) printing after its run.
     */
    onOutputOutsideRuns(printed) {
      output.outside = printed;
    },
    /** Names completing `token` (whole tokens: `json.loads` for `json.lo`), as a JSON array. */
    completionsJson: (token) => mp.globals.get('_jodide_complete')(token),
    /** The user's variables, as a JSON array of {name, type, preview} (WorkspaceSnapshot's form). */
    workspaceJson: () => mp.globals.get('_jodide_variables')(),
    /** A copy of the Python global `name`, for `jodide.python.get`, as Pyodide's (kernel.py's _jodide_get); throws why it cannot be. */
    get(name) {
      return copiedValue(name, JSON.parse(mp.globals.get('_jodide_get')(String(name))));
    },
  };
}

/**
 * Not a Python exception (those come back as errors): the port itself failed (a Wasm trap, a
 * JavaScript error under `from js`). The run still ends, with what happened.
 */
function portFailure(failure) {
  return `MicroPython failed: ${failure && failure.message ? failure.message : failure}`;
}

/** The value of kernel.py's _jodide_get answer: the decoded copy, or the error that says why there is none. */
function copiedValue(name, answer) {
  if (answer.missing) throw missingGlobal(name);
  if (answer.noCopy) throw noCopy(name, answer.noCopy.why ?? noCopyOfType(answer.noCopy.type));
  return decodePythonCopy(answer, 'MicroPython');
}

/** The port's output, byte by byte, as text for the run's listener: a line at a time, and the rest at its end. */
class OutputStreams {
  constructor() {
    this.listener = null;
    this.outside = null; // Hears (stream, text) printed while no run's listener is set.
    this.pending = { stdout: [], stderr: [] };
    this.decoder = new TextDecoder();
  }

  to(listener) {
    this.listener = listener;
    this.clearWaiting = false;
  }

  /** A rich output, after the text printed before it. */
  display(mime, data) {
    this.flush();
    this.clearIfWaiting();
    if (this.listener) this.listener.display(mime, data);
  }

  /** clear_output(): at once, or (wait) when the run next shows something, so a redrawn display does not flicker. */
  clear(wait) {
    this.flush();
    if (wait) {
      this.clearWaiting = true;
    } else if (this.listener) {
      this.listener.clear();
    }
  }

  clearIfWaiting() {
    if (!this.clearWaiting) return;
    this.clearWaiting = false;
    if (this.listener) this.listener.clear();
  }

  write(stream, bytes) {
    const pending = this.pending[stream];
    for (const byte of bytes) {
      pending.push(byte);
      if (byte === 10) this.emit(stream);
    }
  }

  flush() {
    this.emit('stdout');
    this.emit('stderr');
  }

  /** The listener sends what it holds back now (the thread is about to block). */
  blocking() {
    if (this.listener && typeof this.listener.blocking === 'function') this.listener.blocking();
  }

  emit(stream) {
    const pending = this.pending[stream];
    if (pending.length === 0) return;
    const text = this.decoder.decode(new Uint8Array(pending));
    pending.length = 0;
    this.clearIfWaiting();
    if (this.listener) this.listener[stream](text);
    else if (this.outside) this.outside(stream, text);
  }
}

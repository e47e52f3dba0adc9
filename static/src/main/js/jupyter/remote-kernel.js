// A notebook's Python on a Jupyter server instead of Pyodide (bundled into jupyter-client.js). Connects to the
// server's REST and WebSocket API through @jupyterlab/services (the client JupyterLab itself uses),
// starts a kernel there, and gives the Java side (bound through TeaVM JSO) a session made of plain
// values, callbacks and Promises.
//
//   const session = await connectJupyter({ url: 'http://localhost:8888/lab?token=abc' });
//   const stop = session.onStatus((status, detail) => ...);
//   const { status } = await session.execute('print(1)', { stream: (name, text) => ... });
//   await session.dispose();
//
// The server must let this page in: --ServerApp.allow_origin=<the page's origin>. Requests carry the
// token in an Authorization header; the kernel's WebSocket carries it in its URL (browsers cannot set
// headers on a WebSocket). The token is in no message, log line or session field.

import { KernelManager, KernelSpecAPI, ServerConnection } from '@jupyterlab/services';
import { codePointOffset, utf16Offset } from './code-points.js';
import { failureDescriber, notAJupyterServer, refusedToken, unreachableKernel } from './connection-errors.js';
import { executeCode } from './execution.js';
import { watchOutputOutsideRuns } from './outside-runs.js';
import { chooseKernelSpec } from './kernel-specs.js';
import { watchKernelStatus } from './kernel-status.js';
import { parseServerAddress } from './server-address.js';
import { readVariables } from './variables.js';
import { readGlobal, UnreadableGlobal } from './global-value.js';
import { copyFilesToServer, listServerFolder, readServerNotebook, saveNotebookOnServer } from './server-files.js';

export { parseServerAddress } from './server-address.js';
export { stripAnsi } from './ansi.js';

/** How long a new or restarted kernel has to answer before connectJupyter or restart gives up. */
const KERNEL_READY_SECONDS = 60;
/** How long dispose waits for the server to shut the kernel down: it may be gone already. */
const SHUTDOWN_SECONDS = 5;

/**
 * Connects to the Jupyter server at `url` and starts a `kernelName` kernel there (by default
 * 'python3', or the server's Python kernel under another name). `token` defaults to the `?token=` of
 * `url`. Resolves with the session once the kernel answers; rejects with an Error whose message says
 * what went wrong (server unreachable, token refused, no such kernel, ...), its cause the library's.
 * `WebSocket` and `fetch` replace the browser's (tests under Node pass the `ws` package's).
 */
export async function connectJupyter({ url, token, kernelName, WebSocket, fetch } = {}) {
  const address = parseServerAddress(url);
  const serverUrl = address.baseUrl;
  const authToken = token || address.token;
  const describeFailure = failureDescriber({ baseUrl: serverUrl, token: authToken });
  const settings = ServerConnection.makeSettings({
    baseUrl: serverUrl,
    token: authToken,
    // The library appends the token to the WebSocket's URL by itself only when the page's host name
    // differs from the server's; a page on localhost:8000 and a server on localhost:8888 would go without.
    appendToken: true,
    ...(WebSocket ? { WebSocket } : {}),
    ...(fetch ? { fetch } : {}),
  });

  await checkJupyterServer(settings, authToken, describeFailure);
  const specs = await KernelSpecAPI.getSpecs(settings).catch((error) => {
    throw describeFailure(error, 'list the kernels');
  });
  const name = chooseKernelSpec(specs, kernelName ?? 'python3', { anyPython: kernelName == null, serverUrl });

  // The manager polls the server's kernel list (every 10 s), which is how a kernel that the server
  // culled or another client shut down is noticed: its socket may stay open, and the connection then
  // reports 'dead'.
  const manager = new KernelManager({ serverSettings: settings });
  let kernel;
  try {
    // The manager's first poll shuts down every connection whose kernel its list lacks: a list asked
    // for beside the start but answered after it would lack the new kernel and kill its connection.
    await withDeadline(manager.ready, KERNEL_READY_SECONDS);
    // `path: ''`: the kernel starts in the server's root folder, as a notebook at the root does in
    // JupyterLab (without it, in whatever folder the server process was started from), where the
    // notebooks saved on the server and the data files copied there are.
    kernel = await manager.startNew({ name, path: '' });
  } catch (error) {
    manager.dispose();
    throw describeFailure(error, `start a ${name} kernel`);
  }
  try {
    await whenKernelAnswers(kernel, serverUrl);
  } catch (error) {
    await withDeadline(kernel.shutdown(), SHUTDOWN_SECONDS).catch(() => {});
    kernel.dispose();
    manager.dispose();
    throw error;
  }
  return makeSession(kernel, manager, serverUrl, describeFailure, settings);
}

/**
 * GET /api, which any Jupyter server answers with its version (without a token, except behind
 * some proxies and hubs): tells an unreachable server from a wrong address from a refused token.
 */
async function checkJupyterServer(settings, token, describeFailure) {
  let response;
  try {
    response = await ServerConnection.makeRequest(new URL('api', settings.baseUrl).href, {}, settings);
  } catch (error) {
    throw describeFailure(error, 'reach the server');
  }
  // A hub sends a request without a valid token to its login page.
  const toLogin = response.redirected && /\/login\b/.test(new URL(response.url).pathname);
  if (response.status === 401 || response.status === 403 || toLogin) {
    throw refusedToken(settings.baseUrl, toLogin ? 302 : response.status, token !== '');
  }
  const about = response.ok ? await response.json().catch(() => null) : null;
  if (typeof about?.version !== 'string') {
    throw notAJupyterServer(settings.baseUrl, response.status);
  }
}

/**
 * Resolves once the kernel has answered its first kernel_info_request (the library sends one as soon
 * as the WebSocket is up); rejects if the kernel dies, the socket gives up, or it takes too long.
 */
function whenKernelAnswers(kernel, serverUrl) {
  return new Promise((resolve, reject) => {
    const finish = (error) => {
      clearTimeout(timer);
      if (!kernel.isDisposed) {
        kernel.statusChanged.disconnect(onStatus);
        kernel.connectionStatusChanged.disconnect(onConnection);
      }
      if (error) {
        reject(error);
      } else {
        resolve();
      }
    };
    const failed = () => finish(unreachableKernel(serverUrl, KERNEL_READY_SECONDS));
    const onStatus = (_, status) => status === 'dead' && finish(new Error(`The new kernel died on the Jupyter server at ${serverUrl} as it started.`));
    const onConnection = (_, status) => status === 'disconnected' && failed();
    const timer = setTimeout(failed, KERNEL_READY_SECONDS * 1000);
    kernel.statusChanged.connect(onStatus);
    kernel.connectionStatusChanged.connect(onConnection);
    kernel.info.then(() => finish(), failed);
  });
}

function makeSession(kernel, manager, serverUrl, describeFailure, settings) {
  let shuttingDown = false;
  const status = watchKernelStatus(kernel, { serverUrl, isShuttingDown: () => shuttingDown });
  // Every call's failure as a sentence about what was being done; library errors are terse ("Kernel is dead").
  // The kernel's own answers (UnreadableGlobal) pass as they are.
  const guarded = (doing, action) => Promise.resolve().then(action).catch((error) => {
    if (error instanceof UnreadableGlobal) {
      throw error;
    }
    if (kernel.isDisposed || kernel.status === 'dead') {
      throw new Error(`Could not ${doing}: the kernel on ${serverUrl} is gone (dead, or disconnected). Start a new one.`,
        { cause: error });
    }
    throw describeFailure(error, doing);
  });
  return {
    kernelId: kernel.id,
    kernelName: kernel.name,
    serverUrl,
    execute: (code, handlers) => guarded('run code', () => executeCode(kernel, String(code), handlers ?? {})),
    interrupt: () => guarded('interrupt the kernel', () => kernel.interrupt()),
    restart: () => guarded('restart the kernel', () => restartAndWait(kernel)),
    complete: (code, cursorPos) => guarded('complete code', () => completeAt(kernel, String(code), cursorPos)),
    inspect: (code, cursorPos) => guarded('inspect code', () => inspectAt(kernel, String(code), cursorPos)),
    variables: () => guarded('list the variables', () => readVariables(kernel)),
    /** The encoded copy ({value}) of the global `name` (global-value.js), for a js chunk's jodide.python.get. */
    readGlobal: (name) => guarded(`read the variable ${JSON.stringify(String(name))}`, () => readGlobal(kernel, String(name))),
    /** Writes a notebook's .ipynb text on the server (server-files.js): resolves with { path, url }. */
    saveNotebook: (path, ipynbText, options) => saveNotebookOnServer(settings, path, ipynbText, options),
    /** Copies data files ({name: base64}) into the server's root folder, never over its own (server-files.js): {copied, kept}. */
    copyDataFiles: (files) => copyFilesToServer(settings, files),
    /** The folders and notebooks (.ipynb, .iomd, .py) of a folder of the server (server-files.js). */
    listFolder: (path) => listServerFolder(settings, path),
    /** A notebook file's text on the server (server-files.js). */
    readNotebook: (path) => readServerNotebook(settings, path),
    onStatus: (listener) => status.onStatus(listener),
    /** Hears what the kernel prints after the run that printed it ended (outside-runs.js): listener(name, text). */
    onOutputOutsideRuns: (listener) => watchOutputOutsideRuns(kernel, listener),
    async dispose() {
      if (shuttingDown) {
        return;
      }
      shuttingDown = true;
      try {
        // Best effort: the server may be gone, or have shut the kernel down already.
        await withDeadline(kernel.shutdown(), SHUTDOWN_SECONDS).catch(() => {});
      } finally {
        kernel.dispose();
        manager.dispose();
        status.dispose();
      }
    },
  };
}

/**
 * Restarts the kernel (REST), then waits for it to be idle: the library's restart resolves as soon
 * as the new WebSocket is up, before the fresh kernel has said anything.
 */
async function restartAndWait(kernel) {
  await kernel.restart();
  if (kernel.status === 'idle') {
    return;
  }
  await new Promise((resolve, reject) => {
    const finish = (error) => {
      clearTimeout(timer);
      if (!kernel.isDisposed) {
        kernel.statusChanged.disconnect(onStatus);
      }
      if (error) {
        reject(error);
      } else {
        resolve();
      }
    };
    const onStatus = (_, status) => {
      if (status === 'idle') {
        finish();
      } else if (status === 'dead') {
        finish(new Error('the kernel died as it restarted'));
      }
    };
    const timer = setTimeout(() => finish(new Error(`the kernel was not idle ${KERNEL_READY_SECONDS} s after its restart`)),
      KERNEL_READY_SECONDS * 1000);
    kernel.statusChanged.connect(onStatus);
  });
}

/**
 * The kernel's completions at `cursorPos` (a UTF-16 offset, as in JavaScript and Java strings; the
 * end of `code` when left out): {matches, cursorStart, cursorEnd}, the range the matches replace,
 * in UTF-16 offsets too. None when the kernel could not complete.
 */
async function completeAt(kernel, code, cursorPos) {
  cursorPos = cursorPos ?? code.length;
  const reply = await kernel.requestComplete({ code, cursor_pos: codePointOffset(code, cursorPos) });
  const { status, matches, cursor_start: start, cursor_end: end } = reply.content;
  if (status !== 'ok') {
    return { matches: [], cursorStart: cursorPos, cursorEnd: cursorPos };
  }
  return { matches: [...matches], cursorStart: utf16Offset(code, start), cursorEnd: utf16Offset(code, end) };
}

/** Terminal colour codes, which IPython's help text is written with. */
const ANSI_CODES = /\x1b\[[0-9;]*[A-Za-z]/g;

/**
 * The kernel's help on the name at `cursorPos` (a UTF-16 offset; Jupyter's inspect_request, as
 * Shift+Tab asks it): its plain text without colour codes, or '' when the kernel found nothing.
 */
async function inspectAt(kernel, code, cursorPos) {
  const reply = await kernel.requestInspect({ code, cursor_pos: codePointOffset(code, cursorPos ?? code.length), detail_level: 0 });
  const { status, found, data } = reply.content;
  if (status !== 'ok' || !found || !data || typeof data['text/plain'] !== 'string') return '';
  return data['text/plain'].replace(ANSI_CODES, '').trimEnd();
}

/** `promise`, or a rejection once `seconds` have passed. */
function withDeadline(promise, seconds) {
  let timer;
  const deadline = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${seconds} s`)), seconds * 1000);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

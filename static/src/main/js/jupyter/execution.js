// Running code on a remote kernel (an execute_request through @jupyterlab/services) and handing
// what it sends back to plain callbacks, the shape the Java side binds.
//
//   const { status, executionCount, kernelMillis } = await executeCode(kernel, 'print(1)', {
//     stream(name, text) {}, display(bundle, isResult, displayId, update) {}, clearOutput(wait) {},
//     error(ename, evalue, traceback) {}, input(prompt, password, reply) {},
//   });

import { stripAnsi } from './ansi.js';
import { trackRequest } from './outside-runs.js';

/**
 * Runs `code` as a notebook cell (in the history, counted), calling `handlers` (all optional) for
 * its output. Resolves with {status: 'ok'|'error'|'aborted', executionCount, kernelMillis}: 'aborted'
 * also when the library gave up on the request (a restart, or the connection disposed) before the
 * kernel replied. kernelMillis is how long the kernel took, by its own clock (runTime), or null.
 *
 * stdin is allowed only with an input handler: without one the kernel's input() raises at once
 * (StdinNotImplementedError) rather than waiting for an answer nobody is asked for.
 * stop_on_error is off: the kernel never aborts a request because an earlier one failed. Jodide
 * decides itself what a failure skips (the rest of a Run All's group, in the frame), and ipykernel's
 * abort window after an error also caught a run sent just after the failing one's reply.
 * display(bundle, isResult, displayId, update): displayId is the display's display_id (null when it
 * has none), update true for update_display_data (the display of that id shows the bundle instead).
 */
export async function executeCode(kernel, code, handlers = {}) {
  const future = kernel.requestExecute({
    code,
    silent: false,
    store_history: true,
    allow_stdin: typeof handlers.input === 'function',
    stop_on_error: false,
  });
  const untrack = trackRequest(kernel, future);
  future.onIOPub = (message) => handleOutput(message, handlers);
  future.onStdin = (message) => {
    if (message.header.msg_type === 'input_request') {
      const { prompt, password } = message.content;
      let answered = false;
      call(handlers.input, prompt, Boolean(password), (text) => {
        // The kernel reads one reply per request; a second would land on its next input().
        if (!answered && !future.isDisposed) {
          answered = true;
          future.sendInputReply({ status: 'ok', value: String(text ?? '') }, message.header);
        }
      });
    }
  };
  try {
    const reply = await future.done;
    return { status: reply.content.status, executionCount: reply.content.execution_count ?? null, kernelMillis: runTime(reply) };
  } catch (error) {
    if (future.isDisposed) {
      return { status: 'aborted', executionCount: null, kernelMillis: null };
    }
    throw error;
  } finally {
    untrack();
  }
}

/**
 * How long the kernel took to run a request, by its own clock, from its execute_reply: from when it
 * began (ipykernel's `metadata.started`) to the reply (its header's `date`), the two times JupyterLab
 * records as `shell.execute_reply.started` and `shell.execute_reply`; null when either is missing.
 */
export function runTime(reply) {
  const started = Date.parse(reply?.metadata?.started ?? '');
  const ended = Date.parse(reply?.header?.date ?? '');
  return Number.isNaN(started) || Number.isNaN(ended) ? null : Math.max(0, ended - started);
}

function handleOutput(message, handlers) {
  const content = message.content;
  switch (message.header.msg_type) {
    case 'stream':
      call(handlers.stream, content.name, content.text);
      break;
    case 'display_data':
      call(handlers.display, content.data, false, displayIdOf(content), false);
      break;
    case 'update_display_data': {
      const displayId = displayIdOf(content);
      if (displayId !== null) call(handlers.display, content.data, false, displayId, true);
      break;
    }
    case 'execute_result':
      call(handlers.display, content.data, true, displayIdOf(content), false);
      break;
    case 'clear_output':
      call(handlers.clearOutput, Boolean(content.wait));
      break;
    case 'error':
      call(handlers.error, content.ename, content.evalue, stripAnsi((content.traceback ?? []).join('\n')));
      break;
    default:
      break;
  }
}

/** A display message's display_id (in its transient part), or null. */
function displayIdOf(content) {
  const id = content.transient?.display_id;
  return typeof id === 'string' && id !== '' ? id : null;
}

/** Calls handler if there is one; a handler that throws is reported, and the output goes on. */
function call(handler, ...args) {
  if (typeof handler !== 'function') {
    return;
  }
  try {
    handler(...args);
  } catch (error) {
    console.error('A kernel output handler failed', error);
  }
}

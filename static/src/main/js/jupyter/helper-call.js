// Calls a helper Jodide defines in a remote IPython kernel, without the user seeing it: one silent
// execute (not in the history, not counted, no output) runs the helper's source, and a user expression
// calls it. IPython formats a user expression's value as a display bundle, so a helper that returns an
// IPython.display.JSON answers with its 'application/json' entry, already parsed (variables.js,
// global-value.js).
//
//   const result = await callHelper(kernel, HELPER_SOURCE, '_jodide_variables()', 'list its variables');
//   if (result.status === 'ok') result.data['application/json']   // else result.ename, result.evalue

import { trackRequest } from './outside-runs.js';

/**
 * The user expression's result ({status, data} or {status: 'error', ename, evalue}); rejects when the
 * helper's source itself failed, saying that the kernel could not `doing`.
 */
export async function callHelper(kernel, helperSource, expression, doing) {
  const future = kernel.requestExecute({
    code: helperSource,
    silent: true,
    store_history: false,
    allow_stdin: false,
    stop_on_error: false,
    user_expressions: { result: expression },
  });
  const untrack = trackRequest(kernel, future);
  const reply = await future.done.finally(untrack).then((done) => done.content);
  if (reply.status !== 'ok') {
    throw new Error(`The kernel could not ${doing}: ${reply.ename ?? reply.status}: ${reply.evalue ?? ''}`);
  }
  return reply.user_expressions?.result ?? { status: 'error', ename: 'no answer', evalue: '' };
}

/** The parsed JSON a helper answered with (an IPython.display.JSON), or undefined when the kernel sent none. */
export function jsonOf(result) {
  return result.data?.['application/json'];
}

// The user's variables in a remote IPython kernel, for a variables pane: a helper called silently
// (helper-call.js) returns the list as an IPython.display.JSON.
//
//   await readVariables(kernel)   // [{name: 'answer', type: 'int', repr: '42'}, ...]

import { callHelper, jsonOf } from './helper-call.js';

/** At most this many variables are listed, in the namespace's order (the order they were first defined). */
export const MAX_VARIABLES = 500;

/** The helper's name: a leading underscore, so it lists neither itself nor IPython's _, __, _i1, ... */
const HELPER = '_jodide_variables';

/**
 * Lists what the user defined: names without a leading underscore, and not those IPython puts in the
 * namespace itself (In, Out, exit, quit, get_ipython: user_ns_hidden, as %who does). Modules are
 * left out (imports would crowd the list); functions and classes stay, as in JupyterLab's variable
 * inspector. reprlib keeps each repr short, however large the value.
 */
const HELPER_SOURCE = `
def ${HELPER}():
    import reprlib, types
    from IPython import get_ipython
    from IPython.display import JSON
    shell = get_ipython()
    hidden = shell.user_ns_hidden
    absent = object()
    short = reprlib.Repr()
    short.maxstring = short.maxother = 120
    found = []
    for name, value in list(shell.user_ns.items()):
        if name.startswith('_') or hidden.get(name, absent) is value or isinstance(value, types.ModuleType):
            continue
        try:
            text = short.repr(value)
        except Exception as error:
            text = '<repr failed: %s>' % type(error).__name__
        found.append({'name': name, 'type': type(value).__name__, 'repr': text})
        if len(found) == ${MAX_VARIABLES}:
            break
    return JSON(found)
get_ipython().user_ns_hidden[${JSON.stringify(HELPER)}] = ${HELPER}
`;

/** [{name, type, repr}] of the kernel's user namespace; rejects with the kernel's error if the helper failed. */
export async function readVariables(kernel) {
  const result = await callHelper(kernel, HELPER_SOURCE, `${HELPER}()`, 'list its variables');
  if (result.status !== 'ok') {
    throw new Error(`The kernel could not list its variables: ${result.ename}: ${result.evalue ?? ''}`);
  }
  const listed = jsonOf(result);
  if (!Array.isArray(listed)) {
    throw new Error('The kernel could not list its variables: it is not an IPython kernel (no application/json result).');
  }
  return listed.map(({ name, type, repr }) => ({ name: String(name), type: String(type), repr: String(repr) }));
}

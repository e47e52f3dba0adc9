// The user's variables in a remote IPython kernel, for a variables pane: a silent execute (not in
// the history, not counted, no output) defines a helper, and a user expression calls it. IPython
// formats a user expression's value as a display bundle; the helper returns an IPython.display.JSON,
// so the list arrives as its 'application/json' entry, already parsed.
//
//   await readVariables(kernel)   // [{name: 'answer', type: 'int', repr: '42'}, ...]

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
  const future = kernel.requestExecute({
    code: HELPER_SOURCE,
    silent: true,
    store_history: false,
    allow_stdin: false,
    stop_on_error: false,
    user_expressions: { variables: `${HELPER}()` },
  });
  const reply = (await future.done).content;
  if (reply.status !== 'ok') {
    throw new Error(`The kernel could not list its variables: ${reply.ename ?? reply.status}: ${reply.evalue ?? ''}`);
  }
  const result = reply.user_expressions?.variables;
  if (result?.status !== 'ok') {
    throw new Error(`The kernel could not list its variables: ${result?.ename ?? 'no answer'}: ${result?.evalue ?? ''}`);
  }
  const listed = result.data?.['application/json'];
  if (!Array.isArray(listed)) {
    throw new Error('The kernel could not list its variables: it is not an IPython kernel (no application/json result).');
  }
  return listed.map(({ name, type, repr }) => ({ name: String(name), type: String(type), repr: String(repr) }));
}

// Which of a Jupyter server's kernel specs to start.

/**
 * The name of the spec to start from the server's specs ({default, kernelspecs: {name: {spec: {language}}}},
 * as GET /api/kernelspecs gives them): `name` when the server has it. When `name` was not chosen by
 * the caller (`anyPython`), a server without a 'python3' spec may still have Python under another
 * name (an environment's own kernel): its default spec if that is Python, else the first Python one.
 * Throws an Error naming the kernels the server has when there is none to start.
 */
export function chooseKernelSpec(specs, name, { anyPython = false, serverUrl = 'the server' } = {}) {
  const available = specs?.kernelspecs ?? {};
  if (available[name]) {
    return name;
  }
  const python = Object.keys(available).filter((each) => available[each]?.spec?.language?.toLowerCase() === 'python');
  if (anyPython && python.length > 0) {
    return python.includes(specs.default) ? specs.default : python[0];
  }
  const listed = Object.keys(available).join(', ') || 'none';
  const install = anyPython || name.startsWith('python')
    ? ' Install ipykernel where the server runs (pip install ipykernel; python -m ipykernel install --user) and try again.'
    : '';
  throw new Error(`The Jupyter server at ${serverUrl} has no "${name}" kernel (it has: ${listed}).${install}`);
}

// The Python side of Jodide's kernel (pyodide-loader/src/main/python/jodide_kernel), as the site
// ships it: one JSON file, pyodide/jodide-kernel.json, mapping each file's path in the package
// tree to its source (written by build.mjs). The kernel fetches it while Pyodide loads, writes the
// files into Pyodide's file system and imports the package.
//
//   const files = await fetchJson('pyodide/jodide-kernel.json', 180000);
//   const kernel = installKernel(pyodide, files);   // the jodide_kernel module, a PyProxy
//   kernel.install(displaySink);

/** Where the kernel's package is written in Pyodide's file system (added to sys.path). */
export const KERNEL_DIR = '/jodide';

/** The package the kernel's files make. */
export const KERNEL_PACKAGE = 'jodide_kernel';

/**
 * Fetches and parses a JSON file; rejects with the reason: the HTTP status, a network error, bad
 * JSON, or no answer within timeoutMs.
 */
export function fetchJson(url, timeoutMs) {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(new Error(`no answer within ${timeoutMs / 1000} s`)), timeoutMs);
  return fetch(url, { signal: abort.signal }).then((response) => {
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return response.json();
  }).finally(() => clearTimeout(timer));
}

/**
 * Writes `files` ({path: source}, paths relative to the package root such as
 * 'jodide_kernel/__init__.py') under `dir` in Pyodide's file system, puts `dir` first on sys.path and
 * imports the kernel package. Returns the module's PyProxy; throws when the files are not a
 * kernel (no package in them, or a Python error on import).
 */
export function installKernel(pyodide, files, dir = KERNEL_DIR) {
  const entries = Object.entries(files || {});
  if (!entries.some(([path]) => path === `${KERNEL_PACKAGE}/__init__.py`)) {
    throw new Error(`the kernel files hold no ${KERNEL_PACKAGE} package`);
  }
  for (const [path, source] of entries) {
    if (path.split('/').includes('..') || path.startsWith('/')) {
      throw new Error(`a kernel file may not leave its folder: ${path}`);
    }
    const target = `${dir}/${path}`;
    pyodide.FS.mkdirTree(target.slice(0, target.lastIndexOf('/')));
    pyodide.FS.writeFile(target, String(source));
  }
  // First on sys.path: a user's file named like the package (in the working folder) cannot shadow it.
  const sys = pyodide.pyimport('sys');
  const path = sys.path;
  try {
    path.insert(0, dir);
  } finally {
    path.destroy();
    sys.destroy();
  }
  return pyodide.pyimport(KERNEL_PACKAGE);
}

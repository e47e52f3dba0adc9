// The Python side of Jodide's kernel (pyodide-loader/src/main/python/jodide_kernel), as the site
// ships it: one JSON file, pyodide/jodide-kernel.json, mapping each file's path in the package
// tree to its source (written by build.mjs). The kernel fetches it while Pyodide loads, writes the
// files into Pyodide's file system and imports the package, unless Python started from the site's
// memory snapshot, which holds the package imported already (python-snapshot.mjs: importKernelAhead)
// and marked with the digest of its files: compiling the kernel's 75 KB of Python in Wasm that no
// code cache has warmed took ~0.3-0.4 s of every start (Node, measured). A kernel imported from other
// files than those fetched (a snapshot older than the kernel) is forgotten and imported anew.
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

/** The kernel package's attribute naming the files it was imported from (kernelDigest), set by importKernelAhead. */
export const SOURCES_DIGEST = '_jodide_sources_digest';

/**
 * A digest of the kernel's files ({path: source}, as jodide-kernel.json holds them): two 32-bit
 * FNV-1a hashes, with different offsets, of their JSON text, as 16 hex digits. It tells a snapshot's
 * kernel from the files a start fetched, not an attacker's files from ours.
 */
export function kernelDigest(files) {
  const text = JSON.stringify(files);
  let low = 0x811c9dc5;
  let high = 0x050c5d1f;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    low = Math.imul(low ^ unit, 0x01000193);
    high = Math.imul(high ^ unit, 0x01000193);
  }
  const hex = (lane) => (lane >>> 0).toString(16).padStart(8, '0');
  return hex(high) + hex(low);
}

/**
 * Writes `files` ({path: source}, paths relative to the package root such as
 * 'jodide_kernel/__init__.py') under `dir` in Pyodide's file system (tracebacks, `inspect` and the
 * kernel's later imports read them), puts `dir` first on sys.path and imports the kernel package: the
 * one imported already when it came from these files (a start from the snapshot), else anew. Returns
 * the module's PyProxy; throws when the files are not a kernel (no package in them, or a Python error
 * on import).
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
  const sys = pyodide.pyimport('sys');
  try {
    putFirstOnPath(sys, dir);
    forgetKernelOfOtherFiles(sys, kernelDigest(files));
  } finally {
    sys.destroy();
  }
  return pyodide.pyimport(KERNEL_PACKAGE);
}

/**
 * What the snapshot maker does (python-snapshot.mjs): installs the kernel from `files` and marks it
 * with their digest, so that a start from the snapshot whose fetched files are the same uses it as
 * it is. Returns the module's PyProxy.
 */
export function importKernelAhead(pyodide, files, dir = KERNEL_DIR) {
  const kernel = installKernel(pyodide, files, dir);
  kernel[SOURCES_DIGEST] = kernelDigest(files);
  return kernel;
}

/** `dir` first on sys.path, once: a user's file named like the package (in the working folder) cannot shadow it. */
function putFirstOnPath(sys, dir) {
  const path = sys.path;
  try {
    if (path.get(0) !== dir) {
      while (path.has(dir)) path.remove(dir);
      path.insert(0, dir);
    }
  } finally {
    path.destroy();
  }
}

/** Takes the kernel's modules out of sys.modules unless they were imported from files of `digest`. */
function forgetKernelOfOtherFiles(sys, digest) {
  const modules = sys.modules;
  try {
    const imported = modules.get(KERNEL_PACKAGE);
    if (imported === undefined) {
      return;
    }
    const importedDigest = imported[SOURCES_DIGEST];
    imported.destroy();
    if (importedDigest === digest) {
      return;
    }
    const keys = modules.keys();
    const names = [...keys].filter((name) => name === KERNEL_PACKAGE || name.startsWith(`${KERNEL_PACKAGE}.`));
    keys.destroy();
    for (const name of names) modules.delete(name);
  } finally {
    modules.destroy();
  }
}

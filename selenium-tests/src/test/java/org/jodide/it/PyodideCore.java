package org.jodide.it;

import java.util.List;

/**
 * What the editor page hands the report's frame from its cache and has the service worker store
 * (frame/handed-pyodide-files.js: HANDED_PYODIDE_FILES): Pyodide's big files, its module script, the
 * lock file and the kernel's Python, as the server's paths.
 */
final class PyodideCore {
    static final List<String> SERVER_PATHS = List.of("/pyodide/pyodide.asm.wasm", "/pyodide/python_stdlib.zip",
            "/pyodide/python-snapshot.gz", "/pyodide/pyodide.asm.mjs", "/pyodide/pyodide-lock.json", "/pyodide/jodide-kernel.json");

    /** The same as paths of the site ({@code pyodide/pyodide.asm.wasm}). */
    static final List<String> SITE_PATHS = SERVER_PATHS.stream().map(path -> path.substring(1)).toList();

    private PyodideCore() {
    }
}

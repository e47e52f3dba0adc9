package org.jodide.pyodide;

/**
 * Where Pyodide comes from, mirroring the options of Pyodide's {@code loadPyodide(config)}.
 *
 * @param indexUrl        folder holding {@code pyodide.asm.wasm}, {@code python_stdlib.zip} and
 *                        {@code pyodide-lock.json}; relative URLs resolve against the page
 *                        (Pyodide's {@code indexURL}; Jodide's default: {@link #DEFAULT_INDEX_URL})
 * @param packageBaseUrl  where packages of the lock file are downloaded from; null keeps
 *                        Pyodide's default (the folder of the lock file)
 */
public record PyodideOptions(String indexUrl, String packageBaseUrl) {
    /** The copy of Pyodide the site ships, next to the page. */
    public static final String DEFAULT_INDEX_URL = "pyodide/";

    public PyodideOptions {
        if (indexUrl == null || indexUrl.isEmpty()) {
            throw new IllegalArgumentException("indexUrl must name the folder of pyodide.asm.wasm");
        }
    }

    public static PyodideOptions defaults() {
        return new PyodideOptions(DEFAULT_INDEX_URL, null);
    }
}

package org.jodide.pyodide;

/**
 * How the eval frame loads Pyodide and packages; mirrors Pyodide's {@code loadPyodide(config)}
 * options, with Jodide's defaults in one place.
 *
 * @param indexUrl         folder holding {@code pyodide.asm.wasm}, {@code python_stdlib.zip} and
 *                         {@code pyodide-lock.json}; relative URLs resolve against the frame
 *                         (Pyodide's {@code indexURL}; default {@link #DEFAULT_INDEX_URL}, the
 *                         copy the site ships)
 * @param packageIndexUrl  where the packages of the lock file (numpy, pandas, matplotlib...) are
 *                         downloaded from (Pyodide's {@code packageBaseUrl}); null means the
 *                         official index of the loaded Pyodide version,
 *                         {@link #OFFICIAL_PACKAGE_INDEX}
 * @param packageTimeoutMs how long, in milliseconds, loading a chunk's packages may take before
 *                         it fails with an error naming the package and the index
 */
public record PyodideOptions(String indexUrl, String packageIndexUrl, int packageTimeoutMs) {
    /** The copy of Pyodide the site ships, next to the page. */
    public static final String DEFAULT_INDEX_URL = "pyodide/";
    /** Pyodide's own default package location; {@code {version}} is the Pyodide version from the lock file. */
    public static final String OFFICIAL_PACKAGE_INDEX = "https://cdn.jsdelivr.net/pyodide/v{version}/full/";
    public static final int DEFAULT_PACKAGE_TIMEOUT_MS = 60_000;

    public PyodideOptions {
        if (indexUrl == null || indexUrl.isEmpty()) {
            throw new IllegalArgumentException("indexUrl must name the folder of pyodide.asm.wasm");
        }
        if (packageTimeoutMs <= 0) {
            throw new IllegalArgumentException("packageTimeoutMs must be > 0, got " + packageTimeoutMs);
        }
    }

    public static PyodideOptions defaults() {
        return new PyodideOptions(DEFAULT_INDEX_URL, null, DEFAULT_PACKAGE_TIMEOUT_MS);
    }

    public PyodideOptions withPackageIndexUrl(String url) {
        return new PyodideOptions(indexUrl, url, packageTimeoutMs);
    }

    public PyodideOptions withPackageTimeoutMs(int timeoutMs) {
        return new PyodideOptions(indexUrl, packageIndexUrl, timeoutMs);
    }
}

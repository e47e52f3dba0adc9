package org.jodide.pyodide;

/**
 * How the eval frame loads Pyodide and packages; mirrors Pyodide's {@code loadPyodide(config)}
 * options, with Jodide's defaults in one place.
 *
 * @param indexUrl         folder holding {@code pyodide.asm.wasm}, {@code python_stdlib.zip} and
 *                         {@code pyodide-lock.json}; relative URLs resolve against the frame
 *                         (Pyodide's {@code indexURL}; default {@link #DEFAULT_INDEX_URL}, the
 *                         copy the site ships)
 * @param packageIndexUrl  a package index laid out like the official one: its own
 *                         {@code pyodide-lock.json} (which import names which package, and its
 *                         file) next to the wheels (Pyodide's {@code packageBaseUrl}); null means
 *                         the official index of the shipped Pyodide version,
 *                         {@link #OFFICIAL_PACKAGE_INDEX}, described by the shipped lock file
 * @param packageTimeoutMs how long, in milliseconds, loading a chunk's packages may take before
 *                         it fails with an error naming the package and the index
 * @param loadTimeoutMs    how long, in milliseconds, loading Pyodide itself (lock file, Wasm
 *                         binary, standard library, the kernel's Python) may take in all before the kernel
 *                         fails with a message; a stalled download otherwise leaves it loading forever
 */
public record PyodideOptions(String indexUrl, String packageIndexUrl, int packageTimeoutMs, int loadTimeoutMs) {
    /** The copy of Pyodide the site ships, next to the page. */
    public static final String DEFAULT_INDEX_URL = "pyodide/";
    /**
     * The Pyodide version the site ships (npm {@code pyodide}, pinned by static/package-lock.json;
     * a test there fails when the two disagree). Its lock file does not name the version.
     */
    public static final String PYODIDE_VERSION = "314.0.7";
    /** Where the official packages of {@link #PYODIDE_VERSION} are: Pyodide's own default package location. */
    public static final String OFFICIAL_PACKAGE_INDEX = "https://cdn.jsdelivr.net/pyodide/v" + PYODIDE_VERSION + "/full/";
    /** The file, in {@link #indexUrl} and in every package index, that lists the packages. */
    public static final String LOCK_FILE = "pyodide-lock.json";
    /**
     * The file, in {@link #indexUrl}, that holds the Python side of Jodide's kernel
     * (pyodide-loader/src/main/python, shipped by static/build.mjs as {@code {path: source}}).
     */
    public static final String KERNEL_FILE = "jodide-kernel.json";
    /** The memory of a Pyodide that has just started, gzip-compressed (static/python-snapshot.mjs builds it). */
    public static final String SNAPSHOT_FILE = "python-snapshot.gz";
    public static final int DEFAULT_PACKAGE_TIMEOUT_MS = 60_000;
    /** About 30 MB over a slow (1 MB/s) line, with room to spare; a stall ends with a message and Retry. */
    public static final int DEFAULT_LOAD_TIMEOUT_MS = 180_000;

    public PyodideOptions {
        if (indexUrl == null || indexUrl.isEmpty()) {
            throw new IllegalArgumentException("indexUrl must name the folder of pyodide.asm.wasm");
        }
        if (packageTimeoutMs <= 0) {
            throw new IllegalArgumentException("packageTimeoutMs must be > 0, got " + packageTimeoutMs);
        }
        if (loadTimeoutMs <= 0) {
            throw new IllegalArgumentException("loadTimeoutMs must be > 0, got " + loadTimeoutMs);
        }
    }

    public static PyodideOptions defaults() {
        return new PyodideOptions(DEFAULT_INDEX_URL, null, DEFAULT_PACKAGE_TIMEOUT_MS, DEFAULT_LOAD_TIMEOUT_MS);
    }

    /** Where packages are downloaded from: the configured index, or the official one. */
    public String effectivePackageIndexUrl() {
        return packageIndexUrl != null ? packageIndexUrl : OFFICIAL_PACKAGE_INDEX;
    }

    /**
     * The lock file that maps imports to packages of {@link #effectivePackageIndexUrl()}: the
     * configured index's own, or the copy shipped with Pyodide, which describes the official index.
     */
    public String lockFileUrl() {
        return (packageIndexUrl != null ? packageIndexUrl : indexUrl) + LOCK_FILE;
    }

    /** Where the memory snapshot Python starts from is fetched from: next to Pyodide. */
    public String snapshotUrl() {
        return indexUrl + SNAPSHOT_FILE;
    }

    /** Where the Python side of Jodide's kernel is fetched from: next to Pyodide. */
    public String kernelUrl() {
        return indexUrl + KERNEL_FILE;
    }

    public PyodideOptions withPackageIndexUrl(String url) {
        return new PyodideOptions(indexUrl, url, packageTimeoutMs, loadTimeoutMs);
    }

    public PyodideOptions withPackageTimeoutMs(int timeoutMs) {
        return new PyodideOptions(indexUrl, packageIndexUrl, timeoutMs, loadTimeoutMs);
    }

    public PyodideOptions withLoadTimeoutMs(int timeoutMs) {
        return new PyodideOptions(indexUrl, packageIndexUrl, packageTimeoutMs, timeoutMs);
    }
}

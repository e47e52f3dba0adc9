package org.jodide.pyodide.internal;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;
import org.teavm.jso.core.JSPromise;

/** Overlay of the object {@code loadPyodide()} resolves to (the parts Jodide uses). */
public interface PyodideApi extends JSObject {
    @JSProperty
    String getVersion();

    /** Pyodide's {@code runPython(code, {globals, filename})}. */
    JSObject runPython(String code, RunOptions options);

    void setStdout(StreamOptions options);

    void setStderr(StreamOptions options);

    /**
     * Reads {@code pyodide-lock.json} from {@code indexUrl}, then calls the global
     * {@code loadPyodide} that {@code pyodide.js} defines, with the lock file and a package index:
     * {@code packageIndexUrl}, or when null the template with {@code {version}} replaced by the
     * lock file's Pyodide version. Resolves to {@code {pyodide, packageIndexUrl}}.
     */
    @JSBody(params = {"indexUrl", "packageIndexUrl", "template"}, script = ""
            + "return fetch(indexUrl + 'pyodide-lock.json').then(function(response) {"
            + "  if (!response.ok) throw new Error('HTTP ' + response.status + ' for ' + response.url);"
            + "  return response.json();"
            + "}).then(function(lock) {"
            + "  var packageBase = packageIndexUrl || template.replace('{version}', lock.info.version);"
            + "  return loadPyodide({indexURL: indexUrl, lockFileContents: lock, packageBaseUrl: packageBase})"
            + "    .then(function(pyodide) { return {pyodide: pyodide, packageIndexUrl: packageBase}; });"
            + "});")
    static JSPromise<Loaded> load(String indexUrl, String packageIndexUrl, String template) {
        throw new UnsupportedOperationException("browser only");
    }

    /** What {@link #load} resolves to. */
    interface Loaded extends JSObject {
        @JSProperty
        PyodideApi getPyodide();

        @JSProperty
        String getPackageIndexUrl();
    }

    @JSBody(params = "pyodide", script = "globalThis.pyodide = pyodide;")
    static void exposeAsGlobal(PyodideApi pyodide) {
        throw new UnsupportedOperationException("browser only");
    }

    /** Whether {@code pyodide.js} has been loaded into this page. */
    @JSBody(script = "return typeof loadPyodide === 'function';")
    static boolean isScriptLoaded() {
        throw new UnsupportedOperationException("browser only");
    }
}

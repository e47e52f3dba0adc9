package org.jodide.core.jupyter;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Modules that exist only for Python in the browser: a notebook written there imports them
 * ({@code from js import document}, {@code from pyodide.http import pyfetch}, {@code import micropip}),
 * and on a Jupyter server the import fails with a bare {@code ModuleNotFoundError}. The traceback
 * then gets a line saying why, and what does the same on a server.
 */
public final class BrowserOnlyModules {
    /** IPython's last line of a failed import: {@code ModuleNotFoundError: No module named 'pyodide'}. */
    private static final Pattern MISSING = Pattern.compile("ModuleNotFoundError: No module named '([\\w.]+)'\\s*$");

    private static final String BACK = " Or move Python back to this browser (Kernel…).";

    /** Why each is missing on a server, by the top-level name Python reports. */
    private static final Map<String, String> HINTS = Map.of(
            "js", "`js` is the page's JavaScript, which only Python in the browser reaches: Python on a Jupyter"
                    + " server cannot read JavaScript's variables. Compute with them in a js chunk, which still runs"
                    + " in the browser (and reads the server's variables with `await jodide.python.get(name)`)." + BACK,
            "pyodide_js", "`pyodide_js` is Pyodide's JavaScript API, in the browser only." + BACK,
            "pyodide", "`pyodide` is Python in the browser's own module. On the server, read URLs with"
                    + " urllib.request (or requests) and install packages with pip." + BACK,
            "micropip", "`micropip` installs packages into Python in the browser. On the server, install them with"
                    + " pip (`%pip install NAME` in a py chunk)." + BACK);

    private BrowserOnlyModules() {
    }

    /** The traceback with a last line saying why its module is missing on a server, or as it is when it is not such a failure. */
    public static String withHint(String traceback) {
        Matcher missing = MISSING.matcher(traceback);
        if (!missing.find()) {
            return traceback;
        }
        String hint = HINTS.get(missing.group(1).split("\\.", 2)[0]);
        return hint == null ? traceback : traceback.stripTrailing() + "\nPython runs on a Jupyter server: " + hint;
    }
}

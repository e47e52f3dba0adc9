package org.jodide.core.jupyter;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BrowserOnlyModulesTest {
    private static String failedImport(String module) {
        return "---------------------------------------------------------------------------\n"
                + "ModuleNotFoundError                       Traceback (most recent call last)\n"
                + "File \"py chunk at line 3\", line 4\n"
                + "----> 4 from x import y\n\n"
                + "ModuleNotFoundError: No module named '" + module + "'";
    }

    @Test
    void aModuleOfPythonInTheBrowserGetsALineSayingWhyAndWhatDoesTheSameOnTheServer() {
        String js = BrowserOnlyModules.withHint(failedImport("js"));
        assertTrue(js.startsWith(failedImport("js") + "\nPython runs on a Jupyter server: `js` is the page's JavaScript"), js);
        assertTrue(js.contains("jodide.python.get") && js.endsWith("(Kernel…)."), js);
        assertTrue(BrowserOnlyModules.withHint(failedImport("pyodide.http")).contains("urllib.request"), "by its top-level package");
        assertTrue(BrowserOnlyModules.withHint(failedImport("micropip")).contains("%pip install NAME"));
        assertTrue(BrowserOnlyModules.withHint(failedImport("pyodide_js")).contains("Pyodide's JavaScript API"));
    }

    @Test
    void otherTracebacksStayAsTheyAre() {
        for (String traceback : new String[] {failedImport("numpy"), failedImport("jsonschema"), "ZeroDivisionError: division by zero",
                "ModuleNotFoundError: No module named 'js'\nValueError: later"}) {
            assertEquals(traceback, BrowserOnlyModules.withHint(traceback));
        }
    }
}

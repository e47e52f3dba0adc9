package org.jodide.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.JavascriptExecutor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * After one visit the site works with its server gone: the service worker (sw.js) stored the app and
 * the Pyodide core at that visit; the reload is answered from that copy, the page finds the host
 * unreachable and hands the report frame its files from it (handed-frame.js), and Python runs.
 * The site is served as {@code ./jodide serve} does (cross-origin isolated) for the first visit.
 */
class OfflineIT {
    @RegisterExtension
    static final SiteExtension SITE = new SiteExtension();

    @Test
    void withTheServerStoppedAReloadRunsPython() {
        NotebookPage page = SITE.notebookPage().open();
        page.awaitKernelState("idle", NotebookPage.PYTHON);
        // The service worker has installed (stored its files) and is active.
        Object scope = ((JavascriptExecutor) SITE.browser().driver()).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "navigator.serviceWorker.ready.then((r) => done(r.active.state + ' ' + r.scope), (e) => done(String(e)));");
        assertTrue(String.valueOf(scope).startsWith("activated"), String.valueOf(scope));

        SITE.stopServer();
        page.reopen();
        page.replaceText("%% py\n1+1\n");
        page.awaitKernelState("idle", NotebookPage.PYTHON);
        page.putCursorAt(0);
        NotebookPage.ConsoleEntry entry = page.runWithShiftEnter();
        assertNull(entry.error());
        assertEquals("2", entry.value());
    }
}

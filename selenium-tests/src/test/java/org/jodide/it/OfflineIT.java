package org.jodide.it;

import org.jodide.site.SiteServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * After one visit the site works with its server gone: the service worker (sw.js) stored the app and
 * the Pyodide core at that visit; the reload is answered from that copy, the page finds the host
 * unreachable and hands the report frame its files from it (handed-frame.js), Python runs and markdown
 * renders. A package imported at that visit imports again with its index gone too: the editor page
 * kept the index's files (page/package-store.js) and hands them to the frame.
 * The site is served as {@code ./jodide serve} does (cross-origin isolated) for the first visit.
 */
class OfflineIT {
    @RegisterExtension
    static final SiteExtension SITE = new SiteExtension();

    /** What the editor page downloads for its frame and has the service worker store (frame/handed-pyodide-files.js). */
    private static final List<String> PYODIDE_CORE = List.of("pyodide/pyodide.asm.wasm", "pyodide/python_stdlib.zip",
            "pyodide/python-snapshot.gz", "pyodide/pyodide.asm.mjs", "pyodide/pyodide-lock.json", "pyodide/jodide-kernel.json");

    @Test
    void withTheServerAndThePackageIndexStoppedAReloadRendersMarkdownRunsPythonAndImportsAPackageUsedBefore(@TempDir Path index)
            throws Exception {
        SiteServer packages = LocalPackageIndex.serve(index);
        String query = "?packageIndex=" + packages.uri();
        NotebookPage page;
        try (packages) {
            page = SITE.notebookPage().openWith(query);
            page.replaceText(LocalPackageIndex.CHUNK);
            NotebookPage.ConsoleEntry online = page.runWithShiftEnter();
            assertEquals(LocalPackageIndex.GREETING_VALUE, online.value(), online.error() + "\n" + online.output());
            LocalPackageIndex.awaitCopiesKept(SITE.browser().driver(), packages);
            // The service worker has installed (stored the app shell) and is active, and has stored the
            // Pyodide files the page downloaded for its frame, which the page asked it to keep.
            String worker = page.activeServiceWorker();
            assertTrue(worker.startsWith("activated"), worker);
            page.awaitStoredCopies(PYODIDE_CORE, Duration.ofSeconds(60));
        }

        SITE.stopServer();
        page.reopenWith(query);
        page.replaceText("%% md\n# Offline *title*\n%% py\n1+1\n" + LocalPackageIndex.CHUNK);
        // Markdown renders with the renderer the service worker stored (markdown.wasm and its loader).
        String heading = page.inReport(driver -> new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> {
            List<WebElement> headings = d.findElements(By.cssSelector("#report h1 em"));
            return headings.isEmpty() ? null : headings.get(0).getText();
        }));
        assertEquals("title", heading);
        page.awaitKernelState("idle", NotebookPage.PYTHON);
        page.putCursorAt(page.editorText().indexOf("1+1"));
        NotebookPage.ConsoleEntry entry = page.runWithShiftEnter();
        assertNull(entry.error());
        assertEquals("2", entry.value());
        NotebookPage.ConsoleEntry imported = page.runWithShiftEnter();
        assertEquals(LocalPackageIndex.GREETING_VALUE, imported.value(), imported.error() + "\n" + imported.output());
    }
}

package org.jodide.it;

import org.jodide.browser.BuiltSite;
import org.jodide.site.SiteServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * After one visit the site works with its server gone: the service worker (sw.js) stored the app at
 * its install and the Pyodide core when the page asked it to (handed-frame.js: askToStore), and a
 * new build's worker stores that core again; the reload is answered from that copy, the page finds the host
 * unreachable and hands the report frame its files from it (handed-frame.js), Python runs and markdown
 * renders. A package imported at that visit imports again with its index gone too: the editor page
 * kept the index's files (page/package-store.js) and hands them to the frame.
 * The site is served as {@code ./jodide serve} does (cross-origin isolated) for the first visit.
 */
class OfflineIT {
    @RegisterExtension
    static final SiteExtension SITE = new SiteExtension();

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
            page.awaitActivatedServiceWorker(Duration.ofSeconds(60));
            page.awaitStoredCopies(PyodideCore.SITE_PATHS, Duration.ofSeconds(60));
            // A diagram drawn once: Mermaid, which the page read for its frame, is stored too.
            page.replaceText(LocalPackageIndex.CHUNK + DIAGRAM);
            assertEquals(List.of("Stored", "Drawn"), page.awaitDiagramLabels(Duration.ofSeconds(60)));
            page.awaitStoredCopies(List.of("mermaid.js"), Duration.ofSeconds(60));
        }

        SITE.stopServer();
        page.reopenWith(query);
        page.replaceText("%% md\n# Offline *title*\n%% py\n1+1\n" + LocalPackageIndex.CHUNK + DIAGRAM);
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
        assertEquals(List.of("Stored", "Drawn"), page.awaitDiagramLabels(Duration.ofSeconds(60)), "Mermaid from the stored copy");
    }

    private static final String DIAGRAM = "%% md\n```mermaid\nflowchart LR\n    Stored --> Drawn\n```\n";

    /**
     * A new build's service worker stores again what the last build's had stored on the page's ask
     * (Pyodide's core, which its install does not store for a site whose pages never ran Pyodide):
     * after the update, with the server gone, Python still runs. The site is a copy, served by a
     * server of its own (another origin: nothing of the other test's visits counts), and the new
     * build is that copy with one file changed and its sw.js made again (service-worker.mjs).
     */
    @Test
    void aNewBuildKeepsPyodidesCoreStoredAndPythonRunsOfflineAfterTheUpdate(@TempDir Path copy) throws Exception {
        Path built = BuiltSite.root().toAbsolutePath().normalize();
        // Links to the built site, but the two files the new build rewrites, which are copies.
        Set<String> rewritten = Set.of("favicon.svg", "sw.js");
        SiteCopy.linkExcept(built, copy, rewritten);
        for (String file : rewritten) {
            Files.copy(built.resolve(file), copy.resolve(file));
        }
        SiteServer site = SiteServer.start(copy, 0);
        NotebookPage page = new NotebookPage(SITE.browser().driver(), site.uri());
        try {
            page.open();
            assertEquals("2", page.runChunkWith("%% py\n1+1\n", "1+1").value());
            page.awaitStoredCopies(PyodideCore.SITE_PATHS, Duration.ofSeconds(60));
            String before = ownCaches();

            Files.writeString(copy.resolve("favicon.svg"), Files.readString(copy.resolve("favicon.svg")) + "\n<!-- a new build -->\n");
            Process rebuild = new ProcessBuilder("node", "service-worker.mjs", copy.toString())
                    .directory(built.getParent().getParent().toFile()).inheritIO().start();
            assertEquals(0, rebuild.waitFor(), "service-worker.mjs");
            // The visit after the build checks sw.js, installs the new worker (which stores the core
            // again) and activates it, which deletes the older cache.
            page.reopen();
            new WebDriverWait(SITE.browser().driver(), Duration.ofSeconds(60))
                    .until(d -> !ownCaches().equals(before) && !ownCaches().contains(","));
            page.awaitStoredCopies(PyodideCore.SITE_PATHS, Duration.ofSeconds(60));
        } finally {
            site.close();
        }
        page.reopen();
        assertEquals("2", page.runChunkWith("%% py\n1+1\n", "1+1").value());
    }

    /**
     * A first visit registers the service worker only once its Python has started (OfflineCopy.java):
     * the worker's install downloads the app shell again and compiles its scripts, which held up the
     * page's start when it registered at the load event. The host's log orders the requests: sw.js is
     * asked for after MicroPython's Wasm (the frame's Python loads it before it is ready), where before
     * it came first. A site of its own (another origin: a first visit), on MicroPython, which starts fast.
     */
    @Test
    void aFirstVisitRegistersTheServiceWorkerOnlyOncePythonHasStarted() throws Exception {
        try (SiteServer site = SiteServer.start(BuiltSite.root(), 0)) {
            NotebookPage page = new NotebookPage(SITE.browser().driver(), site.uri()).openWith("?python=micropython");
            page.awaitKernelState("idle", Duration.ofSeconds(30));
            page.awaitActivatedServiceWorker(Duration.ofSeconds(60));
            List<String> requests = site.answeredRequests();
            int python = requests.indexOf("GET /micropython/micropython.wasm 200");
            int worker = requests.indexOf("GET /sw.js 200");
            assertTrue(python >= 0 && worker > python, "requests, oldest first: " + requests);
        }
    }

    /** The names of the site's caches in the current page's origin, joined by commas. */
    private static String ownCaches() {
        return String.valueOf(((JavascriptExecutor) SITE.browser().driver()).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "caches.keys().then((names) => done(names.filter((n) => n.startsWith('jodide-')).join(',')), (e) => done(String(e)));"));
    }
}

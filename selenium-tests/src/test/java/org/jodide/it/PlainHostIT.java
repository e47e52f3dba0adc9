package org.jodide.it;

import org.jodide.browser.BuiltSite;
import org.jodide.site.SiteServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The site on a server that sends none of Jodide's headers, as {@code python3 -m http.server}
 * ({@link SiteServer.Isolation#BARE}), GitHub Pages or S3 without configuration: Python runs at the
 * first visit, with no reload. The sandboxed report frame could not load the site's files itself
 * there (its origin is opaque, and the host sends no {@code Access-Control-Allow-Origin}), so the
 * editor page, which may, hands them to it (static/src/main/js/page/handed-frame.js). The page is
 * not cross-origin isolated there, so Python runs on the report's thread and the Stop button says
 * that Stop restarts the kernel.
 */
class PlainHostIT {
    @RegisterExtension
    static final SiteExtension SITE = new SiteExtension(SiteServer.Isolation.BARE);

    @Test
    void pythonRunsAndPrintsAndStopSaysItRestarts() {
        NotebookPage page = SITE.notebookPage().open();
        page.replaceText("%% py\nprint('printed on a plain host')\n1+1\n");
        page.awaitKernelState("idle", NotebookPage.PYTHON);
        page.putCursorAt(0);
        NotebookPage.ConsoleEntry entry = page.runWithShiftEnter();
        assertNull(entry.error());
        assertEquals("2", entry.value());
        assertTrue(entry.output().contains("printed on a plain host"), entry.output());
        // The report, in the frame, shows the printed line too.
        String report = page.inReport(d -> d.findElement(By.id("report")).getText());
        assertTrue(report.contains("printed on a plain host"), report);

        WebElement stop = SITE.browser().driver().findElement(By.id("stop-run"));
        assertEquals("restarts", stop.getDomAttribute("data-stop"));
        assertTrue(stop.getDomAttribute("title").contains("restarting the kernel"), stop.getDomAttribute("title"));
    }

    /**
     * A ```mermaid block is drawn on a plain host too: the frame, which cannot fetch from this host,
     * is handed Mermaid by the editor page when the first diagram needs it (frame/site-modules.js).
     */
    @Test
    void aMermaidDiagramIsDrawnWithMermaidHandedByThePage() {
        NotebookPage page = SITE.notebookPage().open();
        page.replaceText("%% md\n```mermaid\nflowchart LR\n    Read --> Draw\n```\n");
        List<String> labels = page.awaitDiagramLabels(Duration.ofSeconds(60));
        assertEquals(List.of("Read", "Draw"), labels);
    }

    /**
     * MicroPython on a plain host: the editor page hands the frame MicroPython's files
     * (frame/micropython-loader.js takes them from window.jodideHandedScripts) and none of Pyodide's
     * 20 MB, which it used to hand every frame; then, with the host gone, a reload runs MicroPython
     * from the service worker's copies. Before, the frame fetched MicroPython's files itself, which a
     * host without CORS headers refuses to its opaque origin: MicroPython never started there (checked:
     * the kernel stays loading with the older build). A host of its own (another origin: a first visit).
     */
    @Test
    void microPythonRunsHandedItsOwnFilesOnlyAndOfflineAfterOneVisit() throws Exception {
        NotebookPage page;
        try (SiteServer site = SiteServer.start(BuiltSite.root(), 0, SiteServer.Isolation.BARE)) {
            page = new NotebookPage(SITE.browser().driver(), site.uri()).openWith("?python=micropython");
            page.awaitKernelState("idle", Duration.ofSeconds(30));
            assertEquals("42", page.runChunkWith("%% py\nimport sys\nprint(sys.implementation.name)\n6 * 7\n", "6 * 7").value());
            List<String> pyodide = site.downloadedPaths().stream().filter(PyodideCore.SERVER_PATHS::contains).toList();
            assertEquals(List.of(), pyodide, "downloaded: " + site.downloadedPaths());
            assertTrue(site.downloadedPaths().contains("/micropython/micropython.wasm"), "downloaded: " + site.downloadedPaths());
            page.awaitStoredCopies(MicroPythonFiles.SITE_PATHS, Duration.ofSeconds(60));
        }
        page.reopenWith("?python=micropython");
        page.awaitKernelState("idle", Duration.ofSeconds(30));
        NotebookPage.ConsoleEntry offline = page.runChunkWith("%% py\nimport sys\nprint(sys.implementation.name)\n6 * 7\n", "6 * 7");
        assertEquals("42", offline.value(), offline.error());
        assertTrue(offline.output().contains("micropython"), offline.output());
    }

    /**
     * The handed frame is as opaque as a served one: the editor page fetches the package index's
     * files for it too, so that a revisit does not download them again.
     */
    @Test
    void aRevisitTakesThePackageFromTheBrowsersCacheInsteadOfDownloadingItAgain(@TempDir Path index) throws Exception {
        try (SiteServer packages = LocalPackageIndex.serve(index)) {
            LocalPackageIndex.assertARevisitDownloadsNothingAgain(SITE.notebookPage(), packages);
        }
    }
}

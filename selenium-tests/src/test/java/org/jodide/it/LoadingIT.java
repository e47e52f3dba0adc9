package org.jodide.it;

import org.jodide.browser.BuiltSite;
import org.jodide.browser.DirectDevTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * While the page and Python load: the notebook's text takes typing before the editor has loaded,
 * a real download progress bar, and an editor that takes typing before Python is ready.
 */
class LoadingIT {
    @RegisterExtension
    static final SiteExtension SITE = new SiteExtension();

    /** Records every value the progress bar takes, from the very start of the page. */
    private static final String RECORD_PROGRESS = ""
            + "window.__progressLog = [];"
            + "new MutationObserver(() => {"
            + "  const bar = document.getElementById('kernel-progress');"
            + "  if (!bar || bar.dataset.totalBytes === undefined) return;"
            + "  const last = window.__progressLog[window.__progressLog.length - 1];"
            + "  const entry = [Number(bar.dataset.loadedBytes), Number(bar.dataset.totalBytes)];"
            + "  if (!last || last[0] !== entry[0] || last[1] !== entry[1]) window.__progressLog.push(entry);"
            + "}).observe(document, {subtree: true, attributes: true, attributeFilter: ['data-loaded-bytes', 'data-total-bytes']});";

    @Test
    @SuppressWarnings("unchecked")
    void theProgressBarCountsTheBytesOfPyodidesDownloadsThenHides() throws IOException {
        SITE.browser().driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORD_PROGRESS));
        NotebookPage page = SITE.notebookPage().open();
        page.awaitKernelState("idle", NotebookPage.PYTHON);

        long expected = Files.size(BuiltSite.root().resolve("pyodide/pyodide.asm.wasm"))
                + Files.size(BuiltSite.root().resolve("pyodide/python_stdlib.zip"));
        List<List<Number>> log = (List<List<Number>>) page.script("return window.__progressLog;");
        assertTrue(log.size() >= 2, "several steps were shown: " + log);
        List<Number> last = log.get(log.size() - 1);
        assertEquals(expected, last.get(0).longValue(), "every byte counted: " + log);
        assertEquals(expected, last.get(1).longValue());
        assertTrue(log.stream().anyMatch(step -> step.get(0).longValue() < expected), "a step before the end: " + log);
        for (int i = 1; i < log.size(); i++) {
            assertTrue(log.get(i).get(0).longValue() >= log.get(i - 1).get(0).longValue(), "never goes back: " + log);
        }
        WebElement bar = SITE.browser().driver().findElement(By.id("kernel-progress"));
        assertTrue(bar.getDomAttribute("hidden") != null, "hidden once Python is ready");
    }

    /**
     * The modules evalframe.html imports and its Python worker's scripts, which the editor page hands
     * to its frame (page/frame-scripts.js: FRAME_MODULES, WORKER_ONLY_SCRIPTS).
     */
    private static final List<String> FRAME_SCRIPTS = List.of("/report-libs.js", "/frame-runtime.js", "/uncaught-errors.js",
            "/python-worker-support.js", "/pyodide-support.js", "/page-support.js", "/evalframe.js",
            "/pyodide/pyodide.mjs", "/python-worker-remote.js", "/python-worker.js");

    /**
     * The report's frame has an opaque origin, hence no HTTP cache of its own: on a revisit it gets
     * its modules and Pyodide's files from the editor page, which has them from its cache (the host answers 304),
     * and Python starts from the site's memory snapshot, renewed: each start draws its own random
     * numbers and has one working folder on sys.path, and uses the kernel the snapshot imported.
     */
    @Test
    void aRevisitDownloadsPyodidesBigFilesNoMoreAndPythonStartsFromItsSnapshotRenewed() {
        NotebookPage page = SITE.notebookPage().open();
        page.awaitKernelState("idle", NotebookPage.PYTHON);
        // The kernel module carries its files' digest only when it is the snapshot's, imported ahead
        // (kernel-files.js: importKernelAhead); a start that imported it anew has none.
        String probe = "%% py\nimport os, random, sys\n(random.random(), sys.path.count(''), os.environ['LANG'],"
                + " hasattr(sys.modules['jodide_kernel'], '_jodide_sources_digest'))\n";
        page.replaceText(probe);
        String first = page.runWithShiftEnter().value();
        int before = SITE.server().downloadedPaths().size();

        page.reopen();
        page.awaitKernelState("idle", NotebookPage.PYTHON);
        page.replaceText(probe);
        String second = page.runWithShiftEnter().value();
        List<String> revisit = SITE.server().downloadedPaths().subList(before, SITE.server().downloadedPaths().size());

        for (String file : PyodideCore.SERVER_PATHS) {
            assertFalse(revisit.contains(file), file + " was downloaded again: " + revisit);
        }
        // Nor are the frame's own modules and its worker's scripts (page/frame-scripts.js): the page hands them over too.
        for (String script : FRAME_SCRIPTS) {
            assertFalse(revisit.contains(script), script + " was downloaded again: " + revisit);
        }
        // $LANG as a fresh start in this browser has it, not as the snapshot's start (under Node: C.UTF-8).
        String language = page.string("navigator.language").replace('-', '_') + ".UTF-8";
        String expected = "\\(0\\.\\d+, 1, '" + java.util.regex.Pattern.quote(language) + "', True\\)";
        // False at the end: the kernel was imported at the start, not taken from the snapshot, whose
        // kernel is older than the site's (rebuild it: node python-snapshot.mjs target/site).
        assertTrue(first.matches(expected), first + " is not like " + expected);
        assertTrue(second.matches(expected), second + " is not like " + expected);
        assertNotEquals(first, second, "each start draws its own random numbers");
    }

    /**
     * Once the service worker stored Pyodide's big files, a revisit hands the frame those copies
     * after a HEAD finds the host serving the same version: no GET of them at all, not even a
     * revalidation (page/stored-site-files.js). A file the host changed is downloaded again,
     * stored, and the next visit takes the new copy.
     */
    @Test
    void aRevisitTakesPyodidesBigFilesFromTheStoredCopyWhileTheHostServesThatVersion() throws IOException {
        NotebookPage page = openWithTheServiceWorker();
        List<String> revisit = visitAndRun(page);
        for (String file : PyodideCore.SERVER_PATHS) {
            assertTrue(revisit.contains("HEAD " + file + " 200"), file + " was not checked with a HEAD: " + revisit);
            assertFalse(revisit.stream().anyMatch(request -> request.startsWith("GET " + file + " ")), file + " was asked for: " + revisit);
        }

        Path stdlib = SITE.server().resolve("/pyodide/python_stdlib.zip");
        FileTime built = Files.getLastModifiedTime(stdlib);
        try {
            // A new version for the host: the same bytes with another Last-Modified, hence another ETag.
            Files.setLastModifiedTime(stdlib, FileTime.from(built.toInstant().plusSeconds(3600)));
            List<String> changed = visitAndRun(page);
            assertTrue(changed.contains("GET /pyodide/python_stdlib.zip 200"), "the new version was not downloaded: " + changed);
            assertFalse(changed.contains("GET /pyodide/pyodide.asm.wasm 200"), "an unchanged file was downloaded: " + changed);

            List<String> after = visitAndRun(page);
            assertTrue(after.contains("HEAD /pyodide/python_stdlib.zip 200"), after.toString());
            assertFalse(after.stream().anyMatch(request -> request.startsWith("GET /pyodide/python_stdlib.zip ")),
                    "the new version was not stored: " + after);
        } finally {
            Files.setLastModifiedTime(stdlib, built);
        }
    }

    /** Whether the kernel was taken from the snapshot (its module carries its files' digest only then). */
    private static final String FROM_THE_SNAPSHOT = "%% py\nimport sys\nhasattr(sys.modules['jodide_kernel'], '_jodide_sources_digest')\n";

    /**
     * Pyodide's memory snapshot is kept decompressed beside the stored file, of the same version (made
     * by the page's own worker: page/decompressed-copy.js), and a revisit hands the frame that copy (no decompression on the
     * way to the first result): with the stored file itself made unreadable, Python still starts from
     * the snapshot.
     */
    @Test
    void aRevisitStartsPythonFromTheStoredDecompressedSnapshot() throws IOException {
        NotebookPage page = openWithTheServiceWorker();
        List<Object> copies = awaitSnapshotCopies(page);
        assertEquals(copies.get(0), copies.get(1), "the copy has its file's version (ETag): " + copies);
        assertEquals(gzipSize(BuiltSite.root().resolve("pyodide/python-snapshot.gz")), ((Number) copies.get(2)).longValue(),
                "the copy holds the decompressed snapshot: " + copies);
        try {
            assertEquals("True", startedFromTheSnapshotWithADamaged(page, "pyodide/python-snapshot.gz"),
                    "Python did not start from the decompressed copy");
        } finally {
            forgetSnapshotCopies(page);
        }
    }

    /** A decompressed copy Pyodide refuses costs the snapshot only: Python starts without it and runs. */
    @Test
    void aDamagedDecompressedSnapshotOnlyCostsTheSnapshot() {
        NotebookPage page = openWithTheServiceWorker();
        awaitSnapshotCopies(page);
        try {
            assertEquals("False", startedFromTheSnapshotWithADamaged(page, "pyodide/python-snapshot"),
                    "the damaged copy was not what the frame got");
            page.replaceText("%% py\nsum(range(10))\n");
            assertEquals("45", page.runWithShiftEnter().value());
        } finally {
            forgetSnapshotCopies(page);
        }
    }

    /** The uncompressed size a gzip file states (its last four bytes, little-endian). */
    private static long gzipSize(Path gzip) throws IOException {
        byte[] bytes = Files.readAllBytes(gzip);
        int n = bytes.length;
        return (bytes[n - 4] & 0xffL) | (bytes[n - 3] & 0xffL) << 8 | (bytes[n - 2] & 0xffL) << 16 | (bytes[n - 1] & 0xffL) << 24;
    }

    /**
     * Runs {@code body} in the page, the site's: an async function's body, given {@code cache} (the
     * site's newest cache), {@code url(path)} and {@code arguments}.
     */
    private static Object inSiteCache(NotebookPage page, String body, Object... arguments) {
        return ((org.openqa.selenium.JavascriptExecutor) SITE.browser().driver()).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "(async () => { const names = (await caches.keys()).filter((name) => name.startsWith('jodide-'));"
                        + "  const cache = await caches.open(names[names.length - 1]);"
                        + "  const url = (path) => new URL(path, document.baseURI).href;"
                        + body + "})().then(done, (error) => done('failed: ' + error));", arguments);
    }

    /** Waits until the site's cache holds the snapshot and its decompressed copy: [the file's ETag, the copy's, the copy's size]. */
    @SuppressWarnings("unchecked")
    private static List<Object> awaitSnapshotCopies(NotebookPage page) {
        Object[] last = {null};
        try {
            return new org.openqa.selenium.support.ui.WebDriverWait(SITE.browser().driver(), Duration.ofSeconds(60)).until(d -> {
                last[0] = inSiteCache(page, "const file = await cache.match(url('pyodide/python-snapshot.gz'));"
                        + "const copy = await cache.match(url('pyodide/python-snapshot'));"
                        + "return file && copy ? [file.headers.get('ETag'), copy.headers.get('ETag'), (await copy.blob()).size] : null;");
                return last[0] instanceof List ? (List<Object>) last[0] : null;
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("the site's cache did not get the snapshot and its decompressed copy: " + last[0], e);
        }
    }

    /** The page opened, with Python idle and the site's service worker active (the install stored its files). */
    private static NotebookPage openWithTheServiceWorker() {
        NotebookPage page = SITE.notebookPage().open();
        page.awaitKernelState("idle", NotebookPage.PYTHON);
        page.awaitActivatedServiceWorker(Duration.ofSeconds(60));
        return page;
    }

    /**
     * Replaces the stored copy at {@code path} by 1 KB of zeros, its headers (its version) kept, opens
     * the page again and says whether Python started from the snapshot ("True" or "False").
     */
    private static String startedFromTheSnapshotWithADamaged(NotebookPage page, String path) {
        assertEquals("damaged", inSiteCache(page, "const held = await cache.match(url(arguments[0]));"
                + "await cache.put(url(arguments[0]), new Response(new Uint8Array(1024), {headers: held.headers})); return 'damaged';", path));
        page.reopen();
        page.awaitKernelState("idle", NotebookPage.PYTHON);
        page.replaceText(FROM_THE_SNAPSHOT);
        return page.runWithShiftEnter().value();
    }

    /** Removes the snapshot's stored copies (the page is the site's): the next visit downloads it and the service worker stores both again. */
    private static void forgetSnapshotCopies(NotebookPage page) {
        inSiteCache(page, "await cache.delete(url('pyodide/python-snapshot.gz')); await cache.delete(url('pyodide/python-snapshot')); return 'gone';");
    }

    /** Reopens the page, runs Python, and returns what the page asked of the host meanwhile. */
    private static List<String> visitAndRun(NotebookPage page) {
        int before = SITE.server().answeredRequests().size();
        page.reopen();
        page.awaitKernelState("idle", NotebookPage.PYTHON);
        page.replaceText("%% py\n1+1\n");
        assertEquals("2", page.runWithShiftEnter().value());
        List<String> answered = SITE.server().answeredRequests();
        return answered.subList(before, answered.size());
    }

    @Test
    void theEditorTakesTypingBeforePythonIsReady() throws IOException {
        // Python's Wasm held back, so that it is still loading however fast it would start.
        try (StallingProxy proxy = new StallingProxy(SITE.uri(), "/pyodide.asm.wasm")) {
            NotebookPage page = new NotebookPage(SITE.browser().driver(), proxy.uri()).open();
            page.type("%% md\n# typed early");
            assertEquals("loading", page.kernelState(), "the text went in while Python was still loading");
            assertEquals("%% md\n# typed early", page.editorText());
        }
    }

    @Test
    void keysTypedBeforeTheEditorHasLoadedStayAndTheEditorGoesOnWhereTheyLeftOff() throws Exception {
        ChromeDriver driver = SITE.browser().driver();
        driver.get("about:blank");
        try (StallingProxy proxy = new StallingProxy(SITE.uri(), "/codemirror.js");
             DirectDevTools devTools = new DirectDevTools(driver)) {
            // Chromedriver would wait for a load that cannot end while codemirror.js is held: DevTools does not.
            devTools.navigate(proxy.uri());
            devTools.awaitTrue("document.readyState !== 'loading' && !!document.getElementById('notebook-text')", Duration.ofSeconds(20));
            String heading = "# Welcome to Jodide";
            devTools.evaluate("(() => { const text = document.getElementById('notebook-text'); text.focus();"
                    + " const end = text.value.indexOf('" + heading + "') + " + heading.length() + "; text.setSelectionRange(end, end); })()");
            for (String key : List.of(" ", "\u03b1", "\u03b2")) {
                devTools.typeKey(key);
            }
            assertTrue(((String) devTools.evaluate("document.getElementById('notebook-text').value")).contains(heading + " \u03b1\u03b2"),
                    "the keys are in the page's textarea");
            assertEquals(false, devTools.evaluate("!!document.querySelector('.cm-content')"), "CodeMirror has not loaded yet");

            proxy.answerHeld();
            devTools.awaitTrue("!!window.jodideCodeMirror", Duration.ofSeconds(20));
            assertEquals(true, devTools.evaluate("document.activeElement.classList.contains('cm-content')"), "the editor has the focus");
            devTools.typeKey("\u03b3");
            devTools.awaitTrue("window.jodideCodeMirror.early.editor.getText().includes('" + heading + " \u03b1\u03b2\u03b3')", Duration.ofSeconds(20));

            NotebookPage page = new NotebookPage(driver, proxy.uri()).awaitAppReady();
            assertTrue(page.editorText().startsWith("%% md\n" + heading + " \u03b1\u03b2\u03b3\n"), page.editorText());
        }
    }
}

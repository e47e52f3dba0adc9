package org.jodide.it;

import org.jodide.browser.BuiltSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** While Python loads: a real download progress bar, and an editor that already takes typing. */
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
     * The report's frame has an opaque origin, hence no HTTP cache of its own: on a revisit it gets
     * Pyodide's big files from the editor page, which has them from its cache (the host answers 304),
     * and Python starts from the site's memory snapshot, renewed: each start draws its own random
     * numbers and has one working folder on sys.path.
     */
    @Test
    void aRevisitDownloadsPyodidesBigFilesNoMoreAndPythonStartsFromItsSnapshotRenewed() {
        NotebookPage page = SITE.notebookPage().open();
        page.awaitKernelState("idle", NotebookPage.PYTHON);
        String probe = "%% py\nimport os, random, sys\n(random.random(), sys.path.count(''), os.environ['LANG'])\n";
        page.replaceText(probe);
        String first = page.runWithShiftEnter().value();
        int before = SITE.server().downloadedPaths().size();

        page.reopen();
        page.awaitKernelState("idle", NotebookPage.PYTHON);
        page.replaceText(probe);
        String second = page.runWithShiftEnter().value();
        List<String> revisit = SITE.server().downloadedPaths().subList(before, SITE.server().downloadedPaths().size());

        for (String file : List.of("/pyodide/pyodide.asm.wasm", "/pyodide/python_stdlib.zip", "/pyodide/python-snapshot.gz")) {
            assertFalse(revisit.contains(file), file + " was downloaded again: " + revisit);
        }
        assertTrue(revisit.contains("/evalframe.js"), "the frame's own scripts are downloaded again (no cache of its own): " + revisit);
        // $LANG as a fresh start in this browser has it, not as the snapshot's start (under Node: C.UTF-8).
        String language = page.string("navigator.language").replace('-', '_') + ".UTF-8";
        String expected = "\\(0\\.\\d+, 1, '" + java.util.regex.Pattern.quote(language) + "'\\)";
        assertTrue(first.matches(expected), first + " is not like " + expected);
        assertTrue(second.matches(expected), second + " is not like " + expected);
        assertNotEquals(first, second, "each start draws its own random numbers");
    }

    @Test
    void theEditorTakesTypingBeforePythonIsReady() {
        NotebookPage page = SITE.notebookPage().open();
        String stateBefore = page.kernelState();
        page.type("%% md\n# typed early");
        String stateAfter = page.kernelState();
        assertEquals("loading", stateBefore);
        assertEquals("loading", stateAfter, "the text went in while Python was still loading");
        assertEquals("%% md\n# typed early", page.editorText());
    }
}

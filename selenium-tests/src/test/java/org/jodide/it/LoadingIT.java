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

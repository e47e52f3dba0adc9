package org.jodide.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An endless loop in Python never freezes the editor, and Restart kernel brings Python back. */
class KernelRestartIT {
    @RegisterExtension
    static final SiteExtension SITE = new SiteExtension();

    @Test
    void endlessLoopLeavesTheEditorTypableAndRestartBringsPythonBack() {
        NotebookPage page = SITE.notebookPage().open();
        String notebook = "%% py\nwhile True: pass\n%% py\n1+1\n";
        page.replaceText(notebook);
        page.awaitKernelState("idle", NotebookPage.PYTHON);
        page.putCursorAt(notebook.indexOf("while"));
        page.pressShiftEnter();
        page.awaitKernelState("busy", Duration.ofSeconds(10));

        // The loop is running in the eval frame; the editor must still take keys within 1 s.
        page.putCursorAt(page.editorText().length());
        page.editor().sendKeys("# typed while looping");
        String typed = notebook + "# typed while looping";
        new WebDriverWait(SITE.browser().driver(), Duration.ofSeconds(1))
                .until(d -> typed.equals(page.editorText()));
        assertEquals("running", page.consoleEntries().get(0).getDomAttribute("data-state"));

        page.click("restart-kernel");
        NotebookPage.ConsoleEntry stopped = page.awaitEntry(0);
        assertEquals("error", stopped.state());
        assertTrue(stopped.error().contains("restarted"), stopped.error());
        page.awaitKernelState("idle", NotebookPage.PYTHON);

        page.putCursorAt(typed.indexOf("1+1"));
        assertEquals("2", page.runWithShiftEnter().value());
        assertEquals(typed, page.editorText(), "restarting the kernel leaves the notebook text alone");
    }

    /**
     * Restart during a js chunk's long loop brings Python back. That it does so without waiting for
     * the loop holds in a browser without DevTools, and cannot be seen here: with chromedriver
     * attached, Chromium keeps a removed frame's process alive while its thread is stuck and the new
     * frame waits for the loop to end. So Restart is clicked while the loop runs
     * ({@link NotebookPage#clickWhileTheFrameIsBusy}: chromedriver would hold the click until the
     * loop ended), and the loop ends by itself after 5 s (time enough to see the kernel busy). Measured without DevTools
     * (docs/architecture.md, "A worker ends with its frame"): a new sandboxed frame answers 0.1 s
     * after a looping one is removed.
     */
    @Test
    void theKernelShowsBusyWhileAJavascriptChunkLoopsAndRestartBringsPythonBack() {
        NotebookPage page = SITE.notebookPage().open();
        page.awaitKernelState("idle", NotebookPage.PYTHON);
        page.replaceText("%% js\nconst end = Date.now() + 5000;\nwhile (Date.now() < end) {}\n");
        page.pressShiftEnter();
        page.awaitKernelState("busy", Duration.ofSeconds(5));
        assertEquals("Running…", SITE.browser().driver().findElement(By.id("kernel-status")).getText());

        page.clickWhileTheFrameIsBusy("restart-kernel");
        page.awaitKernelState("idle", NotebookPage.PYTHON);
    }

    /**
     * A restarted frame is told again what the last one was: the report's content, and that the
     * workspace pane is on screen (a frame lists no variables until told so).
     */
    @Test
    void restartKeepsTheRenderedReportAndTheNewKernelsVariablesAreListed() {
        NotebookPage page = SITE.notebookPage().open();
        page.replaceText("%% md\n## Kept across restarts\n");
        page.pressShiftEnter();
        page.awaitKernelState("idle", NotebookPage.PYTHON);
        page.click("restart-kernel");
        page.awaitKernelState("idle", NotebookPage.PYTHON);
        String heading = page.inReport(driver -> new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> d.findElements(org.openqa.selenium.By.cssSelector("#report h2")).stream()
                        .map(org.openqa.selenium.WebElement::getText).findFirst().orElse(null)));
        assertEquals("Kept across restarts", heading);

        String notebook = "%% md\n## Kept across restarts\n%% py\nafter_restart = 'listed'\n";
        assertEquals("done", page.runChunkWith(notebook, "after_restart").state());
        assertEquals("after_restart str 'listed'", page.workspaceRow("PYTHON", "after_restart", Duration.ofSeconds(10)));
    }

    /**
     * Restart & run all (Jupyter's "Restart Kernel and Run All Cells") runs every chunk in a fresh
     * kernel: Python's and JavaScript's state from earlier runs is gone, and a run still going is stopped.
     */
    @Test
    void restartAndRunAllRunsEveryChunkInAFreshKernel() {
        NotebookPage page = SITE.notebookPage().open();
        String notebook = "%% py\nruns = globals().get('runs', 0) + 1\nruns\n"
                + "%% js\nwindow.count = (window.count || 0) + 1;\ncount\n"
                + "%% py\nimport time\ntime.sleep(0.2 if runs == 1 else 600)\n'slept'\n";
        page.replaceText(notebook);
        page.click("run-all");
        assertEquals("1", page.awaitEntry(0).value());
        assertEquals("1", page.awaitEntry(1).value());
        assertEquals("'slept'", page.awaitEntry(2).value());
        page.click("run-all");
        assertEquals("2", page.awaitEntry(3).value());
        assertEquals("2", page.awaitEntry(4).value());
        page.awaitKernelState("busy", Duration.ofSeconds(10));

        page.click("restart-run-all");
        NotebookPage.ConsoleEntry stopped = page.awaitEntry(5);
        assertTrue(stopped.error().contains("restarted"), "the long sleep is stopped: " + stopped.error());
        assertEquals("1", page.awaitEntry(6).value(), "Python starts afresh");
        assertEquals("1", page.awaitEntry(7).value(), "so does JavaScript");
        assertEquals("'slept'", page.awaitEntry(8).value());
        assertEquals(notebook, page.editorText());
    }

    /**
     * A chunk given to Python in a worker while it loads runs once: the first run given used to be
     * sent to the worker twice when it became ready (run twice, its output shown once), so a counter
     * said 2 and appends were doubled.
     */
    @Test
    void aChunkGivenWhilePythonLoadsRunsOnce() {
        NotebookPage page = SITE.notebookPage().open();
        String notebook = "%% py\nruns = globals().get('runs', 0) + 1\nwith open('ran.txt', 'a') as log: log.write('x')\n"
                + "%% py\n(runs, open('ran.txt').read())\n";
        page.replaceText(notebook);
        page.awaitKernelState("idle", NotebookPage.PYTHON);
        page.click("restart-kernel");
        page.click("run-all");
        assertTrue(page.string("document.getElementById('kernel-status').textContent").matches("(?is).*(restarting|loading|starting).*"),
                "Python is loading when the chunks are given: " + page.string("document.getElementById('kernel-status').textContent"));
        assertEquals(null, page.awaitEntry(0).error());
        assertEquals("(1, 'x')", page.awaitEntry(1).value());
    }
}

package org.jodide.it;

import org.jodide.site.SiteServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where Python runs on the eval frame's main thread, the UI says that Stop restarts the kernel, and
 * Stop does: on a host that sends no COOP/COEP (a plain static host: the page is not cross-origin
 * isolated, Python falls back to the frame's thread by itself), and on an isolated page opened with
 * {@code ?python=main}. Everything else about Python still works there.
 */
class StopFallbackIT {
    @RegisterExtension
    static final SiteExtension ISOLATED_HOST = new SiteExtension();

    @RegisterExtension
    static final SiteExtension PLAIN_HOST = new SiteExtension(SiteServer.Isolation.NONE);

    @Test
    void onAHostWithoutCoopAndCoepPythonRunsOnTheReportsThreadAndStopSaysAndDoesARestart() {
        NotebookPage page = PLAIN_HOST.notebookPage().open();
        assertEquals(Boolean.FALSE, ((JavascriptExecutor) PLAIN_HOST.browser().driver()).executeScript(
                "return self.crossOriginIsolated;"), "the plain host's page is not cross-origin isolated");
        stopRestartsTheKernel(PLAIN_HOST, page, "Cross-Origin-Embedder-Policy");

        // Python on the frame's thread still has the whole interop of docs/interop.md.
        page.replaceText("%% py\nfrom js import document\ndocument.title = 'plain host'\ntotal = 41\n"
                + "%% js\npyodide.globals.get('total') + 1 + ' ' + document.title\n");
        int before = page.consoleEntries().size();
        page.putCursorAt(0);
        page.pressShiftEnter();
        page.pressShiftEnter();
        assertNull(page.awaitEntry(before).error());
        NotebookPage.ConsoleEntry js = page.awaitEntry(before + 1);
        assertTrue(String.valueOf(js.value()).contains("42 plain host"), js.value() + " / " + js.error());
    }

    /**
     * input() on the report's thread asks in the browser's dialog, which holds that thread until it
     * is answered: what the run printed before the question is on screen while the dialog is open,
     * as in a terminal, and the question and its answer stay in the output, as in a worker. (It
     * showed only after the answer: the printed text waited for a timer the dialog held.)
     */
    @Test
    void onAHostWithoutCoopAndCoepInputAsksInADialogAfterWhatWasPrintedShows() throws InterruptedException {
        NotebookPage page = PLAIN_HOST.notebookPage().open();
        String notebook = "%% py\nprint('Welcome to the quiz')\nname = input('Your name? ')\nprint('Hello,', name)\n";
        page.replaceText(notebook);
        page.awaitKernelState("idle", NotebookPage.PYTHON);
        int index = page.consoleEntries().size();
        page.putCursorAt(0);
        assertTrue(page.printedBeforeThePromptIsAnswered("Welcome to the quiz", page::pressShiftEnter, "Your name?", "Ada"),
                "the printed text showed while the dialog asked");
        NotebookPage.ConsoleEntry answered = page.awaitEntry(index);
        assertEquals("done", answered.state(), answered.error());
        assertEquals("Welcome to the quiz\nYour name? Ada\nHello, Ada\n", answered.output());
    }

    @Test
    void withPythonEqualsMainStopSaysAndDoesARestart() {
        NotebookPage page = ISOLATED_HOST.notebookPage().openWith("?python=main");
        stopRestartsTheKernel(ISOLATED_HOST, page, "python=main");
    }

    /**
     * Stop during a loop on the frame's thread, clicked while the loop runs
     * ({@link NotebookPage#clickWhileTheFrameIsBusy}: chromedriver would hold the click until the loop
     * ended). The loop ends by itself after 6 s all the same: with chromedriver attached, Chromium
     * keeps a removed frame whose thread is stuck alive, and the new frame starts only after it (see
     * docs/architecture.md, "A worker ends with its frame").
     */
    private static void stopRestartsTheKernel(SiteExtension site, NotebookPage page, String whyInTitle) {
        WebDriver driver = site.browser().driver();
        String notebook = "%% py\nimport time\nx = 7\nend = time.time() + 6\nwhile time.time() < end: pass\n%% py\n1+1\n";
        page.replaceText(notebook);
        page.awaitKernelState("idle", NotebookPage.PYTHON);
        WebElement stop = driver.findElement(By.id("stop-run"));
        assertEquals("restarts", stop.getDomAttribute("data-stop"));
        String title = stop.getDomAttribute("title");
        assertTrue(title.contains("restarting the kernel") && title.contains(whyInTitle), title);

        int loop = page.consoleEntries().size();
        page.putCursorAt(notebook.indexOf("x = 7"));
        page.pressShiftEnter();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> page.consoleEntries().size() > loop);
        page.awaitKernelState("busy", Duration.ofSeconds(10));
        page.clickWhileTheFrameIsBusy("stop-run");
        // Without Stop the loop would end in 6 s without an error.
        NotebookPage.ConsoleEntry stopped = page.awaitEntry(loop);
        assertTrue(stopped.error().contains("restarted"), stopped.error());
        List<WebElement> notes = driver.findElements(By.cssSelector("#console .console-note"));
        assertTrue(notes.stream().anyMatch(note -> note.getText().contains("Stop restarted the kernel")),
                "the console says Stop restarted the kernel");
        page.awaitKernelState("idle", NotebookPage.PYTHON);
        page.putCursorAt(notebook.indexOf("1+1"));
        assertEquals("2", page.runWithShiftEnter().value());
    }
}

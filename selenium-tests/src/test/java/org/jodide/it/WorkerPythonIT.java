package org.jodide.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Python in a worker of the eval frame (the default on a cross-origin isolated page, as
 * {@code ./jodide serve} serves it; nothing in the URL asks for it): Stop raises KeyboardInterrupt and
 * keeps the variables, code that ignores it is stopped by a restart that says so, and
 * {@code input()} asks in the page.
 */
class WorkerPythonIT {
    @RegisterExtension
    static final SiteExtension SITE = new SiteExtension();

    private static NotebookPage openInWorkerMode(String notebook) {
        NotebookPage page = SITE.notebookPage().open();
        page.replaceText(notebook);
        page.awaitKernelState("idle", NotebookPage.PYTHON);
        return page;
    }

    /** Runs the chunk holding {@code marker} with Shift+Enter, without waiting for it to end; waits until it runs. */
    private static int start(NotebookPage page, String notebook, String marker) {
        int index = page.consoleEntries().size();
        page.putCursorAt(notebook.indexOf(marker));
        page.pressShiftEnter();
        new WebDriverWait(SITE.browser().driver(), Duration.ofSeconds(10)).until(d -> page.consoleEntries().size() > index
                && "running".equals(page.consoleEntries().get(index).getDomAttribute("data-state")));
        return index;
    }

    /**
     * Waits until the running console entry number {@code index} shows {@code part} in its output;
     * returns that output, once checked that the run still goes on.
     */
    private static String outputWhileRunning(NotebookPage page, int index, String part) {
        WebElement entry = page.consoleEntries().get(index);
        String shown = new WebDriverWait(SITE.browser().driver(), Duration.ofSeconds(10)).until(d -> {
            String text = new NotebookPage.ConsoleEntry(entry).output();
            return text.contains(part) ? text : null;
        });
        assertEquals("running", entry.getDomAttribute("data-state"), "it shows while the run goes on");
        return shown;
    }

    private static NotebookPage.ConsoleEntry run(NotebookPage page, String notebook, String marker) {
        page.putCursorAt(notebook.indexOf(marker));
        return page.runWithShiftEnter();
    }

    @Test
    void theFrameIsCrossOriginIsolatedAndStopSaysItInterrupts() {
        NotebookPage page = openInWorkerMode("%% py\n1\n");
        Boolean isolated = page.inReport(driver -> (Boolean) page.script(
                "return self.crossOriginIsolated === true && typeof SharedArrayBuffer === 'function';"));
        assertTrue(isolated, "the eval frame has SharedArrayBuffer");
        WebElement stop = SITE.browser().driver().findElement(By.id("stop-run"));
        assertEquals("interrupts", stop.getDomAttribute("data-stop"));
        String status = SITE.browser().driver().findElement(By.id("kernel-status")).getDomAttribute("title");
        assertTrue(status.contains("in a worker"), status);
    }

    @Test
    void stopDuringAnEndlessLoopRaisesKeyboardInterruptAndKeepsTheVariables() {
        String notebook = "%% py\nkept = 41\n%% py\nwhile True: pass\n%% py\nkept + 1\n";
        NotebookPage page = openInWorkerMode(notebook);
        assertNotNull(run(page, notebook, "kept = 41"));
        int loop = start(page, notebook, "while");

        long clicked = System.nanoTime();
        page.click("stop-run");
        NotebookPage.ConsoleEntry stopped = page.awaitEntry(loop);
        long millis = (System.nanoTime() - clicked) / 1_000_000;
        assertEquals("error", stopped.state());
        assertTrue(stopped.error().contains("KeyboardInterrupt"), stopped.error());
        assertFalse(stopped.error().contains("restarted"), stopped.error());
        System.out.println("Stop to KeyboardInterrupt shown, as the test sees it (polling every 500 ms): " + millis + " ms");
        assertEquals("error", chunkOutputState(page, 1));

        assertEquals("42", run(page, notebook, "kept + 1").value(), "the variable set before Stop survives");
    }

    /**
     * What a run prints shows while it still computes, as in Jupyter: the lines printed just
     * before a long loop are not held until the loop ends (the worker's thread is busy, so no
     * timer of its own can send them).
     */
    @Test
    void linesPrintedBeforeALongComputationShowWhileItRuns() {
        String notebook = "%% py\nprint('loading the data')\nprint('this takes a while')\n"
                + "for i in range(10**10): x = i*i\n";
        NotebookPage page = openInWorkerMode(notebook);
        int loop = start(page, notebook, "print");
        assertEquals("loading the data\nthis takes a while\n", outputWhileRunning(page, loop, "this takes a while"));
        page.click("stop-run");
        assertTrue(page.awaitEntry(loop).error().contains("KeyboardInterrupt"));
    }

    @Test
    void ctrlPeriodStopsALongForLoop() {
        String notebook = "%% py\nfor i in range(10**10): x = i*i\n%% py\ni > 0\n";
        NotebookPage page = openInWorkerMode(notebook);
        int loop = start(page, notebook, "for i");
        page.editor().sendKeys(Keys.chord(Keys.CONTROL, "."));
        NotebookPage.ConsoleEntry stopped = page.awaitEntry(loop);
        assertTrue(stopped.error().contains("KeyboardInterrupt"), stopped.error());
        assertFalse(stopped.error().contains("restarted"), stopped.error());
        assertEquals("True", run(page, notebook, "i > 0").value());
    }

    /**
     * Ctrl+. pressed in the report (where the reader's focus is, say after clicking a heading)
     * stops the run as in the editor: the report frame forwards the page's keys.
     */
    @Test
    void ctrlPeriodPressedInTheReportStopsALongForLoop() {
        String notebook = "%% md\n# Long loop\n%% py\nfor i in range(10**10): x = i*i\n%% py\ni > 0\n";
        NotebookPage page = openInWorkerMode(notebook);
        int loop = start(page, notebook, "for i");
        page.inReport(d -> {
            d.findElement(By.cssSelector("#report h1")).click();
            new Actions(d).keyDown(Keys.CONTROL).sendKeys(".").keyUp(Keys.CONTROL).perform();
            return null;
        });
        NotebookPage.ConsoleEntry stopped = page.awaitEntry(loop);
        assertTrue(stopped.error().contains("KeyboardInterrupt"), stopped.error());
        assertEquals("True", run(page, notebook, "i > 0").value());
    }

    /**
     * A sleeping run shows what it printed before, and Stop ends the sleep with KeyboardInterrupt,
     * keeping the variables (Pyodide's own time.sleep takes neither: the worker was replaced).
     */
    @Test
    void stopDuringSleepRaisesKeyboardInterruptAndKeepsTheVariables() {
        String notebook = "%% py\nimport time\nkept = 1\nprint('napping')\ntime.sleep(60)\n%% py\n'kept' in globals()\n";
        NotebookPage page = openInWorkerMode(notebook);
        int sleeping = start(page, notebook, "import time");
        assertEquals("napping\n", outputWhileRunning(page, sleeping, "napping"));
        long clicked = System.nanoTime();
        page.click("stop-run");
        NotebookPage.ConsoleEntry stopped = page.awaitEntry(sleeping);
        long millis = (System.nanoTime() - clicked) / 1_000_000;
        assertEquals("error", stopped.state());
        assertTrue(stopped.error().contains("KeyboardInterrupt"), stopped.error());
        assertFalse(stopped.error().contains("restarted"), stopped.error());
        System.out.println("Stop to KeyboardInterrupt out of time.sleep, as the test sees it (polling every 500 ms): "
                + millis + " ms");
        assertEquals("True", run(page, notebook, "'kept' in").value(), "the variables stay");
    }

    @Test
    void codeThatSwallowsKeyboardInterruptIsStoppedByARestartThatSaysSo() {
        String notebook = "%% py\nlost = 1\nwhile True:\n    try:\n        while True: pass\n    except KeyboardInterrupt:\n        pass\n"
                + "%% py\n'lost' in globals()\n";
        NotebookPage page = openInWorkerMode(notebook);
        int stubborn = start(page, notebook, "lost = 1");
        page.click("stop-run");
        NotebookPage.ConsoleEntry stopped = page.awaitEntry(stubborn);
        assertEquals("error", stopped.state());
        assertTrue(stopped.error().contains("restarted") && stopped.error().contains("lost"), stopped.error());
        page.awaitKernelState("idle", NotebookPage.PYTHON);
        assertEquals("False", run(page, notebook, "'lost' in").value(), "a restart loses the state, as it said");
    }

    @Test
    void inputIsAnsweredInTheChunkOutput() {
        String notebook = "%% py\nprint('Before asking.')\nname = input('Your name? ')\nprint('Hello,', name)\n";
        NotebookPage page = openInWorkerMode(notebook);
        int asking = start(page, notebook, "print('Before");
        WebElement field = awaitQuestion(page, ".chunk-output-question input");
        // What was printed before input() shows while it asks (no timer of the worker's can send it meanwhile).
        new WebDriverWait(SITE.browser().driver(), Duration.ofSeconds(5)).until(d -> page.string(
                "document.querySelector('.chunk-output[data-state=\"running\"] .chunk-output-body').textContent").startsWith("Before asking.\n"));
        assertEquals("text", field.getDomAttribute("type"));
        assertTrue(page.string("document.querySelector('.chunk-output-question').textContent").contains("Your name?"));
        field.sendKeys("Ada Lovelace", Keys.ENTER);
        NotebookPage.ConsoleEntry answered = page.awaitEntry(asking);
        assertEquals("done", answered.state());
        assertTrue(answered.output().contains("Before asking.\nYour name? Ada Lovelace\nHello, Ada Lovelace"), answered.output());
        assertTrue(SITE.browser().driver().findElements(By.cssSelector(".chunk-output-question, .console-question")).isEmpty(),
                "the question goes once answered");
    }

    @Test
    void getpassAsksWithAHiddenField() {
        String notebook = "%% py\nimport getpass\nsecret = getpass.getpass('Token: ')\nlen(secret)\n";
        NotebookPage page = openInWorkerMode(notebook);
        int asking = start(page, notebook, "import getpass");
        WebElement field = awaitQuestion(page, ".chunk-output-question input");
        assertEquals("password", field.getDomAttribute("type"));
        field.sendKeys("s3cret", Keys.ENTER);
        NotebookPage.ConsoleEntry answered = page.awaitEntry(asking);
        assertEquals("6", answered.value());
        assertFalse(answered.output().contains("s3cret"), answered.output());
    }

    @Test
    void stopWhileInputWaitsRaisesKeyboardInterruptAndKeepsTheVariables() {
        String notebook = "%% py\nkept = 'yes'\n%% py\ninput('Never answered: ')\n%% py\nkept\n";
        NotebookPage page = openInWorkerMode(notebook);
        run(page, notebook, "kept = 'yes'");
        int asking = start(page, notebook, "input(");
        awaitQuestion(page, ".chunk-output-question input");
        page.click("stop-run");
        NotebookPage.ConsoleEntry stopped = page.awaitEntry(asking);
        assertTrue(stopped.error().contains("KeyboardInterrupt"), stopped.error());
        assertFalse(stopped.error().contains("restarted"), stopped.error());
        assertTrue(SITE.browser().driver().findElements(By.cssSelector(".chunk-output-question")).isEmpty());
        assertEquals("'yes'", run(page, notebook, "kept\n").value());
    }

    /**
     * Run All hands the worker every chunk at once: a chunk that waits for input() still asks (the
     * worker posts what waits before it blocks), and iodide.output from Python writes at the place
     * of the chunk that runs, not of one queued behind it or one that ended.
     */
    @Test
    void runAllSentAheadAsksForInputAndWritesIodideOutputAtEachChunksPlace() {
        String notebook = "%% py\nfrom js import iodide\niodide.output.text('first place')\n"
                + "%% py\nname = input('Name? ')\n"
                + "%% py\niodide.output.text('third place: ' + name)\nname.upper()\n";
        NotebookPage page = openInWorkerMode(notebook);
        int before = page.consoleEntries().size();
        page.click("run-all");
        awaitQuestion(page, ".chunk-output-question input").sendKeys("Ada", Keys.ENTER);
        assertEquals("'ADA'", page.awaitEntry(before + 2).value());
        List<?> places = page.inReport(d -> new WebDriverWait(d, Duration.ofSeconds(10)).until(driver -> {
            List<?> found = (List<?>) ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                    "return [...document.querySelectorAll('.iodide-output-text')].map(text =>"
                            + " text.closest('[data-order]').dataset.order + ' ' + text.textContent);");
            return found.size() == 2 ? found : null;
        }));
        assertEquals(List.of("0 first place", "2 third place: Ada"), places);
    }

    private static WebElement awaitQuestion(NotebookPage page, String selector) {
        return new WebDriverWait(SITE.browser().driver(), Duration.ofSeconds(20)).until(d -> d.findElements(By.cssSelector(selector))
                .stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
    }

    /** The data-state of the output under the notebook's chunk number {@code chunk} (0-based, among those with output). */
    private static String chunkOutputState(NotebookPage page, int chunk) {
        return (String) page.script("const outputs = document.querySelectorAll('.chunk-output');"
                + "return outputs[arguments[0]] ? outputs[arguments[0]].dataset.state : null;", chunk);
    }
}

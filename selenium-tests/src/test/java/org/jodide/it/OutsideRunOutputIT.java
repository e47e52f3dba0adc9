package org.jodide.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What notebook code prints or logs after its run ended (a js timer's or an output's click
 * handler's {@code console.log}, a Python asyncio task's {@code print}) shows in the console, where a
 * notebook's user looks, named after the code, and never in a later run's output: before, it
 * reached only the browser's devtools (JavaScript) or nowhere (Python).
 */
class OutsideRunOutputIT {
    @RegisterExtension
    static final SiteExtension SITE = new SiteExtension();

    @Test
    void aJsTimerAndAClickHandlerLogInTheConsoleNamedAfterTheirChunk() {
        NotebookPage page = SITE.notebookPage().open();
        String text = "%% js\nlet ticks = 0;\nconst timer = setInterval(() => {\n  console.log('tick', ++ticks);\n"
                + "  if (ticks === 3) clearInterval(timer);\n}, 20);\nconst button = iodide.output.element('button');\n"
                + "button.id = 'logger';\nbutton.textContent = 'Log';\nbutton.onclick = () => console.warn('clicked %d', 1);\n'set up'\n"
                + "%% js\nconsole.log('the second chunk');\n6 * 7\n";
        page.replaceText(text);
        page.putCursorAt(0);
        NotebookPage.ConsoleEntry run = page.runWithShiftEnter();
        assertEquals("\"set up\"", run.value(), run.error());
        WebElement late = awaitOutsideEntry(page, "tick 3");
        assertEquals("js chunk at line 1, after its run", label(late));
        assertEquals("tick 1\ntick 2\ntick 3\n", output(late));

        page.inReport(driver -> {
            driver.findElement(By.id("logger")).click();
            return null;
        });
        awaitOutsideEntry(page, "clicked 1");
        List<WebElement> entries = outsideEntries(page);
        assertEquals(1, entries.size(), "later output of the same chunk joins its entry while nothing came between");
        assertEquals(List.of("console-stdout=tick 1\ntick 2\ntick 3\n", "console-stderr=clicked 1\n"), printedParts(entries.get(0)));

        NotebookPage.ConsoleEntry second = page.runWithShiftEnter();
        assertEquals("42", second.value(), second.error());
        assertEquals("the second chunk\n", second.output());
        assertFalse(run.output().contains("tick"), run.output());
        assertEquals(text, page.editorText());

        page.click("clear-console");
        assertTrue(outsideEntries(page).isEmpty(), "Clear takes it away");
    }

    /** A task left running by a chunk prints where the user sees it, in both places Python runs. */
    @ParameterizedTest
    @EnumSource(PythonMode.class)
    void aPythonTaskThatPrintsAfterItsRunPrintsInTheConsole(PythonMode mode) {
        NotebookPage page = mode.open(SITE);
        assertEquals(List.of(), outsideEntries(page).stream().map(OutsideRunOutputIT::output).toList(),
                "Python's start prints nothing of its own");
        String text = "%% py\nimport asyncio, sys\nasync def later():\n    await asyncio.sleep(0.3)\n"
                + "    print('printed by the task')\n    print('and a warning', file=sys.stderr)\n"
                + "task = asyncio.ensure_future(later())\n'scheduled'\n%% py\n6 * 7\n";
        page.replaceText(text);
        page.putCursorAt(0);
        NotebookPage.ConsoleEntry run = page.runWithShiftEnter();
        assertEquals("'scheduled'", run.value(), run.error());
        WebElement late = awaitOutsideEntry(page, "and a warning");
        assertEquals("Python, between runs", label(late));
        assertEquals(List.of("console-stdout=printed by the task\n", "console-stderr=and a warning\n"), printedParts(late));
        assertFalse(run.output().contains("printed by the task"), run.output());

        NotebookPage.ConsoleEntry second = page.runWithShiftEnter();
        assertEquals("42", second.value(), second.error());
        assertEquals("", second.output());
    }

    /** MicroPython's timer callback prints after its run as Pyodide's task does. */
    @Test
    void aMicroPythonCallbackThatPrintsAfterItsRunPrintsInTheConsole() {
        NotebookPage page = SITE.notebookPage().openWith("?python=micropython");
        String text = "%% py\nfrom js import setTimeout\ndef later():\n    print('printed by a timer')\n"
                + "setTimeout(later, 100)\n'scheduled'\n";
        page.replaceText(text);
        page.awaitKernelState("idle", NotebookPage.PYTHON);
        page.putCursorAt(0);
        NotebookPage.ConsoleEntry run = page.runWithShiftEnter();
        assertEquals("'scheduled'", run.value(), run.error());
        WebElement late = awaitOutsideEntry(page, "printed by a timer");
        assertEquals("MicroPython, between runs", label(late));
        assertEquals(List.of("console-stdout=printed by a timer\n"), printedParts(late));
        assertFalse(run.output().contains("printed by a timer"), run.output());
    }

    private static List<WebElement> outsideEntries(NotebookPage page) {
        return SITE.browser().driver().findElements(By.cssSelector("#console .console-outside"));
    }

    /** Waits (30 s) for an entry of output outside runs that holds {@code part}. */
    private static WebElement awaitOutsideEntry(NotebookPage page, String part) {
        return new WebDriverWait(SITE.browser().driver(), Duration.ofSeconds(30))
                .ignoring(StaleElementReferenceException.class)
                .withMessage(() -> "no console entry outside runs with " + part + "; the console says: "
                        + page.script("return document.getElementById('console').innerText;"))
                .until(d -> outsideEntries(page).stream().filter(entry -> output(entry).contains(part)).findFirst().orElse(null));
    }

    /** The entry's printed pieces in order, each as its stream's class and its text. */
    private static List<String> printedParts(WebElement entry) {
        return entry.findElements(By.cssSelector(".console-output > *")).stream()
                .map(e -> e.getDomAttribute("class") + "=" + e.getDomProperty("textContent")).toList();
    }

    private static String label(WebElement entry) {
        return entry.findElement(By.cssSelector(".console-label")).getText();
    }

    private static String output(WebElement entry) {
        return entry.findElement(By.cssSelector(".console-output")).getDomProperty("textContent");
    }
}

package org.jodide.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import java.time.Duration;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A chunk printing 100,000 lines finishes, and every view shows its last 10,000 lines with a note,
 * with Python on the frame's main thread and in its worker ({@link PythonMode}).
 */
@ParameterizedClass
@EnumSource(value = PythonMode.class, names = PythonMode.DEFAULT_ONLY)
class LongOutputIT {
    @RegisterExtension
    static final SiteExtension SITE = new SiteExtension();

    private static NotebookPage page;

    @Parameter
    PythonMode mode;

    @BeforeParameterizedClassInvocation
    static void openNotebook(PythonMode mode) {
        page = mode.open(SITE);
    }

    @Test
    void printing100000LinesFinishesWithTheLast10000Shown() {
        page.replaceText("%% py\nfor i in range(100000): print(i)\n");
        page.awaitKernelState("idle", Duration.ofSeconds(60));
        long start = System.nanoTime();
        NotebookPage.ConsoleEntry entry = page.runWithShiftEnter();
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("LongOutputIT: 100,000 printed lines shown in " + millis + " ms");
        assertNull(entry.error());
        assertTrue(millis < 120_000, "took " + millis + " ms");

        String output = entry.output();
        assertTrue(output.startsWith("90000 earlier lines not shown"), output.substring(0, 80));
        assertTrue(output.endsWith("\n99999\n"), output.substring(output.length() - 40));
        String shown = entry.element().findElements(By.cssSelector(".console-stdout")).stream()
                .map(piece -> piece.getDomProperty("textContent")).collect(Collectors.joining());
        assertTrue(shown.startsWith("90000\n"), "the first line kept: " + shown.substring(0, 20));
        assertEquals(10_000, shown.split("\n").length, "10,000 lines shown");
        assertTrue(entry.element().findElements(By.cssSelector(".console-output .output-block")).size() >= 10,
                "long text is shown in blocks whose layout the browser can skip out of view");
        assertEquals(1, entry.element().findElements(By.cssSelector(".console-download")).size(), "the full text can be downloaded");

        WebElement under = SITE.browser().driver().findElement(By.cssSelector("#notebook-editor .chunk-output"));
        String underText = under.getDomProperty("textContent");
        assertTrue(underText.contains("90000 earlier lines not shown") && underText.endsWith("99999\n"), underText.substring(0, 80));

        String report = page.inReport(d -> d.findElement(By.cssSelector("#report .report-output")).getDomProperty("textContent"));
        assertTrue(report.startsWith("90000 earlier lines not shown") && report.endsWith("99999\n"), report.substring(0, 80));

        // The full text downloads under a name saying which chunk it came from (the one on line 1),
        // from the console's entry of the run as from the output under the chunk.
        assertEquals("output-line-1.txt", offeredFileName(".console-download"));
        assertEquals("output-line-1.txt", offeredFileName("#notebook-editor .chunk-output-download"));
    }

    /** The file name the page offers when the download button {@code selector} is clicked (the link's click is caught). */
    private static String offeredFileName(String selector) {
        return (String) ((JavascriptExecutor) SITE.browser().driver()).executeAsyncScript("""
                const [selector, done] = arguments;
                const click = HTMLAnchorElement.prototype.click;
                HTMLAnchorElement.prototype.click = function () {
                  HTMLAnchorElement.prototype.click = click;
                  done(this.download);
                };
                document.querySelector(selector).click();
                """, selector);
    }

    /**
     * A chunk whose value is huge (a million numbers in Python, a dict of 200,000 lists, ten million
     * numbers in JavaScript) shows its first 10,000 characters, as its repr writes them, and says it
     * was cut; only as much as is shown is written (Python's bounded_repr.py; before, the JavaScript
     * typed array alone took ~10 s to serialize into a 119-million-character line for the console),
     * so the run ends as a small one does, and the next chunk runs.
     */
    @Test
    void aHugeValueShowsItsFirst10000CharactersAndSaysItWasCut() {
        String text = "%% py\nlist(range(1_000_000))\n%% py\n{'rows': [[i, str(i)] for i in range(200_000)], 'name': \"it's\"}\n"
                + "%% js\nnew Float64Array(10_000_000)\n%% js\n6 * 7\n";
        page.replaceText(text);
        page.putCursorAt(0);
        String marker = " … [value cut: only its first 10,000 characters are shown]";
        String python = page.runWithShiftEnter().value();
        assertTrue(python.startsWith("[0, 1, 2, 3, ") && python.endsWith(marker), python.substring(0, 40));
        assertEquals(10_000 + marker.length(), python.length());
        String nested = page.runWithShiftEnter().value();
        assertTrue(nested.startsWith("{'rows': [[0, '0'], [1, '1'], [2, '2'], ") && nested.endsWith(marker), nested.substring(0, 60));
        assertEquals(10_000 + marker.length(), nested.length());
        String javascript = page.runWithShiftEnter().value();
        assertTrue(javascript.startsWith("Float64Array(10000000) [0,0,0,") && javascript.endsWith(marker), javascript.substring(0, 40));
        assertEquals(10_000 + marker.length(), javascript.length());
        assertEquals("42", page.runWithShiftEnter().value());
        assertEquals(text, page.editorText());
    }
}

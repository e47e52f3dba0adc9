package org.jodide.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Issue 9: Run All of one py chunk followed by 2,000 md chunks threw "Maximum call stack size
 * exceeded" (the run queue recursed once per chunk that finished at once) and nothing ran after.
 */
class LongRunAllIT {
    @RegisterExtension
    static final SiteExtension SITE = new SiteExtension();

    private static final int MARKDOWN_CHUNKS = 2_000;

    @Test
    void runAllOfAPythonChunkAndTwoThousandMarkdownChunksFinishesAndTheKernelStillRuns() {
        NotebookPage page = SITE.notebookPage().open();
        StringBuilder text = new StringBuilder("%% py\nx = 41\n");
        List<Integer> markdownStarts = new ArrayList<>();
        for (int i = 0; i < MARKDOWN_CHUNKS; i++) {
            markdownStarts.add(text.length());
            text.append("%% md\nmarkdown paragraph ").append(i).append('\n');
        }
        page.replaceText(text.toString());
        page.click("run-all");

        NotebookPage.ConsoleEntry python = page.awaitEntry(0);
        assertEquals("done", python.state(), python.error());
        // Every md chunk ran: its gutter in the editor says done.
        new WebDriverWait(SITE.browser().driver(), Duration.ofSeconds(60)).until(d -> ((Number) page.script(
                "const editor = " + NotebookPage.EDITOR + ";"
                        + "return arguments[0].filter(start => editor.getChunkState(start) === 'done').length;",
                markdownStarts)).intValue() == MARKDOWN_CHUNKS);
        // And each shows in the report, in notebook order.
        List<?> shown = page.inReport(driver -> new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> {
            List<?> texts = (List<?>) ((JavascriptExecutor) d).executeScript(
                    "return Array.from(document.querySelectorAll('#report .report-chunk'), chunk => chunk.textContent.trim());");
            return texts.size() == MARKDOWN_CHUNKS ? texts : null;
        }));
        for (int i = 0; i < MARKDOWN_CHUNKS; i++) {
            assertEquals("markdown paragraph " + i, shown.get(i));
        }

        page.replaceText("%% py\n1+1\n");
        page.putCursorAt(0);
        NotebookPage.ConsoleEntry after = page.runWithShiftEnter();
        assertNull(after.error());
        assertEquals("2", after.value());
    }
}

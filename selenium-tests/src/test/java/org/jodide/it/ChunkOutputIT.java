package org.jodide.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Output where people look: under the chunk in the editor and at the chunk's place in the report. */
class ChunkOutputIT {
    @RegisterExtension
    static final SiteExtension SITE = new SiteExtension();

    private static NotebookPage page;

    private static final String NOTEBOOK = "%% md\n# Before\n"
            + "%% py\nprint('hello under')\n6 * 7\n"
            + "%% md\n# After\n"
            + "%% py hideOutput\nprint('kept out of the report')\n";

    @BeforeAll
    static void openNotebook() {
        page = SITE.notebookPage().open();
    }

    /** Runs the whole notebook and waits for the two code chunks' console entries. */
    private static void runAll() {
        int before = page.consoleEntries().size();
        page.replaceText(NOTEBOOK);
        page.click("run-all");
        assertNull(page.awaitEntry(before).error());
        assertNull(page.awaitEntry(before + 1).error());
    }

    private static WebElement outputUnder(String text) {
        return new WebDriverWait(SITE.browser().driver(), Duration.ofSeconds(10)).until(d ->
                d.findElements(By.cssSelector("#notebook-editor .chunk-output")).stream()
                        .filter(e -> e.getText().contains(text) && !"running".equals(e.getDomAttribute("data-state")))
                        .findFirst().orElse(null));
    }

    private static WebElement editorLine(String text) {
        return SITE.browser().driver().findElements(By.cssSelector("#notebook-editor .cm-line")).stream()
                .filter(e -> e.getText().equals(text)).findFirst().orElseThrow(() -> new AssertionError("no line " + text));
    }

    @Test
    void aChunksOutputShowsUnderItsLastLineInTheEditor() {
        runAll();
        WebElement output = outputUnder("hello under");
        assertTrue(output.getText().contains("42"), "the value shows too: " + output.getText());
        // CodeMirror places the widget in its next measure cycle: wait for it rather than read the first layout.
        new WebDriverWait(SITE.browser().driver(), Duration.ofSeconds(5)).withMessage("below the chunk's last line")
                .until(d -> output.getRect().getY()
                >= editorLine("6 * 7").getRect().getY() + editorLine("6 * 7").getRect().getHeight() - 1);
        int outputTop = output.getRect().getY();
        assertTrue(outputTop + output.getRect().getHeight() <= editorLine("%% md").getRect().getY() + 1
                || editorLine("# After").getRect().getY() > outputTop, "above the next chunk");
        assertTrue(outputUnder("kept out of the report").isDisplayed(), "hideOutput still shows in the editor");
    }

    @Test
    void theOutputUnderAChunkCollapses() {
        runAll();
        WebElement output = outputUnder("hello under");
        WebElement body = output.findElement(By.cssSelector(".chunk-output-body"));
        assertTrue(body.isDisplayed());
        output.findElement(By.cssSelector(".chunk-output-toggle")).click();
        assertFalse(body.isDisplayed(), "collapsed");
        assertEquals("false", output.findElement(By.cssSelector(".chunk-output-toggle")).getDomAttribute("aria-expanded"));
        output.findElement(By.cssSelector(".chunk-output-toggle")).click();
        assertTrue(body.isDisplayed(), "expanded again");
    }

    @Test
    void theReportShowsEachOutputBetweenTheMarkdownAroundItButNotHiddenOnes() {
        runAll();
        page.click("view-report");
        List<String> parts = page.inReport(d -> new WebDriverWait(d, Duration.ofSeconds(10)).until(x -> {
            List<String> texts = x.findElements(By.cssSelector("#report > .report-chunk, #report > .report-output")).stream()
                    .map(e -> e.getText().strip()).filter(t -> !t.isEmpty()).toList();
            return texts.size() >= 3 ? texts : null;
        }));
        page.click("view-explore");
        assertEquals(List.of("Before", "hello under\n42", "After"), parts);
        String report = page.inReport(d -> d.findElement(By.id("report")).getText());
        assertFalse(report.contains("kept out of the report"), report);
    }

    @Test
    void clickingAConsoleEntryMovesTheCursorToItsChunk() {
        runAll();
        page.putCursorAt(0);
        List<WebElement> entries = page.consoleEntries();
        entries.get(entries.size() - 2).findElement(By.cssSelector(".console-input")).click();
        int chunkBody = NOTEBOOK.indexOf("print('hello under')");
        new WebDriverWait(SITE.browser().driver(), Duration.ofSeconds(5)).until(d -> page.cursor() == chunkBody);
    }

    @Test
    void editingAChunkMarksItsOutputUnderItStale() {
        runAll();
        WebElement output = outputUnder("hello under");
        assertNull(output.getDomAttribute("data-stale"));
        page.putCursorAt(NOTEBOOK.indexOf("6 * 7") + "6 * 7".length());
        page.editor().sendKeys("1");
        new WebDriverWait(SITE.browser().driver(), Duration.ofSeconds(5)).until(d ->
                "true".equals(outputUnder("hello under").getDomAttribute("data-stale")));
        assertTrue(outputUnder("hello under").getText().contains("hello under"), "the output is kept");
    }
}

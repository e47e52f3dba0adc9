package org.jodide.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;
import java.util.Map;

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
        return new WebDriverWait(SITE.browser().driver(), Duration.ofSeconds(10)).withMessage(() -> "no finished output with "
                + text + " among " + page.script("return [...document.querySelectorAll('#notebook-editor .chunk-output')]"
                + ".map(e => e.getAttribute('data-state') + ' ' + JSON.stringify(e.innerText));")).until(d ->
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

    /**
     * What a js chunk logs on the console is its output, as print is a py chunk's: log to stdout,
     * warn and error to stderr (red), in order, with %-substitutions, under the chunk and in the
     * report; what a timer logs after the chunk ended is not.
     */
    @Test
    void aJavascriptChunksConsoleLogsAreItsOutput() {
        page.replaceText("%% js\nconsole.log('rows:', 3, {a: 1});\nconsole.warn('careful');\n"
                + "setTimeout(() => console.log('logged after the run'), 0);\n"
                + "console.log('%s of %d', 'two', 2);\n'value'\n");
        page.putCursorAt(0);
        NotebookPage.ConsoleEntry entry = page.runWithShiftEnter();
        assertEquals("\"value\"", entry.value(), entry.error());
        List<String> parts = entry.element().findElements(By.cssSelector(".console-output > *")).stream()
                .map(e -> e.getDomAttribute("class") + "=" + e.getDomProperty("textContent")).toList();
        assertEquals(List.of("console-stdout=rows: 3 {\"a\":1}\n", "console-stderr=careful\n", "console-stdout=two of 2\n"), parts);
        assertEquals(List.of("rows: 3 {\"a\":1}\ncareful\ntwo of 2\n\"value\""), reportOutputs());
        assertTrue(outputUnder("two of 2").getText().contains("careful"));
        assertEquals("true", page.runChunkWith("%% js\nawait new Promise((resolve) => setTimeout(resolve, 50));\ntrue\n", "true").value());
        assertFalse(entry.output().contains("logged after the run"), entry.output());
    }

    /** The texts of the outputs under the chunks (read in the page: CodeMirror redraws their elements). */
    @SuppressWarnings("unchecked")
    private static List<String> chunkOutputTexts() {
        return (List<String>) page.script("return [...document.querySelectorAll('#notebook-editor .chunk-output')].map(e => e.innerText);");
    }

    /** The report's output places, as text (empty when cleared). */
    private static List<String> reportOutputs() {
        return page.inReport(d -> d.findElements(By.cssSelector("#report .report-output")).stream()
                .map(e -> e.getText().strip()).toList());
    }

    /** The cells of the notebook Download .ipynb offers. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> downloadedNotebookCells() {
        String ipynb = page.offeredDownload(() -> page.click("download-ipynb")).get(1);
        return (List<Map<String, Object>>) ((Map<String, Object>) new Json().toType(ipynb, Map.class)).get("cells");
    }

    /** The code cells of Download .ipynb: each one's execution count and number of outputs. */
    private static List<String> downloadedCells() {
        return downloadedNotebookCells().stream().filter(cell -> "code".equals(cell.get("cell_type")))
                .map(cell -> cell.get("execution_count") + ":" + ((List<?>) cell.get("outputs")).size()).toList();
    }

    /**
     * Clear outputs (the toolbar) takes every output away under the chunks, in the report and in
     * Download .ipynb (no outputs, no execution count, as Jupyter's Clear Outputs), keeps the
     * console's history, and the chunks' next run shows its output again in the same places.
     */
    @Test
    void clearOutputsTakesEveryOutputAwayButNotTheConsole() {
        runAll();
        outputUnder("hello under");
        outputUnder("kept out of the report");
        new WebDriverWait(SITE.browser().driver(), Duration.ofSeconds(10)).until(d -> reportOutputs().contains("hello under\n42"));
        assertTrue(downloadedCells().stream().noneMatch(cell -> cell.startsWith("null")), "both ran: " + downloadedCells());
        int entries = page.consoleEntries().size();

        page.click("clear-outputs");
        new WebDriverWait(SITE.browser().driver(), Duration.ofSeconds(5)).until(d ->
                d.findElements(By.cssSelector("#notebook-editor .chunk-output")).isEmpty());
        new WebDriverWait(SITE.browser().driver(), Duration.ofSeconds(5)).until(d ->
                reportOutputs().stream().allMatch(String::isEmpty));
        assertEquals(List.of("null:0", "null:0"), downloadedCells());
        assertEquals(entries, page.consoleEntries().size(), "the console keeps its history");
        assertTrue(page.consoleEntries().get(entries - 2).getText().contains("hello under"));

        runAll();
        assertTrue(outputUnder("hello under").getText().contains("42"));
        new WebDriverWait(SITE.browser().driver(), Duration.ofSeconds(10)).until(d -> reportOutputs().contains("hello under\n42"));
        assertTrue(downloadedCells().stream().noneMatch(cell -> cell.startsWith("null")), "they ran again: " + downloadedCells());
    }

    /** A chunk output's Clear button clears that chunk's output only. */
    @Test
    void aChunkOutputsClearButtonClearsThatChunkOnly() {
        runAll();
        outputUnder("hello under").findElement(By.cssSelector(".chunk-output-clear")).click();
        new WebDriverWait(SITE.browser().driver(), Duration.ofSeconds(5)).until(d -> chunkOutputTexts().stream()
                .noneMatch(text -> text.contains("hello under")));
        assertTrue(outputUnder("kept out of the report").isDisplayed(), "the other chunk's output stays");
        new WebDriverWait(SITE.browser().driver(), Duration.ofSeconds(5)).until(d -> reportOutputs().stream().allMatch(String::isEmpty));
        List<String> cells = downloadedCells();
        assertEquals("null:0", cells.get(0), "the cleared chunk: " + cells);
        assertFalse(cells.get(1).startsWith("null"), "the other keeps its run: " + cells);
    }

    /** A chunk still running (here waiting for input()) keeps its output through Clear outputs; the others are cleared. */
    @Test
    void aRunningChunkKeepsItsOutputThroughClearOutputs() {
        int before = page.consoleEntries().size();
        page.replaceText(NOTEBOOK + "%% py\nprint('asking')\nanswer = input('Go? ')\nanswer\n");
        page.click("run-all");
        assertNull(page.awaitEntry(before).error());
        assertNull(page.awaitEntry(before + 1).error());
        WebElement field = new WebDriverWait(SITE.browser().driver(), Duration.ofSeconds(30)).until(d ->
                d.findElements(By.cssSelector(".chunk-output-question input")).stream().findFirst().orElse(null));
        outputUnder("hello under");
        outputUnder("kept out of the report");
        page.click("clear-outputs");
        new WebDriverWait(SITE.browser().driver(), Duration.ofSeconds(5)).until(d ->
                d.findElements(By.cssSelector("#notebook-editor .chunk-output")).size() == 1);
        WebElement running = SITE.browser().driver().findElement(By.cssSelector("#notebook-editor .chunk-output"));
        assertEquals("running", running.getDomAttribute("data-state"));
        new WebDriverWait(SITE.browser().driver(), Duration.ofSeconds(5)).until(d -> running.getText().contains("asking"));
        assertFalse(running.findElement(By.cssSelector(".chunk-output-clear")).isDisplayed(), "no Clear while it runs");
        field.sendKeys("yes", Keys.ENTER);
        assertEquals("'yes'", page.awaitEntry(before + 2).value());
        assertTrue(outputUnder("asking").getText().contains("'yes'"));
    }

    /** Deleting a code chunk takes its output away under it and in the report, as deleting a cell does in Jupyter. */
    @Test
    void deletingAChunkTakesItsOutputOutOfTheReport() {
        runAll();
        new WebDriverWait(SITE.browser().driver(), Duration.ofSeconds(10)).until(d -> reportOutputs().contains("hello under\n42"));
        String deleted = "%% py\nprint('hello under')\n6 * 7\n";
        int from = NOTEBOOK.indexOf(deleted);
        page.script("const view = window.jodideCodeMirror.findNotebookEditor(document.getElementById('notebook-editor')).view;"
                + "view.dispatch({changes: {from: arguments[0], to: arguments[1]}, userEvent: 'delete'});", from, from + deleted.length());
        assertEquals(NOTEBOOK.replace(deleted, ""), page.editorText());
        new WebDriverWait(SITE.browser().driver(), Duration.ofSeconds(5)).until(d ->
                !page.inReport(r -> r.findElement(By.id("report")).getText()).contains("hello under"));
        assertEquals(List.of(), reportOutputs().stream().filter(text -> !text.isEmpty()).toList());
        assertTrue(chunkOutputTexts().stream().anyMatch(text -> text.contains("kept out of the report")), "the other chunk keeps its output");
        assertTrue(SITE.browser().driver().findElements(By.cssSelector("#notebook-editor .chunk-output")).stream()
                .noneMatch(e -> e.getText().contains("hello under")));
    }

    /** Milliseconds a run-time label says ("<1 ms", "340 ms", "1.2 s"), or -1 when it says something else. */
    private static double millisecondsOf(String label) {
        java.util.regex.Matcher ms = java.util.regex.Pattern.compile("(<1|\\d+) ms").matcher(label);
        if (ms.matches()) {
            return ms.group(1).equals("<1") ? 0 : Double.parseDouble(ms.group(1));
        }
        java.util.regex.Matcher seconds = java.util.regex.Pattern.compile("(\\d+(?:\\.\\d)?) s").matcher(label);
        return seconds.matches() ? Double.parseDouble(seconds.group(1)) * 1000 : -1;
    }

    /**
     * Each run's output says how long it took, under the chunk and in the console, with when it
     * started in its tooltip; Download .ipynb keeps when each cell's run started and ended where
     * JupyterLab records them (metadata.execution).
     */
    @Test
    @SuppressWarnings("unchecked")
    void eachOutputSaysHowLongItsRunTookAndTheIpynbKeepsWhen() {
        int before = page.consoleEntries().size();
        page.replaceText("%% py\nimport time\ntime.sleep(0.4)\nprint('slept')\n%% js\n'js gave ' + 6 * 7\n");
        page.click("run-all");
        assertNull(page.awaitEntry(before).error());
        assertNull(page.awaitEntry(before + 1).error());
        WebElement slept = outputUnder("slept");
        String label = slept.findElement(By.cssSelector(".chunk-output-time")).getText();
        double took = millisecondsOf(label);
        assertTrue(took >= 400 && took < 10_000, "the sleeping chunk's time: " + label);
        assertTrue(slept.findElement(By.cssSelector(".chunk-output-time")).getDomAttribute("title").startsWith("Ran "));
        // Not outputUnder("42"): the sleeping chunk's header may say "421 ms".
        WebElement quickTime = outputUnder("js gave 42").findElement(By.cssSelector(".chunk-output-time"));
        String quick = quickTime.getText();
        assertTrue(millisecondsOf(quick) >= 0 && millisecondsOf(quick) < 400, "the js chunk's time, measured in the frame: "
                + quick + " (" + quickTime.getDomAttribute("title") + ")");
        String inConsole = page.consoleEntries().get(before).findElement(By.cssSelector(".console-time")).getText();
        assertTrue(millisecondsOf(inConsole) >= 400, "the console entry's time: " + inConsole);

        List<Map<String, Object>> cells = downloadedNotebookCells();
        Map<String, Object> execution = (Map<String, Object>) ((Map<String, Object>) cells.get(0).get("metadata")).get("execution");
        assertTrue(execution != null, "the run's times: " + cells.get(0));
        java.time.Instant started = java.time.Instant.parse((String) execution.get("iopub.status.busy"));
        java.time.Instant ended = java.time.Instant.parse((String) execution.get("shell.execute_reply"));
        long between = java.time.Duration.between(started, ended).toMillis();
        assertTrue(between >= 400 && between < 10_000, "started " + started + ", ended " + ended);
        assertTrue(java.time.Duration.between(ended, java.time.Instant.now()).abs().toMinutes() < 5, "a time of today: " + ended);
    }

    /**
     * A run is timed where its code runs, as Jupyter's execution times are: neither the wait for
     * Python to load (the first chunk after a restart) nor the page being busy when the run ends
     * counts. The console entry, the output under the chunk and the .ipynb's times say the same.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aRunsTimeIsHowLongItsCodeRanNotHowLongThePageWaited() {
        page.replaceText("%% py\nimport time\ntime.sleep(1.0)\nprint('after the load')\n");
        page.click("restart-kernel");
        int before = page.consoleEntries().size();
        page.click("run-all");
        new WebDriverWait(SITE.browser().driver(), Duration.ofSeconds(30)).until(d ->
                !d.findElements(By.cssSelector("#notebook-editor .chunk-output[data-state='running']")).isEmpty());
        // The editor's thread is busy for 2.5 s while the chunk runs: it hears the end only after that.
        page.script("const until = performance.now() + 2500; while (performance.now() < until) {}");
        assertNull(page.awaitEntry(before).error());
        WebElement output = outputUnder("after the load");
        WebElement time = output.findElement(By.cssSelector(".chunk-output-time"));
        String label = time.getText();
        double took = millisecondsOf(label);
        assertTrue(took >= 1000 && took < 2000, "took " + label + ", as Python measured its run (the page waited"
                + " for Python to load and was then busy for 2.5 s)");
        assertFalse(time.getDomAttribute("title").contains("until the page heard"), "the kernel measured it: " + time.getDomAttribute("title"));
        assertEquals(label, page.consoleEntries().get(before).findElement(By.cssSelector(".console-time")).getText(),
                "the console entry shows the same time");

        Map<String, Object> execution = (Map<String, Object>) ((Map<String, Object>) downloadedNotebookCells().get(0).get("metadata")).get("execution");
        long between = java.time.Duration.between(java.time.Instant.parse((String) execution.get("iopub.status.busy")),
                java.time.Instant.parse((String) execution.get("shell.execute_reply"))).toMillis();
        assertTrue(Math.abs(between - took) <= 50, "(the label says tenths of seconds) the .ipynb's times are " + between + " ms apart, the label says " + label);
    }
}

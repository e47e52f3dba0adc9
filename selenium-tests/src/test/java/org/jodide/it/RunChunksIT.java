package org.jodide.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Typing a notebook and running its chunks with Shift+Enter, in Chromium with real Pyodide; each
 * test with Python runs with Python on the frame's main thread and in its worker ({@link PythonMode}),
 * except the workspace's off-screen rule, here on the main thread only (ConsoleAndWorkspaceIT has the
 * worker's).
 */
class RunChunksIT {
    @RegisterExtension
    static final SiteExtension SITE = new SiteExtension();

    private NotebookPage page;

    /** Opens the notebook for a test without Python. */
    private void open() {
        page = SITE.notebookPage().open();
    }

    private void open(PythonMode mode) {
        page = mode.open(SITE);
    }

    @ParameterizedTest
    @EnumSource(PythonMode.class)
    void pythonChunkShowsItsValueAfterShiftEnter(PythonMode mode) {
        open(mode);
        page.type("%% py\n1+1");
        NotebookPage.ConsoleEntry entry = page.runWithShiftEnter();
        assertNull(entry.error());
        assertEquals("2", entry.value());
        assertEquals("done", entry.state());
    }

    /**
     * With Python on the frame's main thread too, runs list no variables while the workspace pane is
     * off screen, and list them when it shows (a listing previews every global; the worker's case is
     * ConsoleAndWorkspaceIT's). A variable whose repr counts its calls tells whether it was previewed.
     */
    @ParameterizedTest
    @EnumSource(value = PythonMode.class, names = "MAIN_THREAD")
    void chunksRunWithTheWorkspaceOffScreenPreviewNothingUntilItShows(PythonMode mode) throws InterruptedException {
        open(mode);
        page.setWorkspaceShown(false);
        String notebook = NotebookPage.WORKSPACE_PROBE + "%% py\nProbe.previews\n";
        try {
            assertEquals("done", page.runChunkWith(notebook, "class Probe").state());
            NotebookPage.waitLongerThanAListingWould();
            assertEquals("0", page.runChunkWith(notebook, "Probe.previews\n").value(),
                    "no listing previewed the variable while the pane was off screen");
            page.setWorkspaceShown(true);
            assertEquals("probe Probe probe", page.workspaceRow("PYTHON", "probe", Duration.ofSeconds(10)));
            assertEquals("1", page.runChunkWith(notebook, "Probe.previews\n").value(), "the pane showed: one listing");
        } finally {
            page.setWorkspaceShown(true);
        }
    }

    @Test
    void markdownChunkRendersAHeadingInTheReport() {
        open();
        page.type("%% md\n# Hi");
        page.pressShiftEnter();
        String heading = page.inReport(driver -> new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> d.findElements(By.cssSelector("#report h1")).stream()
                        .map(WebElement::getText).filter("Hi"::equals).findFirst().orElse(null)));
        assertEquals("Hi", heading);
    }

    @ParameterizedTest
    @EnumSource(PythonMode.class)
    void pythonChunksMayAwaitAtTopLevel(PythonMode mode) {
        open(mode);
        // time.sleep after an await: Pyodide's own tried to switch stacks there, and failed.
        page.replaceText("%% py\nimport asyncio, time\nawait asyncio.sleep(0.01)\nprint('after await')\ntime.sleep(0.01)\n'awaited'\n");
        NotebookPage.ConsoleEntry entry = page.runWithShiftEnter();
        assertEquals("after await\n", entry.output());
        assertEquals("'awaited'", entry.value(), entry.error());
    }

    @ParameterizedTest
    @EnumSource(PythonMode.class)
    void brokenPythonIsASyntaxErrorAtItsNotebookLine(PythonMode mode) {
        open(mode);
        // An unclosed bracket: Python's tokenizer fails before the compiler does; the user must
        // still see a SyntaxError at the line, not a failure of the kernel.
        page.replaceText("%% md\n# Broken\n%% py\nvalues = [1, 2,\n");
        NotebookPage.ConsoleEntry entry = page.runWithShiftEnter();
        assertTrue(entry.error().contains("SyntaxError"), entry.error());
        assertTrue(entry.error().contains("line 4"), entry.error());
        assertFalse(entry.error().contains("kernel failed"), entry.error());
    }

    @Test
    void javascriptChunkShowsItsValue() {
        open();
        page.type("%% js\n6*7");
        NotebookPage.ConsoleEntry entry = page.runWithShiftEnter();
        assertEquals("42", entry.value());
    }

    @ParameterizedTest
    @EnumSource(PythonMode.class)
    void printedOutputAndValueOfAPythonChunkAppearTogether(PythonMode mode) {
        open(mode);
        page.type("%% py\nprint('hello')\nprint('world')\n'done'");
        NotebookPage.ConsoleEntry entry = page.runWithShiftEnter();
        assertEquals("hello\nworld\n", entry.output());
        assertEquals("'done'", entry.value());
    }

    /**
     * Text printed without its line end belongs to its chunk and continues on its line: a chunk
     * that prints "Loading..." with end="" shows it (before, it showed in the next chunk's output,
     * joined to that chunk's first line), and a line printed in pieces shows as one line.
     */
    @ParameterizedTest
    @EnumSource(PythonMode.class)
    void textPrintedWithoutItsLineEndStaysInItsChunkAndOnItsLine(PythonMode mode) {
        open(mode);
        String notebook = "%% py\nprint('Loading', end='')\nprint('...', end='', flush=True)\n"
                + "%% py\nfor step in range(3): print(step, end=' ', flush=True)\nprint('done')\n";
        assertEquals("Loading...", page.runChunkWith(notebook, "Loading").output());
        assertEquals("0 1 2 done\n", page.runChunkWith(notebook, "for step").output());
    }

    /**
     * A line rewritten with carriage returns (a progress bar), backspaces (a spinner) and
     * {@code ESC [ K} shows its last state, as in a terminal and in Jupyter, in the console and
     * under the chunk.
     */
    @ParameterizedTest
    @EnumSource(value = PythonMode.class, names = PythonMode.DEFAULT_ONLY)
    void aLineRewrittenWithCarriageReturnsBackspacesAndErasuresShowsItsLastState(PythonMode mode) {
        open(mode);
        String notebook = "%% py\nimport sys\nfor done in range(0, 101, 25):\n"
                + "    print(f'{done:3}% ' + '#' * (done // 25), end='\\r', flush=True)\n"
                + "print('finished', file=sys.stdout)\nprint('next line')\n"
                + "print('spin |\\b/\\b-')\nprint('100% done', end='', flush=True)\nprint('\\r\\x1b[Kok')\n";
        NotebookPage.ConsoleEntry entry = page.runChunkWith(notebook, "import sys");
        String expected = "finished#\nnext line\nspin -\nok\n";
        assertEquals(expected, entry.output(), "overwritten from the line start, the rest kept; a backspace steps back; ESC[K erases");
        String underTheChunk = (String) page.script(
                "return document.querySelector('.chunk-output .chunk-output-stdout').textContent;");
        assertEquals(expected, underTheChunk);
    }

    /**
     * ANSI escape codes colour printed text as in a terminal and in Jupyter, in the console, under
     * the chunk and in the report; other escape sequences are taken out; a carriage return
     * rewrites a coloured line, characters keeping the style they were printed in.
     */
    @ParameterizedTest
    @EnumSource(value = PythonMode.class, names = PythonMode.DEFAULT_ONLY)
    void ansiEscapeCodesStyleTheTextAndOtherSequencesAreTakenOut(PythonMode mode) {
        open(mode);
        String notebook = "%% py\nE = '\\x1b'\n"
                + "print(f'{E}[31mred{E}[0m plain {E}[1;38;5;208mbold orange{E}[0m{E}[?25l')\n"
                + "print(f'{E}[32m100%{E}[0m', end='\\r', flush=True)\n"
                + "print(f'{E}]0;a title\\x07ok')\n";
        NotebookPage.ConsoleEntry entry = page.runChunkWith(notebook, "E = ");
        assertEquals("red plain bold orange\nok0%\n", entry.output());
        String styledRuns = "return [...document.querySelectorAll(arguments[0])].map(s => s.textContent + ' '"
                + " + getComputedStyle(s).color + ' ' + getComputedStyle(s).fontWeight).join('|');";
        String expected = "red rgb(196, 38, 45) 400|bold orange rgb(255, 135, 0) 700|0% rgb(15, 122, 40) 400";
        assertEquals(expected, page.script(styledRuns, ".console-entry:last-child .console-output span[style]"));
        assertEquals(expected, page.script(styledRuns, ".chunk-output .chunk-output-stdout span[style]"));
        page.click("view-report");
        String inReport = page.inReport(d -> new WebDriverWait(d, Duration.ofSeconds(10)).until(x -> {
            Object runs = ((JavascriptExecutor) x).executeScript(styledRuns, ".report-output-stdout span[style]");
            return expected.equals(runs) ? (String) runs : null;
        }));
        page.click("view-explore");
        assertEquals(expected, inReport);
    }

    @ParameterizedTest
    @EnumSource(PythonMode.class)
    void pythonErrorShowsATracebackWithTheNotebookLine(PythonMode mode) {
        open(mode);
        page.replaceText("%% md\nintro\n\n%% py\nx = 1\nraise ValueError('boom')\n");
        NotebookPage.ConsoleEntry entry = page.runWithShiftEnter();
        assertEquals("error", entry.state());
        String error = entry.error();
        assertTrue(error.contains("ValueError: boom"), error);
        // The raise is on line 6 of the notebook (1-based).
        assertTrue(error.contains("line 6"), error);
        assertTrue(error.contains("raise ValueError('boom')"), error);
    }

    @Test
    void javascriptErrorNamesTheNotebookLine() {
        open();
        page.replaceText("%% js\nlet a = 1;\nundefinedFunction();\n");
        NotebookPage.ConsoleEntry entry = page.runWithShiftEnter();
        assertEquals("error", entry.state());
        assertTrue(entry.error().contains("ReferenceError"), entry.error());
        assertTrue(entry.error().contains("notebook line 3"), entry.error());
    }

    @ParameterizedTest
    @EnumSource(PythonMode.class)
    void tracebacksAndStacksNameTheChunkByItsTypeAndLine(PythonMode mode) {
        open(mode);
        String text = "%% md\nintro\n\n%% py\ndef fail():\n    raise ValueError('boom')\n%% js\nlet a = 1;\nundefinedFunction();\n"
                + "%% py\nfail()\n";
        page.replaceText(text);
        page.click("run-all");
        NotebookPage.ConsoleEntry javascript = page.awaitEntry(1);
        assertTrue(javascript.error().contains("at js chunk at line 7, notebook line 9, column 1"), javascript.error());

        page.putCursorAt(text.indexOf("fail()\n"));
        String traceback = page.runWithShiftEnter().error();
        assertTrue(traceback.contains("File \"py chunk at line 10\", line 11"), traceback);
        assertTrue(traceback.contains("File \"py chunk at line 4\", line 6, in fail"), traceback);
        assertTrue(!traceback.contains("chunk-c") && !traceback.contains("<chunk"), "no internal ids: " + traceback);
    }

    /**
     * A chunk far down a notebook (past line 256, where the kernel compiles it from its own text and
     * moves its code to its notebook lines instead of padding it) reports notebook lines in its
     * traceback and in its compile warning, and the warning shows once (finding the chunk's imports
     * had given it again as "<unknown>:2").
     */
    @ParameterizedTest
    @EnumSource(PythonMode.class)
    void aChunkFarDownReportsItsNotebookLinesAndItsWarningOnce(PythonMode mode) {
        open(mode);
        String text = "%% md\n" + "filler\n".repeat(400) + "%% py\nimport re\npattern = \"\\d+\"\ndef fail():\n    return 1 / 0\n\nfail()\n";
        page.replaceText(text);
        page.click("run-all");
        NotebookPage.ConsoleEntry entry = page.awaitEntry(0);
        String traceback = entry.error();
        assertTrue(traceback.contains("File \"py chunk at line 402\", line 408"), traceback);
        assertTrue(traceback.contains("File \"py chunk at line 402\", line 406, in fail"), traceback);
        assertTrue(traceback.contains("return 1 / 0"), "the line quoted from the chunk: " + traceback);
        String output = entry.output();
        assertTrue(output.contains("py chunk at line 402:404: SyntaxWarning"), output);
        assertEquals(1, output.split("SyntaxWarning", -1).length - 1, "one warning: " + output);
    }

    @ParameterizedTest
    @EnumSource(PythonMode.class)
    void theReadmeNotebookDoesWhatTheReadmeSays(PythonMode mode) throws java.io.IOException {
        open(mode);
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("../README.md"));
        int start = readme.indexOf("```\n", readme.indexOf("## A notebook")) + 4;
        String notebook = readme.substring(start, readme.indexOf("```\n", start));
        page.replaceText(notebook);
        page.click("run-all");
        NotebookPage.ConsoleEntry python = page.awaitEntry(0);
        assertEquals("items: 3\n", python.output());
        assertEquals("17.75", python.value());
        NotebookPage.ConsoleEntry javascript = page.awaitEntry(1);
        assertEquals("42", javascript.value(), javascript.error());
        assertEquals("68 characters\n", javascript.output(), "it awaited the file and logged its length");
        String heading = page.inReport(driver -> new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> d.findElements(By.cssSelector("#report h1")).stream().map(WebElement::getText)
                        .filter(shown -> shown.contains("JavaScript")).findFirst().orElse(null)));
        assertEquals("Sales, checked by JavaScript", heading, "the js chunk changes what the report shows");
    }

    @ParameterizedTest
    @EnumSource(PythonMode.class)
    void shiftEnterRunsTheChunkAtTheCursorAndMovesToTheNext(PythonMode mode) {
        open(mode);
        String text = "%% py\nx = 20\n%% py\nx + 1\n%% js\n'last'\n";
        page.replaceText(text);
        page.putCursorAt(text.indexOf("x = 20"));
        NotebookPage.ConsoleEntry first = page.runWithShiftEnter();
        assertNull(first.error());
        assertNull(first.value(), "an assignment has no value");
        assertEquals(text.indexOf("x + 1"), page.cursor(), "the cursor moves to the next chunk's body");
        assertEquals("21", page.runWithShiftEnter().value());
        assertEquals("\"last\"", page.runWithShiftEnter().value());
    }

    @ParameterizedTest
    @EnumSource(PythonMode.class)
    void pythonAndJavascriptRunInOrderWhenQueuedTogether(PythonMode mode) {
        open(mode);
        page.replaceText("%% py\nimport time\nfor i in range(3):\n    print(i)\n%% js\n'after python'\n");
        page.click("run-all");
        NotebookPage.ConsoleEntry python = page.awaitEntry(0);
        NotebookPage.ConsoleEntry javascript = page.awaitEntry(1);
        assertEquals("0\n1\n2\n", python.output());
        assertEquals("\"after python\"", javascript.value());
    }

    @ParameterizedTest
    @EnumSource(PythonMode.class)
    void globalsDeclaredByNotebookJavascriptDoNotBreakTheFrame(PythonMode mode) {
        open(mode);
        // Short names like the minified ones of compiled code: the frame's own code must not share the global scope.
        String text = "%% js\nvar a = 1; var b = 2; function C() { return 3; } x = 4; var main = 5;\n"
                + "%% js\na + b + C() + x + main\n%% py\n1+1\n";
        page.replaceText(text);
        page.putCursorAt(0);
        assertNull(page.runWithShiftEnter().error());
        NotebookPage.ConsoleEntry sum = page.runWithShiftEnter();
        assertEquals("15", sum.value(), sum.error());
        assertEquals("2", page.runWithShiftEnter().value());
    }

    @Test
    void notebookCodeCannotReachTheEditorsStorageOrDocument() {
        open();
        page.replaceText("%% js\n"
                + "const probes = [];\n"
                + "try { localStorage.length; probes.push('storage readable'); } catch (e) { probes.push(e.name); }\n"
                + "try { window.parent.document.title; probes.push('parent readable'); } catch (e) { probes.push(e.name); }\n"
                + "probes.join(',')\n");
        NotebookPage.ConsoleEntry entry = page.runWithShiftEnter();
        assertEquals("\"SecurityError,SecurityError\"", entry.value());
        WebElement frame = SITE.browser().driver().findElement(By.id("eval-frame"));
        // Scripts and, as in Iodide, alert/confirm/prompt; never allow-same-origin.
        assertEquals("allow-scripts allow-modals", frame.getDomAttribute("sandbox"));
    }
}

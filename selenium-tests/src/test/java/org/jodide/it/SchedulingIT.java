package org.jodide.it;

import org.jodide.core.Language;
import org.jodide.core.protocol.EditorToFrame;
import org.jodide.core.protocol.ProtocolCodec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One run queue across languages; Run All stops at the first error; edited chunks' outputs go stale, not away. */
class SchedulingIT {
    @RegisterExtension
    static final SiteExtension SITE = new SiteExtension();

    private NotebookPage page;

    @BeforeEach
    void openNotebook() {
        page = SITE.notebookPage().open();
    }

    @Test
    void runAllStopsAtTheFirstErrorAndNamesTheFailingChunk() {
        page.replaceText("%% py\nx = 1\n%% js\nnotDefined + 1\n%% py\nx = 2\n%% py skipRunAll\nx = 3\n");
        page.click("run-all");
        assertEquals("done", page.awaitEntry(0).state());
        assertEquals("error", page.awaitEntry(1).state());
        String note = new WebDriverWait(SITE.browser().driver(), Duration.ofSeconds(10)).until(d ->
                d.findElements(By.cssSelector("#console .console-note")).stream()
                        .map(e -> e.getText()).filter(t -> t.startsWith("Run stopped")).findFirst().orElse(null));
        assertTrue(note.contains("js chunk at line 3"), note);
        assertTrue(note.contains("1 chunk was not run"), note);
        assertEquals(2, page.consoleEntries().size(), "nothing after the failing chunk ran");

        // x is still 1: the chunk after the error did not run.
        page.replaceText("%% py\nx\n");
        assertEquals("1", page.runWithShiftEnter().value());
    }

    @Test
    void editingARunChunkKeepsItsOutputAndMarksItStale() {
        page.replaceText("%% py\nprint('kept')\n");
        page.putCursorAt(0);
        NotebookPage.ConsoleEntry entry = page.runWithShiftEnter();
        assertEquals("kept\n", entry.output());

        page.putCursorAt("%% py\nprint('kept')".length());
        page.editor().sendKeys(" # edited");
        new WebDriverWait(SITE.browser().driver(), Duration.ofSeconds(5))
                .until(d -> "true".equals(entry.element().getDomAttribute("data-stale")));
        assertEquals("kept\n", entry.output(), "the output is still there");

        // Undoing the edit by hand makes the output fresh again.
        for (int i = 0; i < " # edited".length(); i++) {
            page.editor().sendKeys(Keys.BACK_SPACE);
        }
        new WebDriverWait(SITE.browser().driver(), Duration.ofSeconds(5))
                .until(d -> entry.element().getDomAttribute("data-stale") == null);
    }

    @Test
    void runAboveAndRunBelowRunTheRightChunks() {
        String text = "%% py\nprint('one')\n%% py\nprint('two')\n%% py\nprint('three')\n";
        page.replaceText(text);
        page.putCursorAt(text.indexOf("print('two')"));
        page.click("run-above");
        assertEquals("one\n", page.awaitEntry(0).output());
        page.putCursorAt(text.indexOf("print('two')"));
        page.click("run-below");
        assertEquals("two\n", page.awaitEntry(1).output());
        assertEquals("three\n", page.awaitEntry(2).output());
        assertEquals(3, page.consoleEntries().size());
    }

    /**
     * The editor's queue is the only one: it sends a run when the previous one finished. A frame
     * sent a second run meanwhile refuses it with a reason (it neither queues nor drops it) and
     * finishes the first.
     */
    @Test
    void theFrameRefusesARunSentWhileAnotherRunsAndSaysWhy() {
        page.replaceText("%% js\n1\n");
        // The editor talks to the frame over a MessageChannel: note its port when it next sends.
        page.captureFrameChannel();
        page.runWithShiftEnter();
        String slow = ProtocolCodec.encode(new EditorToFrame.RunCode(2_000_001, Language.JAVASCRIPT, "slow",
                "new Promise(resolve => setTimeout(() => resolve('slow done'), 300))", 0));
        String second = ProtocolCodec.encode(new EditorToFrame.RunCode(2_000_002, Language.JAVASCRIPT, "second", "2", 0));
        SITE.browser().driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        List<?> finished = (List<?>) ((JavascriptExecutor) SITE.browser().driver()).executeAsyncScript(
                "const [slow, second, done] = arguments;"
                        + "const port = window.frameChannel;"
                        + "const editorHandler = port.onmessage;"
                        + "const heard = [];"
                        + "port.onmessage = function(event) {"
                        + "  const message = typeof event.data === 'string' ? JSON.parse(event.data) : {};"
                        + "  if (message.type !== 'RunFinished' || message.runId < 2000001) { editorHandler(event); return; }"
                        + "  heard.push(message.runId + ' ' + (message.error || message.value));"
                        + "  if (heard.length === 2) { port.onmessage = editorHandler; done(heard); }"
                        + "};"
                        + "port.postMessage(slow); port.postMessage(second);", slow, second);
        assertEquals("2000002 The eval frame runs one run at a time: run 2000002 came while run 2000001 was running,"
                + " so it was not run.", finished.get(0));
        assertEquals("2000001 \"slow done\"", finished.get(1));
    }
}

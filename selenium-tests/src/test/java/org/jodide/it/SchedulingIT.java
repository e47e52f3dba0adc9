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
     * The frame reports the kernel busy and idle once per batch of runs it gets, not for every js
     * chunk (js chunks end at once; idle waits for the end of the task that handles the batch); the
     * status the editor shows does not flicker to ready during the Run All.
     */
    @Test
    void theKernelStatusGoesIdleOncePerRunAllNotPerChunk() {
        // Python loaded: while it loads, the status says so whatever runs.
        channelAfterRunning("%% py\n1\n");
        StringBuilder notebook = new StringBuilder();
        int chunks = 40;
        for (int i = 0; i < chunks; i++) {
            notebook.append("%% js\nvar statusProbe").append(i).append(" = ").append(i).append(";\n");
        }
        page.replaceText(notebook.toString());
        page.script("window.statusReported = []; window.statusShown = [];"
                + "const port = window.frameChannel;"
                + "const editorHandler = port.onmessage;"
                + "port.onmessage = (event) => {"
                + "  for (const text of window.frameTexts(event.data)) {"
                + "    const message = JSON.parse(text);"
                + "    if (message.type === 'KernelStatus') window.statusReported.push(message.state);"
                + "  }"
                + "  editorHandler(event);"
                + "};"
                + "const status = document.getElementById('kernel-status');"
                // Every change the view makes, even two within one task: each record's old value, in order.
                + "new MutationObserver((records) => records.forEach((record) => window.statusShown.push(record.oldValue)))"
                + "  .observe(status, {attributes: true, attributeFilter: ['data-state'], attributeOldValue: true});");
        int before = page.consoleEntries().size();
        page.click("run-all");
        assertEquals("done", page.awaitEntry(before + chunks - 1).state());
        new WebDriverWait(SITE.browser().driver(), Duration.ofSeconds(5)).until(d ->
                "idle".equals(d.findElement(By.id("kernel-status")).getDomAttribute("data-state")));
        List<?> reported = (List<?>) page.script("return window.statusReported;");
        // Idle at most once per batch of messages the editor sent (it sends a batch every 16 ms while
        // it enqueues), never once per chunk.
        assertTrue(reported.stream().filter("IDLE"::equals).count() <= chunks / 4,
                "the frame reports idle once per batch, not per chunk: " + reported);
        List<?> shown = (List<?>) page.script("return window.statusShown.slice(1);");
        assertTrue(shown.stream().filter("idle"::equals).count() == 0, "no 'ready' shown during the Run All: " + shown);
    }

    /**
     * The frame queues runs and carries them out in the order they came (the editor sends code
     * chunks ahead): a second run sent while a slow one runs waits for it; a run of a failure group
     * that already failed is skipped; DropQueued skips what waits and lets the running one finish.
     */
    @Test
    void theFrameRunsQueuedRunsInOrderAndSkipsTheRestOfAFailedGroup() {
        channelAfterRunning("%% js\n1\n");
        List<String> wires = List.of(
                run(2_000_001, "new Promise(resolve => setTimeout(() => resolve('slow done'), 300))", 0),
                run(2_000_002, "2", 0),
                run(2_000_003, "throw new Error('third fails')", 41),
                run(2_000_004, "'never: same group as a failure'", 41),
                run(2_000_005, "'other group runs'", 42),
                run(2_000_006, "new Promise(resolve => setTimeout(() => resolve('slow again'), 300))", 0),
                run(2_000_007, "'dropped'", 0));
        // DropQueued comes once 2000006 runs (after 2000005 ended) and 2000007 waits behind it.
        List<?> heard = runInFrame(wires, 5, ProtocolCodec.encode(new EditorToFrame.DropQueued()), 7);
        assertEquals("2000001 \"slow done\"", heard.get(0));
        assertEquals("2000002 2", heard.get(1));
        assertTrue(String.valueOf(heard.get(2)).startsWith("2000003 Error: third fails"), String.valueOf(heard.get(2)));
        assertEquals("2000004 skipped", heard.get(3));
        assertEquals("2000005 \"other group runs\"", heard.get(4));
        assertEquals("2000007 skipped", heard.get(5), "DropQueued answers the waiting run at once");
        assertEquals("2000006 \"slow again\"", heard.get(6), "the running one finishes");
    }

    /**
     * Python in the worker gets the runs that follow the one it runs at once and queues them itself:
     * it skips the rest of a failed group there, and a Stop's DropQueued reaches the runs it has not
     * started even while it is busy with a long one (through the shared interrupt buffer).
     */
    @Test
    void thePythonWorkerQueuesRunsSentAheadSkipsTheRestOfAFailedGroupAndDropsWhatWaits() {
        channelAfterRunning("%% py\nimport time\n");
        List<String> wires = List.of(
                python(2_000_001, "time.sleep(0.3)\n'slow done'", 0),
                python(2_000_002, "2", 0),
                python(2_000_003, "raise ValueError('third fails')", 41),
                python(2_000_004, "'never: same group as a failure'", 41),
                python(2_000_005, "'other group runs'", 42),
                python(2_000_006, "print('slow again starts')\nimport asyncio\nawait asyncio.sleep(0.05)\n"
                        + "until = time.time() + 0.5\nwhile time.time() < until: pass\n'slow again'", 0),
                python(2_000_007, "'dropped'", 0));
        // DropQueued comes once 2000006 has printed, so it runs: five endings heard are not enough,
        // the worker may not have taken 2000006 up yet, and then DropQueued rightly skips it too.
        // (The print reaches the frame while the run awaits; the DropQueued reaches the worker then,
        // or while the loop keeps it busy through the shared slot: 2000007 is skipped either way.
        // Not time.sleep: after an await, Pyodide's time.sleep needs stack switching, which fails.)
        List<?> heard = runInFrameSendingLaterOncePrinted(wires, 2_000_006,
                ProtocolCodec.encode(new EditorToFrame.DropQueued()), 7);
        assertEquals("2000001 'slow done'", heard.get(0));
        assertEquals("2000002 2", heard.get(1));
        assertTrue(String.valueOf(heard.get(2)).startsWith("2000003 Traceback"), String.valueOf(heard.get(2)));
        assertTrue(String.valueOf(heard.get(2)).contains("ValueError: third fails"), String.valueOf(heard.get(2)));
        assertEquals("2000004 skipped", heard.get(3));
        assertEquals("2000005 'other group runs'", heard.get(4));
        assertTrue(heard.subList(5, 7).containsAll(List.of("2000006 'slow again'", "2000007 skipped")),
                "the running one finishes, the one behind it does not run: " + heard);

        page.replaceText("%% py\n1 + 1\n");
        assertEquals("2", page.runWithShiftEnter().value(), "the worker runs what comes next");
    }

    /**
     * A worker that dies while a Run All is in it (an uncaught error while a chunk awaits): the run
     * it was running fails, the rest of that Run All's group is skipped rather than run in the fresh
     * kernel that replaces it (without the chunks before them), and a run of no group is sent to the
     * new worker and runs there.
     */
    @Test
    void aReplacedWorkerFailsTheRunningGroupAndRunsWhatElseWaitsInTheNewKernel() {
        channelAfterRunning("%% py\n1\n");
        List<String> wires = List.of(
                python(3_000_001, "import js\njs.eval(\"setTimeout(() => { throw new Error('worker boom'); }, 400)\")\n'armed'", 51),
                python(3_000_002, "import asyncio\nawait asyncio.sleep(5)\n'not reached'", 51),
                python(3_000_003, "'rest of the failed group'", 51),
                python(3_000_004, "'fresh kernel' if 'asyncio' not in dir() else 'old kernel'", 0));
        List<?> heard = runInFrame(wires, -1, "", 4);
        assertEquals("3000001 'armed'", heard.get(0));
        String died = String.valueOf(heard.get(1));
        assertTrue(died.startsWith("3000002 The Python worker stopped") && died.contains("worker boom"), died);
        assertEquals("3000003 skipped", heard.get(2));
        assertEquals("3000004 'fresh kernel'", heard.get(3));
    }

    /**
     * Runs {@code chunk} (which loads its language) and notes the editor's port to the frame, a
     * MessageChannel, as it sends the run: {@link #runInFrame} then talks to the frame directly.
     */
    private void channelAfterRunning(String chunk) {
        page.replaceText(chunk);
        page.captureFrameChannel();
        assertEquals("done", page.runWithShiftEnter().state());
    }

    private static String run(int runId, String code, int failureGroup) {
        return ProtocolCodec.encode(new EditorToFrame.RunCode(runId, Language.JAVASCRIPT, "c" + runId, code, 0, -1, false,
                failureGroup));
    }

    private static String python(int runId, String code, int failureGroup) {
        return ProtocolCodec.encode(new EditorToFrame.RunCode(runId, Language.PYTHON, "c" + runId, code, 0, -1, false,
                failureGroup));
    }

    /**
     * Posts {@code wires} on the editor's channel, then {@code later} once {@code laterAfter} runs
     * ended, and returns the first {@code count} run endings heard, as "id value-or-error".
     */
    private List<?> runInFrame(List<String> wires, int laterAfter, String later, int count) {
        return talkToFrame(wires, laterAfter, -1, later, count);
    }

    /** As {@link #runInFrame}, but {@code later} goes once run {@code printer} printed something. */
    private List<?> runInFrameSendingLaterOncePrinted(List<String> wires, int printer, String later, int count) {
        return talkToFrame(wires, -1, printer, later, count);
    }

    private List<?> talkToFrame(List<String> wires, int laterAfter, int laterOncePrinted, String later, int count) {
        SITE.browser().driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return (List<?>) ((JavascriptExecutor) SITE.browser().driver()).executeAsyncScript(
                "const [wires, laterAfter, laterOncePrinted, later, count, done] = arguments;"
                        + "const port = window.frameChannel;"
                        + "const editorHandler = port.onmessage;"
                        + "const heard = [];"
                        + "let laterSent = false;"
                        + "const sendLater = () => { if (!laterSent) { laterSent = true; port.postMessage(later); } };"
                        + "port.onmessage = function(event) {"
                        + "  const others = [];"
                        + "  for (const text of window.frameTexts(event.data)) {"
                        + "    const message = JSON.parse(text);"
                        + "    if (message.type === 'StreamOutput' && message.runId === laterOncePrinted) sendLater();"
                        + "    const ending = message.type === 'RunFinished' || message.type === 'RunSkipped';"
                        + "    if (!ending || message.runId < 2000001 || heard.length === count) { others.push(text); continue; }"
                        + "    heard.push(message.runId + ' ' + (message.type === 'RunSkipped' ? 'skipped'"
                        + "        : (message.error || message.value)));"
                        + "    if (heard.length === laterAfter) sendLater();"
                        + "  }"
                        + "  if (others.length) editorHandler({data: {jodideBatch: others}});"
                        + "  if (heard.length === count) { port.onmessage = editorHandler; done(heard); }"
                        + "};"
                        + "for (const wire of wires) port.postMessage(wire);",
                wires, laterAfter, laterOncePrinted, later, count);
    }
}

package org.jodide.core.jupyter;

import org.jodide.core.kernel.ExecutionListener;
import org.jodide.core.kernel.OutputStream;
import org.jodide.core.kernel.RunTiming;
import org.jodide.core.kernel.SettableClock;
import org.jodide.iomd.ipynb.CellOutput;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NotebookOutputsTest {
    private final NotebookOutputs outputs = new NotebookOutputs();

    @Test
    void aRunKeepsItsPrintedTextByStreamItsDisplaysItsValueInOrder() {
        ExecutionListener run = outputs.recorder("c1");
        run.output(OutputStream.STDOUT, "a\n");
        run.output(OutputStream.STDOUT, "b\n");
        run.output(OutputStream.STDERR, "warn\n");
        run.display("text/html", "<b>x</b>");
        run.output(OutputStream.STDOUT, "c");
        run.finished("42", null);
        assertEquals(new CellOutput.Run(1, List.of(
                new CellOutput.Stream("stdout", "a\nb\n"),
                new CellOutput.Stream("stderr", "warn\n"),
                new CellOutput.DisplayData(Map.of("text/html", "<b>x</b>")),
                new CellOutput.Stream("stdout", "c"),
                new CellOutput.ExecuteResult(1, Map.of("text/plain", "42")))), outputs.of("c1"));
        assertNull(outputs.of("never-ran"));
    }

    @Test
    void theLatestRunOfAChunkReplacesItsEarlierOneAndCountsOn() {
        outputs.recorder("c1").finished("1", null);
        outputs.recorder("c2").finished("2", null);
        outputs.recorder("c1").finished("3", null);
        assertEquals(new CellOutput.Run(3, List.of(new CellOutput.ExecuteResult(3, Map.of("text/plain", "3")))), outputs.of("c1"));
        assertEquals(2, outputs.of("c2").executionCount());
    }

    @Test
    void aRunKeepsWhenItStartedAndEndedOnceItsTimingEnded() {
        SettableClock clock = new SettableClock("2026-12-03T10:00:00Z");
        RunTiming timing = RunTiming.startingNow(clock);
        ExecutionListener run = outputs.recorder("c1", timing);
        clock.advance(1_500);
        run.finished("1", null);
        assertNull(outputs.of("c1").times(), "the timing has not ended yet");
        timing.end();
        assertEquals(new CellOutput.RunTimes("2026-12-03T10:00:00Z", "2026-12-03T10:00:01.500Z"), outputs.of("c1").times());
        outputs.recorder("c2").finished(null, null);
        assertNull(outputs.of("c2").times(), "no timing, no times");
        CellOutput.RunTimes saved = new CellOutput.RunTimes("2021-05-25T07:52:46.371924Z", "2021-05-25T07:52:46.375926Z");
        outputs.restore("c3", new CellOutput.Run(4, List.of(), saved));
        assertEquals(saved, outputs.of("c3").times(), "a saved run keeps its times");
    }

    @Test
    void aForgottenRunLeavesItsChunkWithoutOutputsAndTheCountGoesOn() {
        outputs.recorder("c1").finished("1", null);
        outputs.recorder("c2").finished("2", null);
        outputs.forget("c1");
        assertNull(outputs.of("c1"), "cleared: no outputs, no execution count");
        assertEquals(2, outputs.of("c2").executionCount(), "the other chunk keeps its run");
        outputs.recorder("c1").finished("3", null);
        assertEquals(3, outputs.of("c1").executionCount(), "counted on from the last count given, as Jupyter does");
    }

    @Test
    void anUpdateChangesTheDisplaysOfItsIdInAnyRunAndClearOutputEmptiesTheRun() {
        ExecutionListener first = outputs.recorder("c1");
        first.display("text/plain", "0%", "bar", false);
        first.finished(null, null);
        ExecutionListener second = outputs.recorder("c2");
        second.display("text/html", "<i>100%</i>", "bar", true);
        second.output(OutputStream.STDOUT, "gone");
        second.clearOutput();
        second.output(OutputStream.STDOUT, "kept");
        second.finished(null, null);
        assertEquals(List.of(new CellOutput.DisplayData(Map.of("text/html", "<i>100%</i>"))), outputs.of("c1").outputs());
        assertEquals(List.of(new CellOutput.Stream("stdout", "kept")), outputs.of("c2").outputs());
    }

    @Test
    void errorsKeepTheExceptionNameMessageAndTracebackLines() {
        ExecutionListener run = outputs.recorder("c1");
        run.finished(null, "Traceback (most recent call last):\n  File \"py chunk at line 3\", line 4, in <module>\n"
                + "ZeroDivisionError: division by zero\n");
        assertEquals(List.of(new CellOutput.Error("ZeroDivisionError", "division by zero", List.of(
                "Traceback (most recent call last):", "  File \"py chunk at line 3\", line 4, in <module>",
                "ZeroDivisionError: division by zero"))), outputs.of("c1").outputs());
        assertEquals(new CellOutput.Error("TypeError", "x is not a function", List.of("TypeError: x is not a function", "    at eval")),
                NotebookOutputs.error("TypeError: x is not a function\n    at eval"));
        assertEquals(new CellOutput.Error("KeyboardInterrupt", "", List.of("Traceback (most recent call last):", "KeyboardInterrupt")),
                NotebookOutputs.error("Traceback (most recent call last):\nKeyboardInterrupt"));
        assertEquals("Error", NotebookOutputs.error("Not run: an earlier chunk failed.").ename());
    }

    @Test
    void outputsSavedWithAnOpenedNotebookAreKeptUntilTheChunkRunsAndRunsCountOnFromThem() {
        CellOutput.Run saved = new CellOutput.Run(7, List.of(new CellOutput.DisplayData(Map.of("image/png", "iVBOR", "text/plain", "<Figure>"))));
        outputs.restore("c1", saved);
        assertEquals(saved, outputs.of("c1"));
        outputs.recorder("c2").finished("1", null);
        assertEquals(8, outputs.of("c2").executionCount());
    }

    @Test
    void aSkippedRunKeepsNothing() {
        outputs.recorder("c1").finished("1", null);
        outputs.recorder("c1").skipped();
        assertEquals(List.of(), outputs.of("c1").outputs());
    }

    @Test
    void carriageReturnsLeaveTheLastStateOfALineAsATerminalDoes() {
        assertEquals("done 100%\nnext", NotebookOutputs.overwritten("10%\r50%\rdone 100%\r\nnext"));
        assertEquals("abc\n", NotebookOutputs.overwritten("abc\r\n"));
        assertEquals("spin /", NotebookOutputs.overwritten("spin |\rspin /\r"));
        assertEquals("plain\n", NotebookOutputs.overwritten("plain\n"));
    }

    @Test
    void printedTextIsCutAtItsLimitSayingSo() {
        ExecutionListener run = outputs.recorder("c1");
        String line = "x".repeat(1000) + "\n";
        for (int i = 0; i < NotebookOutputs.MAX_TEXT_CHARS / line.length() + 10; i++) {
            run.output(OutputStream.STDOUT, line);
        }
        String kept = ((CellOutput.Stream) outputs.of("c1").outputs().get(0)).text();
        assertTrue(kept.length() < NotebookOutputs.MAX_TEXT_CHARS + 100, "length " + kept.length());
        assertTrue(kept.endsWith("\n[output cut at " + NotebookOutputs.MAX_TEXT_CHARS + " characters]\n"), kept.substring(kept.length() - 60));
    }
}

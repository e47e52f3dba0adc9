package org.jodide.core.kernel;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OutputBatcherTest {
    /** What the target heard, one string per call. */
    private final List<String> heard = new ArrayList<>();
    private final List<Runnable> timers = new ArrayList<>();
    private final List<Integer> delays = new ArrayList<>();
    private final OutputBatcher batcher = new OutputBatcher(new ExecutionListener() {
        @Override
        public void output(OutputStream stream, String text) {
            heard.add(stream + ":" + text);
        }

        @Override
        public void display(String mimeType, String data) {
            heard.add("display " + mimeType + ":" + data);
        }

        @Override
        public void finished(String value, String error) {
            heard.add("finished " + value + " " + error);
        }

        @Override
        public void clearOutput() {
            heard.add("cleared");
        }

        @Override
        public void blocking() {
            heard.add("blocking");
        }
    }, new OutputBatcher.Timer() {
        @Override
        public double now() {
            return clock;
        }

        @Override
        public void schedule(int delayMs, Runnable task) {
            delays.add(delayMs);
            timers.add(task);
        }
    });
    private double clock = 1000;

    private void fireTimers() {
        List<Runnable> due = new ArrayList<>(timers);
        timers.clear();
        due.forEach(Runnable::run);
    }

    @Test
    void linesOfOneStreamGoOutAsOneBatchWhenTheTimerFires() {
        batcher.output(OutputStream.STDOUT, "0\n");
        batcher.output(OutputStream.STDOUT, "1\n");
        batcher.output(OutputStream.STDOUT, "2\n");
        assertEquals(List.of(), heard);
        assertEquals(List.of(OutputBatcher.FLUSH_DELAY_MS), delays, "one timer per batch");
        fireTimers();
        assertEquals(List.of("STDOUT:0\n1\n2\n"), heard);
    }

    @Test
    void aChangeOfStreamSendsTheBatchBeforeSoOrderIsKept() {
        batcher.output(OutputStream.STDOUT, "a\n");
        batcher.output(OutputStream.STDERR, "b\n");
        batcher.output(OutputStream.STDOUT, "c\n");
        batcher.finished(null, null);
        assertEquals(List.of("STDOUT:a\n", "STDERR:b\n", "STDOUT:c\n", "finished null null"), heard);
    }

    @Test
    void aClearingComesAfterTheTextPrintedBeforeIt() {
        batcher.output(OutputStream.STDOUT, "frame 1\n");
        batcher.clearOutput();
        batcher.output(OutputStream.STDOUT, "frame 2\n");
        batcher.finished(null, null);
        assertEquals(List.of("STDOUT:frame 1\n", "cleared", "STDOUT:frame 2\n", "finished null null"), heard);
    }

    @Test
    void displaysAndTheEndOfTheRunComeAfterTheTextPrintedBeforeThem() {
        batcher.output(OutputStream.STDOUT, "before\n");
        batcher.display("text/html", "<b>x</b>");
        batcher.output(OutputStream.STDOUT, "after\n");
        batcher.finished("42", null);
        assertEquals(List.of("STDOUT:before\n", "display text/html:<b>x</b>", "STDOUT:after\n", "finished 42 null"),
                heard);
    }

    @Test
    void aTimerSetForABatchAlreadySentSendsNothingTwice() {
        batcher.output(OutputStream.STDOUT, "a\n");
        batcher.display("text/plain", "x");
        batcher.output(OutputStream.STDOUT, "b\n");
        fireTimers();
        assertEquals(List.of("STDOUT:a\n", "display text/plain:x", "STDOUT:b\n"), heard);
        fireTimers();
        assertEquals(3, heard.size());
    }

    @Test
    void aBigBatchGoesOutWithoutWaitingForTheTimer() {
        String line = "x".repeat(999) + "\n";
        int lines = OutputBatcher.MAX_BATCH_CHARS / line.length() + 1;
        for (int i = 0; i < lines; i++) {
            batcher.output(OutputStream.STDOUT, line);
        }
        assertEquals(1, heard.size(), "a run that never yields still shows its output");
        assertEquals("STDOUT:" + line.repeat(lines), heard.get(0));
    }

    @Test
    void aRunThatNeverYieldsStillSendsItsOutputAsItGoes() {
        batcher.output(OutputStream.STDOUT, "0\n");
        clock += OutputBatcher.FLUSH_DELAY_MS - 1;
        batcher.output(OutputStream.STDOUT, "1\n");
        assertEquals(List.of(), heard);
        clock += 1;
        batcher.output(OutputStream.STDOUT, "2\n");
        assertEquals(List.of("STDOUT:0\n1\n2\n"), heard, "the timer could not fire; the print sends the batch");
        batcher.output(OutputStream.STDOUT, "3\n");
        fireTimers();
        assertEquals(List.of("STDOUT:0\n1\n2\n", "STDOUT:3\n"), heard);
    }

    /** input() in the browser's dialog holds the thread, so no timer fires: what waits goes first. */
    @Test
    void theBatchGoesBeforeTheThreadBlocksAndTheTargetIsTold() {
        batcher.output(OutputStream.STDOUT, "Welcome\n");
        batcher.blocking();
        assertEquals(List.of("STDOUT:Welcome\n", "blocking"), heard);
    }

    @Test
    void nothingIsSentAfterTheRunFinished() {
        batcher.finished(null, "boom");
        batcher.output(OutputStream.STDOUT, "late\n");
        fireTimers();
        assertEquals(List.of("finished null boom"), heard);
    }

    @Test
    void aLongTextWithNothingWaitingGoesOutAsItIsAndInOrder() {
        String joined = "9\n".repeat(OutputBatcher.PASS_THROUGH_CHARS);
        batcher.output(OutputStream.STDOUT, joined);
        assertEquals(List.of("STDOUT:" + joined), heard, "no timer, no copy");
        assertEquals(List.of(), delays);
        batcher.output(OutputStream.STDOUT, "short\n");
        batcher.output(OutputStream.STDOUT, joined);
        assertEquals(List.of("STDOUT:" + joined), heard, "behind waiting text, a long one waits too");
        fireTimers();
        assertEquals(List.of("STDOUT:" + joined, "STDOUT:short\n" + joined), heard);
    }
}

package org.jodide.core.kernel;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class KernelTimingTest {
    private final List<String> heard = new ArrayList<>();
    private double clock = 500;
    private final ExecutionListener listener = new ExecutionListener() {
        @Override
        public void output(OutputStream stream, String text) {
            heard.add("output " + text);
        }

        @Override
        public void display(String mimeType, String data) {
            heard.add("display " + mimeType);
        }

        @Override
        public void timed(double milliseconds) {
            heard.add("timed " + milliseconds);
        }

        @Override
        public void finished(String value, String error) {
            heard.add("finished " + value + " " + error);
        }

        @Override
        public void skipped() {
            heard.add("skipped");
        }
    };

    @Test
    void aRunIsTimedFromWhenItBeganToItsEndJustBeforeItFinishes() {
        KernelTiming timing = new KernelTiming(listener, () -> clock);
        clock = 520;
        timing.output(OutputStream.STDOUT, "a\n");
        clock = 742.5;
        timing.finished("2", null);
        assertEquals(List.of("output a\n", "timed 242.5", "finished 2 null"), heard);
    }

    @Test
    void aKernelFurtherInThatTimedTheRunIsBelieved() {
        KernelTiming timing = new KernelTiming(listener, () -> clock);
        clock = 900;
        timing.timed(12);
        timing.finished(null, "boom");
        assertEquals(List.of("timed 12.0", "finished null boom"), heard);
    }

    @Test
    void aSkippedRunIsNotTimed() {
        new KernelTiming(listener, () -> clock).skipped();
        assertEquals(List.of("skipped"), heard);
    }

    @Test
    void aClockThatGoesBackGivesNoNegativeTime() {
        KernelTiming timing = new KernelTiming(listener, () -> clock);
        clock = 400;
        timing.finished(null, null);
        assertEquals(List.of("timed 0.0", "finished null null"), heard);
    }

    @Test
    void runTimesTravelInWholeMillisecondsRounded() {
        assertEquals(0, KernelTiming.wholeMillis(0.4));
        assertEquals(1, KernelTiming.wholeMillis(0.6));
        assertEquals(1001, KernelTiming.wholeMillis(1000.5));
    }
}

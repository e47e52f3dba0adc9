package org.jodide.core.kernel;

import org.jodide.iomd.ipynb.CellOutput;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunTimingTest {
    private final SettableClock clock = new SettableClock("2026-12-03T10:00:00Z");

    @Test
    void theKernelsMeasureIsWhatTheRunTookAndItStartedThatLongBeforeItEnded() {
        RunTiming timing = RunTiming.startingNow(clock);
        clock.advance(6_000);  // Python loaded meanwhile
        timing.kernelTook(4);
        clock.advance(20);     // the end's trip to the page
        timing.end();
        assertEquals(4, timing.took());
        assertTrue(timing.measuredByKernel());
        assertEquals(new CellOutput.RunTimes("2026-12-03T10:00:06.016Z", "2026-12-03T10:00:06.020Z"), timing.times());
    }

    @Test
    void withoutTheKernelsMeasureARunTookWhatThePageWaited() {
        RunTiming timing = RunTiming.startingNow(clock);
        clock.advance(1_500);
        timing.end();
        assertEquals(1_500, timing.took());
        assertFalse(timing.measuredByKernel());
        assertEquals(new CellOutput.RunTimes("2026-12-03T10:00:00Z", "2026-12-03T10:00:01.500Z"), timing.times());
    }

    @Test
    void aRunHasNoTimesUntilItEndsAndItsEndIsHeardOnce() {
        RunTiming timing = RunTiming.startingNow(clock);
        assertNull(timing.times());
        assertTrue(Double.isNaN(timing.took()));
        clock.advance(10);
        timing.end();
        clock.advance(990);
        timing.kernelTook(3);
        timing.end();
        assertEquals(10, timing.took(), "what came after the end changes nothing");
    }

    @Test
    void aroundAListenerTheTimingHearsTheKernelsMeasureAndTheEndBeforeTheListener() {
        RunTiming timing = RunTiming.startingNow(clock);
        double[] tookWhenFinished = {Double.NaN};
        ExecutionListener views = ExecutionListener.onlyFinished((value, error) -> tookWhenFinished[0] = timing.took());
        ExecutionListener heard = timing.around(views);
        clock.advance(3_000);
        heard.timed(7);
        heard.finished("42", null);
        assertEquals(7, tookWhenFinished[0]);
    }

    @Test
    void aSkippedRunIsNotTimed() {
        RunTiming timing = RunTiming.startingNow(clock);
        timing.around(ExecutionListener.onlyFinished((value, error) -> { })).skipped();
        assertFalse(timing.hasEnded());
        assertNull(timing.times());
    }
}

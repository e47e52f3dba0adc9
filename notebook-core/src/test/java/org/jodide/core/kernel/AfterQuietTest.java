package org.jodide.core.kernel;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AfterQuietTest {
    private final ManualTimer timer = new ManualTimer();
    private final List<Double> ran = new ArrayList<>();
    private final AfterQuiet afterQuiet = new AfterQuiet(timer, 1000, () -> ran.add(timer.now()));

    @Test
    void theTaskRunsOnceTheQuietTimeHasPassedSinceTheLastCall() {
        afterQuiet.call();
        timer.advance(999);
        assertEquals(List.of(), ran);
        timer.advance(1);
        assertEquals(List.of(11_000.0), ran);
        timer.advance(5000);
        assertEquals(List.of(11_000.0), ran, "once");
    }

    @Test
    void callsThatKeepComingPutTheTaskOffAndOneTimerWaitsForThemAll() {
        for (int i = 0; i < 1000; i++) {
            afterQuiet.call();
            timer.advance(3);
            assertEquals(1, timer.waiting(), "one timer, whatever the number of calls");
        }
        assertEquals(List.of(), ran, "3,000 ms of calls 3 ms apart: never quiet");
        timer.advance(996);
        assertEquals(List.of(), ran);
        timer.advance(1);
        assertEquals(List.of(13_997.0), ran, "1,000 ms after the last call, at 12,997");
        assertEquals(0, timer.waiting());
    }

    @Test
    void aCallAfterTheTaskRanWaitsAgain() {
        afterQuiet.call();
        timer.advance(1000);
        afterQuiet.call();
        timer.advance(500);
        afterQuiet.call();
        timer.advance(1000);
        assertEquals(List.of(11_000.0, 12_500.0), ran);
    }
}

package org.jodide.core.output;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RunDurationTest {
    @Test
    void shortRunsInMillisecondsLongerOnesInSecondsMinutesAndHours() {
        assertEquals("<1 ms", RunDuration.describe(0.4));
        assertEquals("<1 ms", RunDuration.describe(-3));
        assertEquals("<1 ms", RunDuration.describe(Double.NaN));
        assertEquals("1 ms", RunDuration.describe(1));
        assertEquals("12 ms", RunDuration.describe(12.4));
        assertEquals("999 ms", RunDuration.describe(999.4));
        assertEquals("1.0 s", RunDuration.describe(999.6));
        assertEquals("1.2 s", RunDuration.describe(1_234));
        assertEquals("9.9 s", RunDuration.describe(9_940));
        assertEquals("10 s", RunDuration.describe(9_960));
        assertEquals("42 s", RunDuration.describe(42_400));
        assertEquals("59 s", RunDuration.describe(59_400));
        assertEquals("1 min 0 s", RunDuration.describe(59_600));
        assertEquals("2 min 5 s", RunDuration.describe(125_000));
        assertEquals("59 min 59 s", RunDuration.describe(3_599_000));
        assertEquals("1 h 0 min", RunDuration.describe(3_600_000));
        assertEquals("26 h 3 min", RunDuration.describe(26 * 3_600_000.0 + 3 * 60_000));
    }
}

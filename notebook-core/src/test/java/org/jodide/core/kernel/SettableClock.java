package org.jodide.core.kernel;

import java.time.Instant;

/** A {@link RunTiming.Clock} a test moves by hand: both clocks go forward together by {@link #advance}. */
public final class SettableClock implements RunTiming.Clock {
    private double monotonic = 1_000;
    private double epoch;

    /** @param startIso where the epoch clock starts, e.g. {@code 2026-12-03T10:00:00Z} */
    public SettableClock(String startIso) {
        epoch = Instant.parse(startIso).toEpochMilli();
    }

    public void advance(double milliseconds) {
        monotonic += milliseconds;
        epoch += milliseconds;
    }

    @Override
    public double monotonicMillis() {
        return monotonic;
    }

    @Override
    public double epochMillis() {
        return epoch;
    }

    @Override
    public String iso(double epochMillis) {
        return Instant.ofEpochMilli(Math.round(epochMillis)).toString();
    }
}

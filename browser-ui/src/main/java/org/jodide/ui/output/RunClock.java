package org.jodide.ui.output;

import org.teavm.jso.JSBody;

/** The page's clocks, for when runs start and how long they take (the engine's, not TeaVM's {@code long} time). */
public final class RunClock {
    private RunClock() {
    }

    /** Now, as ISO 8601 text in UTC ({@code 2026-12-03T10:12:03.120Z}), as a notebook keeps it. */
    @JSBody(script = "return new Date().toISOString();")
    public static native String nowIso();

    /** Milliseconds since the Unix epoch. */
    @JSBody(script = "return Date.now();")
    public static native double epochMillis();

    /** Milliseconds of the page's monotonic clock, for durations. */
    @JSBody(script = "return performance.now();")
    public static native double monotonicMillis();

    /** {@code iso} (ISO 8601) in milliseconds since the Unix epoch, or NaN when it is not such a time. */
    @JSBody(params = "iso", script = "return Date.parse(iso);")
    public static native double parse(String iso);

    /** A moment as the user's locale writes its date and time. */
    @JSBody(params = "epochMillis", script = "return new Date(epochMillis).toLocaleString();")
    public static native String localDateTime(double epochMillis);
}

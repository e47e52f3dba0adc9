package org.jodide.ui.dom;

import org.teavm.jso.JSBody;

/**
 * Now, and moments as the user's locale writes them, for the toolbar, the console, the Notebooks
 * list and the times of runs: the engine's clocks and dates, not TeaVM's {@code long} time.
 */
public final class LocalTimes {
    private LocalTimes() {
    }

    /** Milliseconds since the Unix epoch. */
    @JSBody(script = "return Date.now();")
    public static native double now();

    /** Milliseconds of the page's monotonic clock, for durations. */
    @JSBody(script = "return performance.now();")
    public static native double monotonic();

    /** {@code iso} (ISO 8601) in milliseconds since the Unix epoch, or NaN when it is not such a time. */
    @JSBody(params = "iso", script = "return Date.parse(iso);")
    public static native double parse(String iso);

    /** @param epochMillis milliseconds since the Unix epoch; gives e.g. "14:05" */
    @JSBody(params = "epochMillis", script = "return new Date(epochMillis).toLocaleTimeString([], {hour: '2-digit', minute: '2-digit'});")
    public static native String time(double epochMillis);

    /** @param epochMillis milliseconds since the Unix epoch; gives the date and the time */
    @JSBody(params = "epochMillis", script = "return new Date(epochMillis).toLocaleString();")
    public static native String dateTime(double epochMillis);
}

package org.jodide.ui.dom;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

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

    /** {@link #dateTime}'s formatter (see {@link #dateTimeFormat()}). */
    private static JSObject dateTimeFormat;

    /** The second (since the epoch) that {@link #lastDateTime} writes, or NaN before the first. */
    private static double lastDateTimeSecond = Double.NaN;
    private static String lastDateTime;

    /**
     * @param epochMillis milliseconds since the Unix epoch; gives the date and the time to the
     *                    second, as {@code Date.toLocaleString()} does, with one formatter kept for the
     *                    page (every finished run's label has one, and each {@code toLocaleString}
     *                    builds a formatter of its own: ~15 µs a call). The text of the last second
     *                    asked is kept: the runs of a Run All end within a few seconds, and each text
     *                    the engine formats is copied into a Java string character by character
     *                    (TeaVM's {@code $rt_str}; with the formatting ~24 µs a label, ~47 ms of the
     *                    editor's time in a Run All of 1,000 chunks, 2026-12-05)
     */
    public static String dateTime(double epochMillis) {
        double second = Math.floor(epochMillis / 1000);
        if (second != lastDateTimeSecond) {
            lastDateTime = format(dateTimeFormat(), epochMillis);
            lastDateTimeSecond = second;
        }
        return lastDateTime;
    }

    /**
     * Makes {@link #dateTime}'s formatter in the page's next idle moment (within 2 s). A page's first
     * {@code Intl.DateTimeFormat} loads its locale's data: ~8 ms, which the first run's label
     * (RunTimeLabel's title) took in the task that shows the run's result (a CPU profile of a first
     * Python result, 2026-12-05).
     */
    public static void prepareWhenIdle() {
        whenIdle(LocalTimes::dateTimeFormat);
    }

    /** {@link #dateTime}'s formatter, made on first use. */
    private static JSObject dateTimeFormat() {
        if (dateTimeFormat == null) {
            dateTimeFormat = newDateTimeFormat();
        }
        return dateTimeFormat;
    }

    @JSFunctor
    private interface Task extends JSObject {
        void run();
    }

    /** {@code task} once the page is idle, or after 2 s; where there is no requestIdleCallback (Safari), in a task of its own. */
    @JSBody(params = "task", script = "if (window.requestIdleCallback) requestIdleCallback(() => task(), {timeout: 2000});"
            + " else setTimeout(() => task(), 0);")
    private static native void whenIdle(Task task);

    /** What {@code toLocaleString()} formats with: the date and the time, numeric, in the user's locale. */
    @JSBody(script = "return new Intl.DateTimeFormat(undefined, {year: 'numeric', month: 'numeric', day: 'numeric',"
            + " hour: 'numeric', minute: 'numeric', second: 'numeric'});")
    private static native JSObject newDateTimeFormat();

    @JSBody(params = {"format", "epochMillis"}, script = "return format.format(epochMillis);")
    private static native String format(JSObject format, double epochMillis);
}

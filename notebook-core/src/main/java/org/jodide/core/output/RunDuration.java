package org.jodide.core.output;

/**
 * How long a run took, as the header of its output says it: {@code 12 ms}, {@code 1.2 s},
 * {@code 42 s}, {@code 2 min 5 s}, {@code 1 h 3 min}. Plain Java (no {@code String.format}, no
 * {@code long}: the browser builds would pay for both on every run of a Run All).
 */
public final class RunDuration {
    private RunDuration() {
    }

    /** {@code milliseconds} (negative or NaN counts as 0) in words a header has room for. */
    public static String describe(double milliseconds) {
        double ms = milliseconds > 0 ? milliseconds : 0;
        if (ms < 1) {
            return "<1 ms";
        }
        if (ms < 999.5) {
            return (int) Math.round(ms) + " ms";
        }
        if (ms < 9_950) {
            int tenths = (int) Math.round(ms / 100);
            return tenths / 10 + "." + tenths % 10 + " s";
        }
        int seconds = (int) Math.round(ms / 1000);
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min " + seconds % 60 + " s";
        }
        int minutes = seconds / 60;
        return minutes / 60 + " h " + minutes % 60 + " min";
    }
}

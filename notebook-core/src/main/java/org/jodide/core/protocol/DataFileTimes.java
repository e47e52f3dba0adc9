package org.jodide.core.protocol;

/**
 * When a data file was added or last saved, as the messages carry it: a UTC time as JavaScript's
 * {@code Date.prototype.toISOString()} writes it ({@code 2026-12-03T06:00:00.000Z}).
 */
public final class DataFileTimes {
    /** The shape of a time: {@code 0} stands for a digit. */
    private static final String SHAPE = "0000-00-00T00:00:00.000Z";

    private DataFileTimes() {
    }

    /** Returns {@code time}, or throws saying why it is not one. */
    public static String check(String time) {
        if (!isTime(time)) {
            throw new IllegalArgumentException("lastUpdated must be a UTC time as " + SHAPE + ", was " + time);
        }
        return time;
    }

    private static boolean isTime(String text) {
        if (text == null || text.length() != SHAPE.length()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char expected = SHAPE.charAt(i);
            char c = text.charAt(i);
            if (expected == '0' ? c < '0' || c > '9' : c != expected) {
                return false;
            }
        }
        return true;
    }
}

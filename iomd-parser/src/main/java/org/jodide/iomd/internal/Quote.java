package org.jodide.iomd.internal;

/** Quotes user text inside a message, shortened so a huge line gives a short message. */
final class Quote {
    private static final int MAX = 60;

    private Quote() {
    }

    /** {@code s} in single quotes, shortened. */
    static String of(String s) {
        return "'" + shorten(s) + "'";
    }

    /** {@code s}, or its start followed by {@code ...} when it is long. */
    static String shorten(String s) {
        if (s.length() <= MAX) {
            return s;
        }
        int cut = MAX - 3;
        if (Character.isHighSurrogate(s.charAt(cut - 1))) {
            cut--;
        }
        return s.substring(0, cut) + "...";
    }
}

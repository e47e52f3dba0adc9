package org.jodide.core.output;

/**
 * Cuts printed lines that are too long to show: a view shows the first {@code maxLineChars}
 * UTF-16 units of a line, then {@link #marker} in place of the rest, up to the line's end. A
 * browser lays out a line as a whole, so one 10 MB line (say {@code print(big_string)}) would
 * freeze the page; the line cap ({@link LineCap}) cannot help, since it counts lines. Lines may
 * arrive in pieces over several texts; the line feeds are kept, so line counts do not change.
 * Not thread-safe: one per run.
 */
public final class LongLines {
    /** Characters of one line a view shows. */
    public static final int MAX_LINE_CHARS = 100_000;

    private final int maxLineChars;
    /** Characters of the current (unfinished) line seen so far. */
    private int lineChars;
    private int cutLines;

    public LongLines(int maxLineChars) {
        if (maxLineChars < 1) {
            throw new IllegalArgumentException("maxLineChars must be at least 1, was " + maxLineChars);
        }
        this.maxLineChars = maxLineChars;
    }

    /** What stands in a view for the cut end of a line. */
    public String marker() {
        return " … [line cut: only its first " + grouped(maxLineChars) + " characters are shown]";
    }

    /** 100000 as "100,000" (by hand: TeaVM's formatter is large). */
    private static String grouped(int number) {
        String digits = Integer.toString(number);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                out.append(',');
            }
            out.append(digits.charAt(i));
        }
        return out.toString();
    }

    /** Lines cut so far. */
    public int cutLines() {
        return cutLines;
    }

    /** The part of {@code text} (the next text printed) to show: {@code text} itself unless a line in it is too long. */
    public String shown(String text) {
        if (fits(text)) {
            return text;
        }
        StringBuilder shown = new StringBuilder(Math.min(text.length(), 2 * maxLineChars));
        int from = 0;
        while (from < text.length()) {
            int lineFeed = text.indexOf('\n', from);
            int end = lineFeed < 0 ? text.length() : lineFeed;
            int room = maxLineChars - lineChars;
            int segment = end - from;
            if (room > 0) {
                shown.append(text, from, from + Math.min(room, segment));
                if (segment > room) {
                    shown.append(marker());
                    cutLines++;
                }
            }
            lineChars += segment;
            if (lineFeed < 0) {
                break;
            }
            shown.append('\n');
            lineChars = 0;
            from = lineFeed + 1;
        }
        return shown.toString();
    }

    /** Whether no line of {@code text} makes its line too long; if so, records where the last line stands. */
    private boolean fits(String text) {
        if (lineChars + text.length() <= maxLineChars) {
            // No line can be too long: only the last line's length is needed, read from the end.
            int lastLineFeed = text.lastIndexOf('\n');
            lineChars = lastLineFeed < 0 ? lineChars + text.length() : text.length() - lastLineFeed - 1;
            return true;
        }
        int lineStart = 0;
        int chars = lineChars;
        for (int lineFeed = text.indexOf('\n'); lineFeed >= 0; lineFeed = text.indexOf('\n', lineFeed + 1)) {
            if (chars + lineFeed - lineStart > maxLineChars) {
                return false;
            }
            chars = 0;
            lineStart = lineFeed + 1;
        }
        if (chars + text.length() - lineStart > maxLineChars) {
            return false;
        }
        lineChars = chars + text.length() - lineStart;
        return true;
    }
}

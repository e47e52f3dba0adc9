package org.jodide.core.output;

/**
 * What a carriage return does to printed text, as in a terminal and in Jupyter: {@code "\r"} moves
 * back to the start of the line being written, and what follows overwrites it from there, keeping
 * the rest of it ({@code "50%\r60%"} shows {@code "60%"}, {@code "abcdef\rxy"} shows
 * {@code "xycdef"}); {@code "\r\n"}, like {@code "\n"}, ends the line. Progress bars (tqdm, a
 * percentage printed with {@code end="\r"}) print this way.
 *
 * <p>Pure: an output view keeps the line being written (the text after the last line feed) and
 * where the next character goes in it, and hands each printed text through {@link #apply}.
 *
 * <pre>{@code
 * CarriageReturns.Applied a = CarriageReturns.apply("", 0, "10%\r20%\r");
 * a.completed();  // ""       (no line ended)
 * a.line();       // "20%"    (what the line shows now)
 * a.cursor();     // 0        (the next character overwrites its "2")
 * }</pre>
 */
public final class CarriageReturns {
    private CarriageReturns() {
    }

    /**
     * The line being written after a text was printed on it.
     *
     * @param completed the lines the text ended (the first one is the line it began on, as it was
     *                  rewritten), each with its line feed; empty when it ended none
     * @param line      the line being written now, as it shows
     * @param cursor    where in {@code line} the next character goes ({@code line.length()}: at its end)
     */
    public record Applied(String completed, String line, int cursor) {
    }

    /**
     * Prints {@code text} on {@code line} (no line feed in it) with the next character going to
     * {@code cursor} (0 to {@code line.length()}).
     */
    public static Applied apply(String line, int cursor, String text) {
        if (cursor < 0 || cursor > line.length() || line.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("cursor " + cursor + " in a line of " + line.length());
        }
        StringBuilder completed = new StringBuilder();
        StringBuilder current = new StringBuilder(line);
        int at = cursor;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                completed.append(current).append('\n');
                current.setLength(0);
                at = 0;
            } else if (c == '\r') {
                at = 0;
            } else if (at < current.length()) {
                current.setCharAt(at++, c);
            } else {
                current.append(c);
                at++;
            }
        }
        return new Applied(completed.toString(), current.toString(), at);
    }
}

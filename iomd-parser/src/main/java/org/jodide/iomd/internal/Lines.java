package org.jodide.iomd.internal;

/**
 * Line breaks of the iomd format. spec: a line ends at {@code \r\n}, {@code \n} or a lone
 * {@code \r}; the break belongs to the line it ends. All offsets are 0-based UTF-16 offsets.
 */
public final class Lines {
    private Lines() {
    }

    public static boolean isBreak(char c) {
        return c == '\n' || c == '\r';
    }

    /** Offset of the first line break at or after {@code pos}, or {@code end} if there is none before it. */
    public static int lineEnd(String s, int pos, int end) {
        for (int i = pos; i < end; i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r') {
                return i;
            }
        }
        return end;
    }

    /**
     * Like {@link #lineEnd} for a text that holds no {@code \r} from {@code pos} to its end: uses the
     * fast {@link String#indexOf}. (Only for ranges that reach the end of {@code s}, or the search
     * could run past {@code end}.)
     */
    public static int lineEndNoCr(String s, int pos, int end) {
        int i = s.indexOf('\n', pos);
        return i < 0 || i > end ? end : i;
    }

    /** Offset of the next line's start, given the {@code lineEnd} of the current line: after one or two break characters. */
    public static int nextLineStart(String s, int lineEnd, int end) {
        if (lineEnd >= end) {
            return end;
        }
        if (s.charAt(lineEnd) == '\r' && lineEnd + 1 < end && s.charAt(lineEnd + 1) == '\n') {
            return lineEnd + 2;
        }
        return lineEnd + 1;
    }

    /** spec: blanks, which separate words on a delimiter line, are space and tab. */
    public static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }
}

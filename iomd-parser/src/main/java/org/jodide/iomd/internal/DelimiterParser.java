package org.jodide.iomd.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads delimiter lines. spec: a delimiter is a line that starts, at column 0, with {@code %%}; more
 * {@code %} may follow and a blank is optional; the rest of the line is split on blanks (space, tab):
 * the first word is the chunk type, the others are flags.
 */
public final class DelimiterParser {
    private DelimiterParser() {
    }

    /** Whether the line starting at {@code lineStart} is a delimiter line. */
    public static boolean isDelimiter(String s, int lineStart, int end) {
        return lineStart + 1 < end && s.charAt(lineStart) == '%' && s.charAt(lineStart + 1) == '%';
    }

    /** Reads the delimiter line {@code [lineStart, lineEnd)} (without its line break). */
    public static DelimiterLine parse(String s, int lineStart, int lineEnd) {
        int pos = lineStart;
        while (pos < lineEnd && s.charAt(pos) == '%') {
            pos++;
        }
        int percentEnd = pos;
        String type = "";
        int typeStart = percentEnd - lineStart;
        int typeEnd = typeStart;
        List<String> flags = List.of();
        List<String> more = null;
        while (pos < lineEnd) {
            while (pos < lineEnd && Lines.isBlank(s.charAt(pos))) {
                pos++;
            }
            if (pos == lineEnd) {
                break;
            }
            int wordStart = pos;
            while (pos < lineEnd && !Lines.isBlank(s.charAt(pos))) {
                pos++;
            }
            String word = s.substring(wordStart, pos);
            if (type.isEmpty()) {
                type = word;
                typeStart = wordStart - lineStart;
                typeEnd = pos - lineStart;
            } else {
                if (more == null) {
                    more = new ArrayList<>(2);
                }
                more.add(word);
            }
        }
        if (more != null) {
            flags = List.copyOf(more);
        }
        return new DelimiterLine(type, typeStart, typeEnd, flags);
    }
}

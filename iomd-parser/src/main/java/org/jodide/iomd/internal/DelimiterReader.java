package org.jodide.iomd.internal;

import org.jodide.iomd.ChunkType;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads delimiter lines. spec: a delimiter is a line that starts, at column 1, with {@code %%};
 * more {@code %} may follow and a blank is optional; the rest of the line is split on blanks
 * (space, tab): the first word is the chunk type, the others are flags.
 *
 * <p>One reader is reused for every line of a scan, so reading allocates only the words that
 * must be kept: after {@link #read}, its fields describe that line. (Parser state, not a value.)
 */
final class DelimiterReader {
    private static final List<String> NO_FLAGS = List.of();

    /** The type the first word names; {@link ChunkType#UNKNOWN} also for a bare delimiter. */
    ChunkType type;
    /** The first word after the {@code %} run, or "" for a bare delimiter. */
    String typeWord;
    /** Where the type word starts and ends, relative to the line start (both at the end of the {@code %} run when bare). */
    int typeStart;
    int typeEnd;
    /** The other words, in order. */
    List<String> flags;

    /** Whether the line starting at {@code lineStart} is a delimiter line. */
    static boolean isDelimiter(String s, int lineStart, int end) {
        return lineStart + 1 < end && s.charAt(lineStart) == '%' && s.charAt(lineStart + 1) == '%';
    }

    /** Reads the delimiter line {@code [lineStart, lineEnd)} (without its line break). */
    void read(String s, int lineStart, int lineEnd) {
        int pos = lineStart;
        while (pos < lineEnd && s.charAt(pos) == '%') {
            pos++;
        }
        type = ChunkType.UNKNOWN;
        typeWord = "";
        typeStart = pos - lineStart;
        typeEnd = typeStart;
        flags = NO_FLAGS;
        List<String> more = null;
        boolean first = true;
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
            if (first) {
                // spec: the type word is matched ignoring case; written exactly, it shares the keyword string.
                type = Keywords.chunkType(s, wordStart, pos);
                typeWord = type != ChunkType.UNKNOWN && Ascii.equals(s, wordStart, pos, type.keyword())
                        ? type.keyword() : s.substring(wordStart, pos);
                typeStart = wordStart - lineStart;
                typeEnd = pos - lineStart;
                first = false;
            } else if (flags == NO_FLAGS) {
                flags = List.of(s.substring(wordStart, pos));
            } else {
                if (more == null) {
                    more = new ArrayList<>(flags);
                }
                more.add(s.substring(wordStart, pos));
            }
        }
        if (more != null) {
            flags = List.copyOf(more);
        }
    }
}

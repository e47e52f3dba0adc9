package org.jodide.iomd.internal;

/**
 * The escape rule of the format. spec: inside a chunk, a line that starts with one or more
 * backslashes followed by {@code %%} stands for the same line with one backslash less. So
 * {@code \%%timeit} in a body means the content line {@code %%timeit}, and {@code \\%%} means
 * {@code \%%}. Nothing else is ever escaped. {@link #escape} and {@link #unescape} are inverse:
 * every content has exactly one body.
 */
public final class Escapes {
    private Escapes() {
    }

    /** The content of the body {@code s[from, to)}: one backslash removed from each escaped line. */
    public static String unescape(String s, int from, int to) {
        StringBuilder out = null;
        int copied = from;
        int pos = from;
        while (pos < to) {
            // pos is a line start
            int q = pos;
            while (q < to && s.charAt(q) == '\\') {
                q++;
            }
            if (q > pos && q + 1 < to && s.charAt(q) == '%' && s.charAt(q + 1) == '%') {
                if (out == null) {
                    out = new StringBuilder(to - from);
                }
                out.append(s, copied, pos);
                copied = pos + 1;
            }
            pos = Lines.nextLineStart(s, Lines.lineEnd(s, q, to), to);
        }
        if (out == null) {
            return s.substring(from, to);
        }
        out.append(s, copied, to);
        return out.toString();
    }

    /** The body that holds {@code content}: one backslash added to each line that starts with {@code \}*{@code %%}. */
    public static String escape(String content) {
        int to = content.length();
        StringBuilder out = null;
        int copied = 0;
        int pos = 0;
        while (pos < to) {
            int q = pos;
            while (q < to && content.charAt(q) == '\\') {
                q++;
            }
            if (q + 1 < to && content.charAt(q) == '%' && content.charAt(q + 1) == '%') {
                if (out == null) {
                    out = new StringBuilder(to + 16);
                }
                out.append(content, copied, pos).append('\\');
                copied = pos;
            }
            pos = Lines.nextLineStart(content, Lines.lineEnd(content, q, to), to);
        }
        if (out == null) {
            return content;
        }
        out.append(content, copied, to);
        return out.toString();
    }
}

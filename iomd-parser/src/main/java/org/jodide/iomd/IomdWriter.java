package org.jodide.iomd;

import org.jodide.iomd.internal.Escapes;
import org.jodide.iomd.internal.Lines;

import java.util.List;

/**
 * Writes iomd text. Use it whenever content goes into a chunk, so a line such as IPython's
 * {@code %%timeit} stays inside its chunk instead of starting a new one.
 *
 * <pre>{@code
 * IomdWriter.escapeBody("%%timeit\nsum(range(9))\n");  // "\\%%timeit\nsum(range(9))\n"
 * IomdWriter.chunk("py", List.of(), "1+1");            // "%% py\n1+1\n"
 * }</pre>
 */
public final class IomdWriter {
    private IomdWriter() {
    }

    /**
     * The body that holds {@code content}. spec: a line of content that starts with zero or more
     * backslashes followed by {@code %%} gets one more backslash in front; nothing else changes.
     * Inverse of {@link #unescapeBody} and of {@link Chunk#content()}.
     */
    public static String escapeBody(String content) {
        return Escapes.escape(content);
    }

    /** The content a body stands for: one backslash removed from each line that starts with {@code \}+{@code %%}. */
    public static String unescapeBody(String body) {
        return Escapes.unescape(body, 0, body.length());
    }

    /**
     * The source of a whole chunk: {@code %% TYPE FLAGS} and a line break, the escaped content, and a
     * final line break if the content does not end with one (so a chunk can follow it).
     *
     * @param typeName a type word (one word, not starting with {@code %}), such as {@code py}
     * @param flags    flag words, such as {@code skipRunAll}
     * @throws IllegalArgumentException if a word is empty, holds a blank or a line break, or the type starts with {@code %}
     */
    public static String chunk(String typeName, List<String> flags, String content) {
        checkWord("typeName", typeName);
        if (typeName.charAt(0) == '%') {
            throw new IllegalArgumentException("typeName must not start with '%': " + typeName);
        }
        StringBuilder delimiter = new StringBuilder("%% ").append(typeName);
        for (String flag : flags) {
            checkWord("flag", flag);
            delimiter.append(' ').append(flag);
        }
        return chunk(delimiter.toString(), content);
    }

    /**
     * The source of a whole chunk under a delimiter line kept as written ({@code %%md}, a bare
     * {@code %%}, a flag's own spelling): the line and a line break, the escaped content, and a
     * final line break if the content does not end with one.
     *
     * @param delimiterLine a line that starts with {@code %%}, without its line break
     * @throws IllegalArgumentException if it does not start with {@code %%} or holds a line break
     */
    public static String chunk(String delimiterLine, String content) {
        if (!delimiterLine.startsWith("%%") || delimiterLine.indexOf('\n') >= 0 || delimiterLine.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("not a delimiter line: '" + delimiterLine + "'");
        }
        StringBuilder out = new StringBuilder(delimiterLine.length() + content.length() + 2).append(delimiterLine)
                .append('\n').append(escapeBody(content));
        if (!content.isEmpty() && !Lines.isBreak(content.charAt(content.length() - 1))) {
            out.append('\n');
        }
        return out.toString();
    }

    private static void checkWord(String what, String word) {
        if (word == null || word.isEmpty()) {
            throw new IllegalArgumentException(what + " must be a non-empty word");
        }
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (Lines.isBlank(c) || Lines.isBreak(c)) {
                throw new IllegalArgumentException(what + " must be one word without blanks or line breaks: '" + word + "'");
            }
        }
    }
}

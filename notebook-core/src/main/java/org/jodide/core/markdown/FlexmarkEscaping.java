package org.jodide.core.markdown;

import com.vladsch.flexmark.util.sequence.Escaping;

/**
 * Some of flexmark's {@link Escaping} helpers written as plain character loops, giving exactly what
 * flexmark's give: the site's TeaVM build calls these instead of flexmark's from flexmark's own
 * classes ({@code static/.../build/FlexmarkRedirects}). Every text and attribute a render writes
 * goes through {@code escapeHtml}, and flexmark's finds the characters to escape with a regex,
 * which TeaVM's regex engine tries at every position of the text (the largest single cost of a
 * render in the browser's profile), {@code unescapeString} searches each text with a regex for a
 * backslash or an {@code &}, and {@code normalizeEOL} copies each text character by character into
 * a {@code StringBuilder} even when it holds no carriage return. On the JVM flexmark calls its
 * own; {@code FlexmarkEscapingTest} checks that both give the same results.
 */
public final class FlexmarkEscaping {
    private FlexmarkEscaping() {
    }

    /**
     * Same as {@link Escaping#escapeHtml(CharSequence, boolean)}: {@code & < > "} become
     * {@code &amp; &lt; &gt; &quot;}; with {@code preserveEntities}, an entity or character
     * reference already in the text ({@code &amp;}, {@code &#35;}, {@code &#x1F600;}) is kept.
     */
    public static String escapeHtml(CharSequence text, boolean preserveEntities) {
        String s = text.toString();
        int length = s.length();
        int first = firstSpecial(s, 0);
        if (first == length) {
            return s;
        }
        StringBuilder escaped = new StringBuilder(length + 16);
        int copiedTo = 0;
        for (int i = first; i < length; i = firstSpecial(s, i)) {
            char c = s.charAt(i);
            if (c == '&' && preserveEntities) {
                int end = entityEnd(s, i);
                if (end > 0) {
                    i = end;
                    continue;
                }
            }
            escaped.append(s, copiedTo, i).append(replacement(c));
            i++;
            copiedTo = i;
        }
        return escaped.append(s, copiedTo, length).toString();
    }

    /**
     * Same as {@link Escaping#unescapeString(CharSequence)}: backslash escapes and entities become
     * the characters they stand for. Text with neither a backslash nor an {@code &} (most of it)
     * comes back as it is without a regex search.
     */
    public static String unescapeString(CharSequence text) {
        String s = text.toString();
        return s.indexOf('\\') < 0 && s.indexOf('&') < 0 ? s : Escaping.unescapeString(s);
    }

    /** Same as {@link Escaping#unescapeString(CharSequence, boolean)}, without a regex search where nothing can change. */
    public static String unescapeString(CharSequence text, boolean unescapeEntities) {
        String s = text.toString();
        boolean unchanged = s.indexOf('\\') < 0 && (!unescapeEntities || s.indexOf('&') < 0);
        return unchanged ? s : Escaping.unescapeString(s, unescapeEntities);
    }

    /** Same as {@link Escaping#normalizeEOL(CharSequence)}: CR LF and a lone CR become LF. */
    public static String normalizeEOL(CharSequence text) {
        return normalizeEOL(text, false);
    }

    /**
     * Same as {@link Escaping#normalizeEOL(CharSequence, boolean)}: CR LF and a lone CR become LF;
     * with {@code endWithEOL}, a text not ending with one gets an LF.
     */
    public static String normalizeEOL(CharSequence text, boolean endWithEOL) {
        String s = text.toString();
        if (s.indexOf('\r') >= 0) {
            return Escaping.normalizeEOL(s, endWithEOL);
        }
        return endWithEOL && !s.endsWith("\n") ? s + "\n" : s;
    }

    private static int firstSpecial(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '&' || c == '<' || c == '>' || c == '"') {
                return i;
            }
        }
        return s.length();
    }

    private static String replacement(char special) {
        return switch (special) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            default -> "&quot;";
        };
    }

    /**
     * Where the entity starting at {@code amp} ends (after its {@code ;}), or -1: flexmark's
     * {@code &(?:#x[a-f0-9]{1,8}|#[0-9]{1,8}|[a-z][a-z0-9]{1,31});}, case-insensitive (ASCII).
     */
    static int entityEnd(String s, int amp) {
        int i = amp + 1;
        if (i < s.length() && s.charAt(i) == '#') {
            i++;
            boolean hex = i < s.length() && (s.charAt(i) == 'x' || s.charAt(i) == 'X');
            int end = hex ? run(s, i + 1, 8, true) : -1;
            return end > 0 ? end : run(s, i, 8, false);
        }
        if (i < s.length() && isAsciiLetter(s.charAt(i))) {
            int end = i + 1;
            while (end < s.length() && end - i <= 31 && isAsciiLetterOrDigit(s.charAt(end))) {
                end++;
            }
            return end - i >= 2 && end < s.length() && s.charAt(end) == ';' ? end + 1 : -1;
        }
        return -1;
    }

    /** After 1 to {@code max} hex (or decimal) digits from {@code from} and a {@code ;}: that position, else -1. */
    private static int run(String s, int from, int max, boolean hexDigits) {
        int end = from;
        while (end < s.length() && end - from < max && (hexDigits ? isHexDigit(s.charAt(end)) : isDigit(s.charAt(end)))) {
            end++;
        }
        return end > from && end < s.length() && s.charAt(end) == ';' ? end + 1 : -1;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHexDigit(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return isAsciiLetter(c) || isDigit(c);
    }
}

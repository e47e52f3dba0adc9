package org.jodide.bench;

import java.util.regex.Pattern;

/**
 * Compares the HTML two markdown renderers made of the same text: identical, or identical after
 * undoing the differences of style between flexmark and markdown-it that change nothing a reader
 * sees. Those, and only those, are normalised:
 * <ul>
 *   <li>strikethrough: flexmark writes {@code <del>}, markdown-it {@code <s>};</li>
 *   <li>table cell alignment: flexmark writes {@code align="right"}, markdown-it
 *       {@code style="text-align:right"};</li>
 *   <li>line breaks between tags: flexmark writes a table row on one line, markdown-it a line per
 *       cell (newlines between a {@code >} and a {@code <}, never inside text, are dropped).</li>
 * </ul>
 */
final class RenderedHtml {
    private static final Pattern STRIKETHROUGH = Pattern.compile("<(/?)s>");
    private static final Pattern ALIGN = Pattern.compile(" align=\"(left|right|center)\"");
    private static final Pattern NEWLINES_BETWEEN_TAGS = Pattern.compile(">\n+<");

    private RenderedHtml() {
    }

    /** {@code html} with the harmless differences above written flexmark's way. */
    static String normalise(String html) {
        String out = STRIKETHROUGH.matcher(html).replaceAll("<$1del>");
        out = ALIGN.matcher(out).replaceAll(" style=\"text-align:$1\"");
        return NEWLINES_BETWEEN_TAGS.matcher(out).replaceAll("><").strip();
    }

    /** Fails unless {@code actual} equals {@code expected}, naming where they first differ. */
    static void requireEqual(String what, String expected, String actual) {
        if (expected.equals(actual)) {
            return;
        }
        int at = 0;
        while (at < expected.length() && at < actual.length() && expected.charAt(at) == actual.charAt(at)) {
            at++;
        }
        throw new IllegalStateException(what + " differ at character " + at + ": expected ..." + excerpt(expected, at)
                + "... but got ..." + excerpt(actual, at) + "...");
    }

    private static String excerpt(String text, int at) {
        return text.substring(Math.max(0, at - 60), Math.min(text.length(), at + 60)).replace("\n", "\\n");
    }
}

package org.jodide.core.markdown;

import java.util.ArrayList;
import java.util.List;

/**
 * Takes TeX math out of markdown before it is rendered, so markdown never mangles it
 * ({@code $a_1 * b_2$} would otherwise turn into emphasis), and puts it back afterwards as
 * elements the report renders with KaTeX:
 * {@code <span class="math math-inline" data-tex="...">} and
 * {@code <span class="math math-display" data-tex="...">}.
 *
 * <p>Rules (those of pandoc's {@code tex_math_dollars}): {@code $$...$$} is display math and may
 * span lines; {@code $...$} is inline math on one line, whose content neither starts nor ends
 * with a blank and whose closing {@code $} is not followed by a digit (so "$5 and $6" stays
 * text). {@code \$} is a literal dollar. Nothing inside code spans or fenced code blocks is math.
 */
final class MathExtractor {
    /** Letters only, so markdown leaves it alone; the number says which formula. */
    private static final String PLACEHOLDER = "JODIDEMATHPLACEHOLDER";

    private final List<String> formulas = new ArrayList<>();
    private final List<Boolean> display = new ArrayList<>();

    /** The markdown with each formula replaced by a placeholder. */
    String extract(String markdown) {
        if (markdown.indexOf('$') < 0) {
            return markdown;
        }
        StringBuilder out = new StringBuilder(markdown.length());
        int length = markdown.length();
        int i = 0;
        boolean lineStart = true;
        while (i < length) {
            char c = markdown.charAt(i);
            if (lineStart) {
                int fenceEnd = fencedBlockEnd(markdown, i);
                if (fenceEnd > i) {
                    out.append(markdown, i, fenceEnd);
                    i = fenceEnd;
                    continue;
                }
            }
            lineStart = c == '\n';
            if (c == '\\' && i + 1 < length) {
                out.append(c).append(markdown.charAt(i + 1));
                lineStart = markdown.charAt(i + 1) == '\n';
                i += 2;
            } else if (c == '`') {
                int end = codeSpanEnd(markdown, i);
                out.append(markdown, i, end);
                i = end;
            } else if (c == '$' && i + 1 < length && markdown.charAt(i + 1) == '$') {
                int close = markdown.indexOf("$$", i + 2);
                if (close < 0) {
                    out.append("$$");
                    i += 2;
                } else {
                    out.append(placeholder(markdown.substring(i + 2, close).strip(), true));
                    i = close + 2;
                }
            } else if (c == '$') {
                int close = inlineClose(markdown, i);
                if (close < 0) {
                    out.append(c);
                    i++;
                } else {
                    out.append(placeholder(markdown.substring(i + 1, close), false));
                    i = close + 1;
                }
            } else {
                int runEnd = c == '\n' ? i + 1 : plainRunEnd(markdown, i + 1);
                out.append(markdown, i, runEnd);
                i = runEnd;
            }
        }
        return out.toString();
    }

    /** The end of the characters from {@code from} that the loop of {@link #extract} copies as they are (up to a line end or a character it looks at). */
    private static int plainRunEnd(String text, int from) {
        int i = from;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\\' || c == '`' || c == '$') {
                break;
            }
            i++;
        }
        return i;
    }

    /** The rendered HTML with each placeholder replaced by its math element. */
    String restore(String html) {
        if (formulas.isEmpty()) {
            return html;
        }
        StringBuilder out = new StringBuilder(html.length());
        int from = 0;
        while (true) {
            int at = html.indexOf(PLACEHOLDER, from);
            if (at < 0) {
                break;
            }
            int digitsEnd = at + PLACEHOLDER.length();
            while (digitsEnd < html.length() && Character.isDigit(html.charAt(digitsEnd))) {
                digitsEnd++;
            }
            int end = digitsEnd < html.length() && html.charAt(digitsEnd) == 'X' ? digitsEnd + 1 : -1;
            if (end < 0 || digitsEnd == at + PLACEHOLDER.length()) {
                out.append(html, from, digitsEnd);
                from = digitsEnd;
                continue;
            }
            int index = Integer.parseInt(html.substring(at + PLACEHOLDER.length(), digitsEnd));
            out.append(html, from, at);
            if (index < formulas.size()) {
                boolean block = display.get(index);
                out.append("<span class=\"math ").append(block ? "math-display" : "math-inline")
                        .append("\" data-tex=\"").append(HtmlText.escapeAttribute(formulas.get(index))).append("\">")
                        .append(HtmlText.escape(formulas.get(index))).append("</span>");
            }
            from = end;
        }
        out.append(html, from, html.length());
        return out.toString();
    }

    private String placeholder(String tex, boolean isDisplay) {
        formulas.add(tex);
        display.add(isDisplay);
        return PLACEHOLDER + (formulas.size() - 1) + "X";
    }

    /** The end of a fenced code block starting at {@code lineStart}, or {@code lineStart} if none starts there. */
    private static int fencedBlockEnd(String text, int lineStart) {
        int i = lineStart;
        int indent = 0;
        while (i < text.length() && text.charAt(i) == ' ' && indent < 3) {
            i++;
            indent++;
        }
        if (i >= text.length() || (text.charAt(i) != '`' && text.charAt(i) != '~')) {
            return lineStart;
        }
        char fence = text.charAt(i);
        int run = 0;
        while (i + run < text.length() && text.charAt(i + run) == fence) {
            run++;
        }
        if (run < 3) {
            return lineStart;
        }
        String closing = String.valueOf(fence).repeat(run);
        int lineEnd = text.indexOf('\n', i);
        while (lineEnd >= 0) {
            int next = lineEnd + 1;
            int j = next;
            while (j < text.length() && text.charAt(j) == ' ' && j - next < 3) {
                j++;
            }
            if (text.startsWith(closing, j)) {
                int end = text.indexOf('\n', j);
                return end < 0 ? text.length() : end + 1;
            }
            lineEnd = text.indexOf('\n', next);
        }
        return text.length();
    }

    /** The end of the code span opened by the backtick run at {@code start} (CommonMark: a run of equal length closes it). */
    private static int codeSpanEnd(String text, int start) {
        int run = 0;
        while (start + run < text.length() && text.charAt(start + run) == '`') {
            run++;
        }
        String ticks = "`".repeat(run);
        int search = start + run;
        while (true) {
            int close = text.indexOf(ticks, search);
            if (close < 0) {
                return start + run;
            }
            int after = close + run;
            if (after < text.length() && text.charAt(after) == '`') {
                search = after;
                while (search < text.length() && text.charAt(search) == '`') {
                    search++;
                }
                continue;
            }
            return after;
        }
    }

    /** The closing {@code $} of inline math opened at {@code open}, or -1. */
    private static int inlineClose(String text, int open) {
        int first = open + 1;
        if (first >= text.length() || Character.isWhitespace(text.charAt(first))) {
            return -1;
        }
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                return -1;
            }
            if (c == '\\') {
                i++;
            } else if (c == '$') {
                boolean blankBefore = Character.isWhitespace(text.charAt(i - 1));
                boolean digitAfter = i + 1 < text.length() && Character.isDigit(text.charAt(i + 1));
                if (i > first && !blankBefore && !digitAfter) {
                    return i;
                }
                if (i == first) {
                    return -1;
                }
            }
        }
        return -1;
    }
}

package org.jodide.core.output;

import java.util.ArrayList;
import java.util.List;

/**
 * What a terminal (and Jupyter) does to the line being written: a carriage return ({@code "\r"})
 * moves back to its start and a backspace ({@code "\b"}) one character back, and what follows
 * overwrites it from there, keeping the rest of it ({@code "50%\r60%"} shows {@code "60%"},
 * {@code "abcdef\rxy"} shows {@code "xycdef"}, {@code "ab\bc"} shows {@code "ac"});
 * {@code ESC [ K} ({@link EraseInLine}) erases part of it; {@code "\r\n"}, like {@code "\n"},
 * ends the line. Progress bars (tqdm, Keras, a percentage printed with {@code end="\r"}) print
 * this way. Each character keeps the style it was printed in ({@link AnsiStyle}): a coloured
 * progress bar rewrites its colours too.
 *
 * <p>Pure: an output view keeps the line being written (the text after the last line feed) and
 * where the next character goes in it, and hands each printed text through {@link #apply}.
 *
 * <pre>{@code
 * TerminalLine.Applied a = TerminalLine.apply("", 0, "10%\r20%\r");
 * a.completed();  // ""       (no line ended)
 * a.line();       // "20%"    (what the line shows now)
 * a.cursor();     // 0        (the next character overwrites its "2")
 * }</pre>
 */
public final class TerminalLine {
    private TerminalLine() {
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

    /** {@link Applied} of styled text: runs of one style, none empty, no two neighbours alike. */
    public record AppliedStyled(List<StyledText> completed, List<StyledText> line, int cursor) {
    }

    /**
     * Prints {@code text} on {@code line} (no line feed in it) with the next character going to
     * {@code cursor} (0 to {@code line.length()}).
     */
    public static Applied apply(String line, int cursor, String text) {
        AppliedStyled styled = apply(List.of(StyledText.plain(line)), cursor, List.of(StyledText.plain(text)));
        return new Applied(joined(styled.completed()), joined(styled.line()), styled.cursor());
    }

    /** {@link #apply(String, int, String)} of styled runs and erasures: each character keeps its run's style. */
    public static AppliedStyled apply(List<StyledText> line, int cursor, List<? extends Printed> text) {
        Cells current = new Cells();
        for (StyledText run : line) {
            for (int i = 0; i < run.text().length(); i++) {
                char c = run.text().charAt(i);
                if (c == '\n') {
                    throw new IllegalArgumentException("the line being written holds a line feed");
                }
                current.append(c, run.style());
            }
        }
        if (cursor < 0 || cursor > current.length()) {
            throw new IllegalArgumentException("cursor " + cursor + " in a line of " + current.length());
        }
        List<StyledText> completed = new ArrayList<>();
        int at = cursor;
        for (Printed printed : text) {
            if (printed instanceof EraseInLine erase) {
                current.erase(erase.mode(), at);
                continue;
            }
            StyledText run = (StyledText) printed;
            for (int i = 0; i < run.text().length(); i++) {
                char c = run.text().charAt(i);
                if (c == '\n') {
                    current.append(c, run.style());
                    current.moveTo(completed);
                    at = 0;
                } else if (c == '\r') {
                    at = 0;
                } else if (c == '\b') {
                    at = Math.max(0, at - 1);
                } else if (at < current.length()) {
                    current.set(at++, c, run.style());
                } else {
                    current.append(c, run.style());
                    at++;
                }
            }
        }
        List<StyledText> shown = new ArrayList<>();
        current.moveTo(shown);
        return new AppliedStyled(completed, shown, at);
    }

    private static String joined(List<StyledText> runs) {
        StringBuilder text = new StringBuilder();
        for (StyledText run : runs) {
            text.append(run.text());
        }
        return text.toString();
    }

    /** Characters with a style each. */
    private static final class Cells {
        private final StringBuilder chars = new StringBuilder();
        private final List<AnsiStyle> styles = new ArrayList<>();

        int length() {
            return chars.length();
        }

        void append(char c, AnsiStyle style) {
            chars.append(c);
            styles.add(style);
        }

        void set(int at, char c, AnsiStyle style) {
            chars.setCharAt(at, c);
            styles.set(at, style);
        }

        /**
         * Erases as {@link EraseInLine} says, the cursor at {@code at}: what is erased after the
         * cursor goes, what is erased before it becomes a plain space (the cursor stays where it is).
         */
        void erase(int mode, int at) {
            if (mode == EraseInLine.TO_END || mode == EraseInLine.WHOLE_LINE) {
                chars.setLength(Math.min(at, chars.length()));
                styles.subList(chars.length(), styles.size()).clear();
            }
            if (mode == EraseInLine.TO_CURSOR || mode == EraseInLine.WHOLE_LINE) {
                int end = Math.min(at + 1, chars.length());
                for (int i = 0; i < end; i++) {
                    set(i, ' ', AnsiStyle.PLAIN);
                }
            }
        }

        /** Adds these characters to {@code runs} (joining a last run of the same style) and empties them. */
        void moveTo(List<StyledText> runs) {
            int start = 0;
            for (int i = 1; i <= chars.length(); i++) {
                if (i == chars.length() || !styles.get(i).equals(styles.get(start))) {
                    add(runs, chars.substring(start, i), styles.get(start));
                    start = i;
                }
            }
            chars.setLength(0);
            styles.clear();
        }

        private static void add(List<StyledText> runs, String text, AnsiStyle style) {
            int last = runs.size() - 1;
            if (last >= 0 && runs.get(last).style().equals(style)) {
                runs.set(last, new StyledText(runs.get(last).text() + text, style));
            } else {
                runs.add(new StyledText(text, style));
            }
        }
    }
}

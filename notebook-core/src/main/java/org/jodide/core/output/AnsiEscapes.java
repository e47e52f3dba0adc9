package org.jodide.core.output;

import java.util.ArrayList;
import java.util.List;

/**
 * Terminal escape sequences in printed text, read as a terminal and Jupyter read them: SGR codes
 * ({@code ESC [ 31 m}, {@code ESC [ 38;5;208 m}, {@code ESC [ 0 m}) style the text after them
 * ({@link AnsiStyle}); {@code ESC [ K} erases in the line being written ({@link EraseInLine});
 * every other sequence (cursor moves, erasing the screen, window titles, hyperlinks) is taken out. A sequence cut at the end of a text (printed in two writes) is handed back as
 * {@link Split#unfinished}, to go in front of the next text of its stream.
 *
 * <p>Sequences read: CSI ({@code ESC [} or the 8-bit {@code U+009B}, parameter bytes
 * {@code 0-?}, intermediate bytes {@code space-/}, a final byte {@code @-~}); OSC
 * ({@code ESC ]} up to BEL or {@code ESC \}); and ESC with intermediates and a final byte.
 *
 * <pre>{@code
 * AnsiEscapes.Split s = AnsiEscapes.split(AnsiStyle.PLAIN, "\u001b[31mred\u001b[0m plain");
 * s.runs();  // [("red", red), (" plain", PLAIN)]
 * s.end();   // PLAIN
 * }</pre>
 */
public final class AnsiEscapes {
    private static final char ESC = '\u001b';
    private static final char CSI_8BIT = '\u009b';
    private static final char BEL = '\u0007';
    /** Longest sequence held back when a text ends inside it; a longer one is shown as text. */
    static final int MAX_UNFINISHED = 1024;

    private AnsiEscapes() {
    }

    /**
     * The text's runs of one style, starting in {@code style}.
     *
     * @param runs       the text without its escape sequences, in runs of one style (none empty,
     *                   no two neighbours alike), and the erasures between them
     * @param end        the style after the text
     * @param unfinished a sequence the text ends inside (from its ESC on), or ""
     */
    public record Split(List<Printed> runs, AnsiStyle end, String unfinished) {
    }

    /** The text without its escape sequences (colours, cursor moves): what a terminal without colours shows. */
    public static String plainText(String text) {
        if (text.indexOf(ESC) < 0 && text.indexOf(CSI_8BIT) < 0) {
            return text;
        }
        StringBuilder plain = new StringBuilder(text.length());
        for (Printed run : split(AnsiStyle.PLAIN, text).runs()) {
            if (run instanceof StyledText styled) {
                plain.append(styled.text());
            }
        }
        return plain.toString();
    }

    public static Split split(AnsiStyle style, String text) {
        List<Printed> runs = new ArrayList<>();
        AnsiStyle current = style;
        StringBuilder run = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != ESC && c != CSI_8BIT) {
                run.append(c);
                i++;
                continue;
            }
            int end = sequenceEnd(text, i);
            if (end < 0) {
                if (text.length() - i <= MAX_UNFINISHED) {
                    addRun(runs, run, current);
                    return new Split(runs, current, text.substring(i));
                }
                // Too long to be a sequence still being printed: show it, without its ESC.
                i++;
                continue;
            }
            EraseInLine erase = eraseInLine(text, i, end);
            if (erase != null) {
                addRun(runs, run, current);
                runs.add(erase);
            } else {
                AnsiStyle after = sgr(text, i, end, current);
                if (!after.equals(current)) {
                    addRun(runs, run, current);
                    current = after;
                }
            }
            i = end;
        }
        addRun(runs, run, current);
        return new Split(runs, current, "");
    }

    private static void addRun(List<Printed> runs, StringBuilder run, AnsiStyle style) {
        if (run.length() > 0) {
            runs.add(new StyledText(run.toString(), style));
            run.setLength(0);
        }
    }

    /** Where the sequence starting at {@code start} ends (the index after it), or -1 if the text ends first. */
    private static int sequenceEnd(String text, int start) {
        int i = start + 1;
        if (text.charAt(start) == ESC) {
            if (i >= text.length()) {
                return -1;
            }
            char kind = text.charAt(i);
            if (kind == ']') {
                return oscEnd(text, i + 1);
            }
            if (kind != '[') {
                // ESC, intermediates, a final byte (ESC ( B, ESC 7, ESC =).
                while (i < text.length() && text.charAt(i) >= 0x20 && text.charAt(i) <= 0x2f) {
                    i++;
                }
                return i < text.length() ? i + 1 : -1;
            }
            i++;
        }
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c >= 0x40 && c <= 0x7e) {
                return i + 1;
            }
            if (c < 0x20 || c > 0x3f) {
                // Not a CSI byte: the sequence was broken off here; what follows is text.
                return i;
            }
            i++;
        }
        return -1;
    }

    private static int oscEnd(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == BEL) {
                return i + 1;
            }
            if (c == ESC && i + 1 < text.length() && text.charAt(i + 1) == '\\') {
                return i + 2;
            }
        }
        return -1;
    }

    /** The erasure the sequence in {@code [start, end)} is ({@code CSI n K}), or null. */
    private static EraseInLine eraseInLine(String text, int start, int end) {
        String parameters = csiParameters(text, start, end, 'K');
        if (parameters == null || parameters.indexOf(';') >= 0 || parameters.indexOf(':') >= 0) {
            return null;
        }
        int mode = number(parameters);
        return mode >= 0 && mode <= 2 ? new EraseInLine(mode) : null;
    }

    /** The style after the sequence in {@code [start, end)}: {@code style} itself unless it is an SGR one. */
    private static AnsiStyle sgr(String text, int start, int end, AnsiStyle style) {
        String parameters = csiParameters(text, start, end, 'm');
        if (parameters == null) {
            return style;
        }
        String[] groups = parameters.split(";", -1);
        int[][] codes = new int[groups.length][];
        for (int g = 0; g < groups.length; g++) {
            String[] parts = groups[g].split(":", -1);
            codes[g] = new int[parts.length];
            for (int p = 0; p < parts.length; p++) {
                codes[g][p] = number(parts[p]);
            }
        }
        return style.with(codes);
    }

    /**
     * The parameters of the sequence in {@code [start, end)} if it is a CSI one ending in
     * {@code last} whose parameters are numbers ({@code 0-9 ; :}), else null (a private one such as
     * {@code ESC [ ? 25 l}, one with intermediates, or another kind).
     */
    private static String csiParameters(String text, int start, int end, char last) {
        int from = start + (text.charAt(start) == ESC ? 2 : 1);
        if (from > end - 1 || text.charAt(end - 1) != last || (text.charAt(start) == ESC && text.charAt(start + 1) != '[')) {
            return null;
        }
        for (int i = from; i < end - 1; i++) {
            char c = text.charAt(i);
            if ((c < '0' || c > '9') && c != ';' && c != ':') {
                return null;
            }
        }
        return text.substring(from, end - 1);
    }

    /** An SGR number: empty is 0; one too long to be a code is -1 (which no code is). */
    private static int number(String digits) {
        if (digits.isEmpty()) {
            return 0;
        }
        if (digits.length() > 9) {
            return -1;
        }
        return Integer.parseInt(digits);
    }
}

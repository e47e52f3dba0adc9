package org.jodide.core.output;

/**
 * How ANSI SGR codes ({@code ESC [ … m}) have printed text look: its colours and attributes, as a
 * terminal, Jupyter and JupyterLab show them. Immutable: {@link #with} gives the style after a
 * sequence's codes. {@link AnsiEscapes} reads the sequences out of printed text, {@link AnsiCss}
 * turns a style into CSS.
 *
 * <p>A colour is {@link #DEFAULT}, an index into the 256-colour palette (0-7 the standard colours,
 * 8-15 their bright forms, 16-231 the 6×6×6 cube, 232-255 greys), or a 24-bit colour
 * ({@link #rgb}).
 */
public record AnsiStyle(int foreground, int background, boolean bold, boolean faint, boolean italic,
                        boolean underline, boolean inverse, boolean strike) {
    /** The terminal's own colour (the text's, or the background's). */
    public static final int DEFAULT = -1;
    /** Set in a 24-bit colour, so that it is not a palette index. */
    private static final int RGB_FLAG = 0x1000000;
    /** Text as printed without any code, and after {@code ESC [ 0 m}. */
    public static final AnsiStyle PLAIN = new AnsiStyle(DEFAULT, DEFAULT, false, false, false, false, false, false);

    /** The 24-bit colour of these components (each 0-255). */
    public static int rgb(int red, int green, int blue) {
        return RGB_FLAG | (red & 0xff) << 16 | (green & 0xff) << 8 | (blue & 0xff);
    }

    /** Whether {@code colour} is a 24-bit one ({@link #rgb}); else a palette index or {@link #DEFAULT}. */
    public static boolean isRgb(int colour) {
        return (colour & RGB_FLAG) != 0;
    }

    public boolean isPlain() {
        return equals(PLAIN);
    }

    /**
     * The style after an SGR sequence's codes, in order. Each code is an array: the code and, for a
     * colon-separated one ({@code 38:2::255:0:0}), its sub-parameters; an empty code is 0. Codes
     * this model does not know (blink, conceal, fonts) are skipped, as are colours whose numbers
     * are out of range.
     */
    public AnsiStyle with(int[][] codes) {
        Builder style = new Builder(this);
        for (int i = 0; i < codes.length; i++) {
            int[] code = codes[i];
            int n = code[0];
            if ((n == 38 || n == 48) && code.length > 1) {
                setExtended(style, n == 38, subParameters(code));
            } else if (n == 38 || n == 48) {
                // Semicolon form: 38;5;n or 38;2;r;g;b take the codes after it.
                int[] rest = followingCodes(codes, i + 1);
                i += setExtended(style, n == 38, rest);
            } else {
                style.apply(n);
            }
        }
        return style.build();
    }

    /** A colon form's values after the code itself, without the colour space id of {@code 38:2:ID:r:g:b}. */
    private static int[] subParameters(int[] code) {
        if (code.length == 6 && code[1] == 2) {
            return new int[] {2, code[3], code[4], code[5]};
        }
        int[] values = new int[code.length - 1];
        System.arraycopy(code, 1, values, 0, values.length);
        return values;
    }

    private static int[] followingCodes(int[][] codes, int from) {
        int[] values = new int[Math.max(0, Math.min(4, codes.length - from))];
        for (int i = 0; i < values.length; i++) {
            values[i] = codes[from + i][0];
        }
        return values;
    }

    /** Sets an extended colour from {@code 5;n} or {@code 2;r;g;b}; returns how many values it took. */
    private static int setExtended(Builder style, boolean foreground, int[] values) {
        if (values.length >= 2 && values[0] == 5) {
            if (values[1] >= 0 && values[1] <= 255) {
                style.colour(foreground, values[1]);
            }
            return 2;
        }
        if (values.length >= 4 && values[0] == 2) {
            if (inByte(values[1]) && inByte(values[2]) && inByte(values[3])) {
                style.colour(foreground, rgb(values[1], values[2], values[3]));
            }
            return 4;
        }
        return values.length == 0 ? 0 : 1;
    }

    private static boolean inByte(int value) {
        return value >= 0 && value <= 255;
    }

    private static final class Builder {
        int foreground;
        int background;
        boolean bold;
        boolean faint;
        boolean italic;
        boolean underline;
        boolean inverse;
        boolean strike;

        Builder(AnsiStyle from) {
            foreground = from.foreground;
            background = from.background;
            bold = from.bold;
            faint = from.faint;
            italic = from.italic;
            underline = from.underline;
            inverse = from.inverse;
            strike = from.strike;
        }

        void colour(boolean isForeground, int colour) {
            if (isForeground) {
                foreground = colour;
            } else {
                background = colour;
            }
        }

        void apply(int code) {
            if (code >= 30 && code <= 37) {
                foreground = code - 30;
            } else if (code >= 40 && code <= 47) {
                background = code - 40;
            } else if (code >= 90 && code <= 97) {
                foreground = code - 90 + 8;
            } else if (code >= 100 && code <= 107) {
                background = code - 100 + 8;
            } else {
                switch (code) {
                    case 0 -> {
                        foreground = DEFAULT;
                        background = DEFAULT;
                        bold = false;
                        faint = false;
                        italic = false;
                        underline = false;
                        inverse = false;
                        strike = false;
                    }
                    case 1 -> bold = true;
                    case 2 -> faint = true;
                    case 3 -> italic = true;
                    case 4, 21 -> underline = true;
                    case 7 -> inverse = true;
                    case 9 -> strike = true;
                    case 22 -> {
                        bold = false;
                        faint = false;
                    }
                    case 23 -> italic = false;
                    case 24 -> underline = false;
                    case 27 -> inverse = false;
                    case 29 -> strike = false;
                    case 39 -> foreground = DEFAULT;
                    case 49 -> background = DEFAULT;
                    default -> {
                        // Blink, conceal, fonts, frames: not shown.
                    }
                }
            }
        }

        AnsiStyle build() {
            AnsiStyle built = new AnsiStyle(foreground, background, bold, faint, italic, underline, inverse, strike);
            return built.equals(PLAIN) ? PLAIN : built;
        }
    }
}

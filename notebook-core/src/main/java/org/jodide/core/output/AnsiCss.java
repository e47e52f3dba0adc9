package org.jodide.core.output;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The CSS declarations that show an {@link AnsiStyle}, set on the element of a styled run of
 * printed text. The 16 standard colours come as {@code light-dark(…)} pairs (the page's
 * {@code color-scheme} picks one), so that red stays readable in the dark theme; the 256-colour
 * palette and 24-bit colours as they are. Inverse video with the default colours uses the
 * system colours {@code Canvas} and {@code CanvasText}, which follow the colour scheme too.
 */
public final class AnsiCss {
    /** The standard colours (0-7) and their bright forms (8-15): {light theme, dark theme}. */
    private static final String[][] STANDARD = {
        {"#000000", "#6e7681"},
        {"#c4262d", "#f1585f"},
        {"#0f7a28", "#3fcf6b"},
        {"#8a6d00", "#e3c64a"},
        {"#1257c7", "#5c9df5"},
        {"#a3259f", "#d67ad6"},
        {"#0a7f95", "#3fc4d9"},
        {"#8c8c8c", "#d0d0d0"},
        {"#5e5e5e", "#8b949e"},
        {"#e0323a", "#ff7b82"},
        {"#13a033", "#5fe58a"},
        {"#b08d00", "#f5e26e"},
        {"#2f74e6", "#85b6ff"},
        {"#c639c1", "#ec9ce9"},
        {"#0fa2bd", "#6edcf0"},
        {"#b5b5b5", "#ffffff"},
    };
    /** The levels of the 6×6×6 colour cube's components (palette 16-231). */
    private static final int[] CUBE = {0, 95, 135, 175, 215, 255};

    private AnsiCss() {
    }

    /** Property → value, in a fixed order; empty for {@link AnsiStyle#PLAIN}. */
    public static Map<String, String> declarations(AnsiStyle style) {
        Map<String, String> css = new LinkedHashMap<>();
        String foreground = colour(style.foreground());
        String background = colour(style.background());
        if (style.inverse()) {
            String swapped = foreground;
            foreground = background == null ? "Canvas" : background;
            background = swapped == null ? "CanvasText" : swapped;
        }
        if (foreground != null) {
            css.put("color", foreground);
        }
        if (background != null) {
            css.put("background-color", background);
        }
        if (style.bold()) {
            css.put("font-weight", "bold");
        }
        if (style.faint()) {
            css.put("opacity", "0.7");
        }
        if (style.italic()) {
            css.put("font-style", "italic");
        }
        if (style.underline() || style.strike()) {
            css.put("text-decoration-line", (style.underline() ? "underline" : "") + (style.underline() && style.strike() ? " " : "")
                    + (style.strike() ? "line-through" : ""));
        }
        return css;
    }

    /** The CSS colour of an {@link AnsiStyle} colour, or null for {@link AnsiStyle#DEFAULT}. */
    static String colour(int colour) {
        if (colour == AnsiStyle.DEFAULT) {
            return null;
        }
        if (AnsiStyle.isRgb(colour)) {
            return hex(colour >> 16 & 0xff, colour >> 8 & 0xff, colour & 0xff);
        }
        if (colour < 16) {
            return "light-dark(" + STANDARD[colour][0] + ", " + STANDARD[colour][1] + ")";
        }
        if (colour < 232) {
            int index = colour - 16;
            return hex(CUBE[index / 36], CUBE[index / 6 % 6], CUBE[index % 6]);
        }
        int grey = 8 + (colour - 232) * 10;
        return hex(grey, grey, grey);
    }

    private static String hex(int red, int green, int blue) {
        return "#" + twoDigits(red) + twoDigits(green) + twoDigits(blue);
    }

    private static String twoDigits(int value) {
        String digits = Integer.toHexString(value);
        return digits.length() == 1 ? "0" + digits : digits;
    }
}

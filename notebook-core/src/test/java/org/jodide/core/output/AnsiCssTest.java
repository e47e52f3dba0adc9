package org.jodide.core.output;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AnsiCssTest {
    private static Map<String, String> css(int... codes) {
        int[][] sequence = new int[codes.length][];
        for (int i = 0; i < codes.length; i++) {
            sequence[i] = new int[] {codes[i]};
        }
        return AnsiCss.declarations(AnsiStyle.PLAIN.with(sequence));
    }

    @Test
    void plainTextHasNoDeclarations() {
        assertEquals(Map.of(), AnsiCss.declarations(AnsiStyle.PLAIN));
    }

    @Test
    void standardColoursFollowTheColourScheme() {
        assertEquals(Map.of("color", "light-dark(#c4262d, #f1585f)"), css(31));
        assertEquals(Map.of("background-color", "light-dark(#2f74e6, #85b6ff)"), css(104));
    }

    @Test
    void thePaletteAndTrueColours() {
        assertEquals("#ff8700", css(38, 5, 208).get("color"));
        assertEquals("#000000", css(38, 5, 16).get("color"));
        assertEquals("#080808", css(38, 5, 232).get("color"));
        assertEquals("#eeeeee", css(38, 5, 255).get("color"));
        assertEquals("#0a0b0c", css(48, 2, 10, 11, 12).get("background-color"));
    }

    @Test
    void inverseSwapsTheColours() {
        assertEquals(Map.of("color", "Canvas", "background-color", "CanvasText"), css(7));
        assertEquals(Map.of("color", "Canvas", "background-color", "light-dark(#c4262d, #f1585f)"), css(31, 7));
    }

    @Test
    void attributes() {
        assertEquals(Map.of("font-weight", "bold", "opacity", "0.7", "font-style", "italic",
                "text-decoration-line", "underline line-through"), css(1, 2, 3, 4, 9));
        assertEquals(Map.of("text-decoration-line", "line-through"), css(9));
    }
}

package org.jodide.core.output;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CarriageReturnsTest {
    private static CarriageReturns.Applied applied(String completed, String line, int cursor) {
        return new CarriageReturns.Applied(completed, line, cursor);
    }

    @Test
    void aProgressLineShowsItsLastState() {
        assertEquals(applied("", "30%", 0), CarriageReturns.apply("", 0, "10%\r20%\r30%\r"));
        assertEquals(applied("done\n", "", 0), CarriageReturns.apply("30%", 0, "done\n"));
    }

    @Test
    void overwritingKeepsTheRestOfTheLineAsATerminalDoes() {
        assertEquals(applied("", "xycdef", 2), CarriageReturns.apply("abcdef", 6, "\rxy"));
        assertEquals(applied("xycdef\n", "", 0), CarriageReturns.apply("xycdef", 2, "\n"));
    }

    @Test
    void aCarriageReturnBeforeALineFeedEndsTheLineAsItIs() {
        assertEquals(applied("one\ntwo\n", "", 0), CarriageReturns.apply("", 0, "one\r\ntwo\r\n"));
        assertEquals(applied("50%\n", "", 0), CarriageReturns.apply("50%", 0, "\n"), "the \\r came in an earlier text");
    }

    @Test
    void textAcrossPrintsContinuesWhereTheCursorIs() {
        CarriageReturns.Applied first = CarriageReturns.apply("", 0, "  1/3\r");
        CarriageReturns.Applied second = CarriageReturns.apply(first.line(), first.cursor(), "  2/3\r");
        CarriageReturns.Applied third = CarriageReturns.apply(second.line(), second.cursor(), "  3/3\n");
        assertEquals(applied("  3/3\n", "", 0), third);
        assertEquals(applied("", "  2/3", 0), second);
    }

    @Test
    void linesBeforeTheLastCarriageReturnAreCompletedInOrder() {
        assertEquals(applied("a\nb\n", "c", 1), CarriageReturns.apply("", 0, "a\nx\rb\nc"));
    }

    @Test
    void aCursorOutsideTheLineIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> CarriageReturns.apply("ab", 3, "x"));
        assertThrows(IllegalArgumentException.class, () -> CarriageReturns.apply("a\nb", 0, "x"));
    }

    @Test
    void eachCharacterKeepsTheStyleItWasPrintedIn() {
        AnsiStyle green = AnsiStyle.PLAIN.with(new int[][] {{32}});
        List<StyledText> line = List.of(StyledText.plain("50% "), new StyledText("#####", green));
        CarriageReturns.AppliedStyled applied = CarriageReturns.apply(line, 9,
                List.of(StyledText.plain("\r60%"), new StyledText(" ######", green), StyledText.plain("\n")));
        assertEquals(List.of(StyledText.plain("60%"), new StyledText(" ######", green), StyledText.plain("\n")), applied.completed());
        assertEquals(List.of(), applied.line());
        assertEquals(0, applied.cursor());
        CarriageReturns.AppliedStyled partly = CarriageReturns.apply(line, 9, List.of(new StyledText("\rxy", green)));
        assertEquals(List.of(new StyledText("xy", green), StyledText.plain("% "), new StyledText("#####", green)), partly.line());
        assertEquals(2, partly.cursor());
    }
}

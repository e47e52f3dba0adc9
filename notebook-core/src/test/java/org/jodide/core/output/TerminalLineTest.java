package org.jodide.core.output;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TerminalLineTest {
    private static TerminalLine.Applied applied(String completed, String line, int cursor) {
        return new TerminalLine.Applied(completed, line, cursor);
    }

    @Test
    void aProgressLineShowsItsLastState() {
        assertEquals(applied("", "30%", 0), TerminalLine.apply("", 0, "10%\r20%\r30%\r"));
        assertEquals(applied("done\n", "", 0), TerminalLine.apply("30%", 0, "done\n"));
    }

    @Test
    void overwritingKeepsTheRestOfTheLineAsATerminalDoes() {
        assertEquals(applied("", "xycdef", 2), TerminalLine.apply("abcdef", 6, "\rxy"));
        assertEquals(applied("xycdef\n", "", 0), TerminalLine.apply("xycdef", 2, "\n"));
    }

    @Test
    void aCarriageReturnBeforeALineFeedEndsTheLineAsItIs() {
        assertEquals(applied("one\ntwo\n", "", 0), TerminalLine.apply("", 0, "one\r\ntwo\r\n"));
        assertEquals(applied("50%\n", "", 0), TerminalLine.apply("50%", 0, "\n"), "the \\r came in an earlier text");
    }

    @Test
    void textAcrossPrintsContinuesWhereTheCursorIs() {
        TerminalLine.Applied first = TerminalLine.apply("", 0, "  1/3\r");
        TerminalLine.Applied second = TerminalLine.apply(first.line(), first.cursor(), "  2/3\r");
        TerminalLine.Applied third = TerminalLine.apply(second.line(), second.cursor(), "  3/3\n");
        assertEquals(applied("  3/3\n", "", 0), third);
        assertEquals(applied("", "  2/3", 0), second);
    }

    @Test
    void linesBeforeTheLastCarriageReturnAreCompletedInOrder() {
        assertEquals(applied("a\nb\n", "c", 1), TerminalLine.apply("", 0, "a\nx\rb\nc"));
    }

    @Test
    void aCursorOutsideTheLineIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> TerminalLine.apply("ab", 3, "x"));
        assertThrows(IllegalArgumentException.class, () -> TerminalLine.apply("a\nb", 0, "x"));
    }

    @Test
    void eachCharacterKeepsTheStyleItWasPrintedIn() {
        AnsiStyle green = AnsiStyle.PLAIN.with(new int[][] {{32}});
        List<StyledText> line = List.of(StyledText.plain("50% "), new StyledText("#####", green));
        TerminalLine.AppliedStyled applied = TerminalLine.apply(line, 9,
                List.of(StyledText.plain("\r60%"), new StyledText(" ######", green), StyledText.plain("\n")));
        assertEquals(List.of(StyledText.plain("60%"), new StyledText(" ######", green), StyledText.plain("\n")), applied.completed());
        assertEquals(List.of(), applied.line());
        assertEquals(0, applied.cursor());
        TerminalLine.AppliedStyled partly = TerminalLine.apply(line, 9, List.of(new StyledText("\rxy", green)));
        assertEquals(List.of(new StyledText("xy", green), StyledText.plain("% "), new StyledText("#####", green)), partly.line());
        assertEquals(2, partly.cursor());
    }

    @Test
    void aBackspaceMovesBackOneCharacterAndWhatFollowsOverwrites() {
        assertEquals(applied("", "ac", 2), TerminalLine.apply("", 0, "ab\bc"));
        assertEquals(applied("", "/", 0), TerminalLine.apply("", 0, "|\b/\b"), "a spinner");
        assertEquals(applied("", "x", 0), TerminalLine.apply("x", 0, "\b"), "not before the line's start");
        // Keras' progress bar goes back over the whole line with backspaces, then writes it again.
        assertEquals(applied("", "2/2 [==]", 8), TerminalLine.apply("1/2 [=.]", 8, "\b".repeat(8) + "2/2 [==]"));
    }

    @Test
    void eraseInLineRemovesFromTheCursorOrBlanksUpToIt() {
        List<Printed> progress = List.of(StyledText.plain("\r"), new EraseInLine(EraseInLine.TO_END), StyledText.plain("ok"));
        assertEquals(List.of(StyledText.plain("ok")), TerminalLine.apply(List.of(StyledText.plain("100% done")), 9, progress).line(),
                "\\r ESC[K leaves nothing of a longer line behind");
        TerminalLine.AppliedStyled toCursor = TerminalLine.apply(List.of(StyledText.plain("abcdef")), 2,
                List.of(new EraseInLine(EraseInLine.TO_CURSOR)));
        assertEquals(List.of(StyledText.plain("   def")), toCursor.line());
        assertEquals(2, toCursor.cursor());
        TerminalLine.AppliedStyled whole = TerminalLine.apply(List.of(StyledText.plain("abcdef")), 2,
                List.of(new EraseInLine(EraseInLine.WHOLE_LINE), StyledText.plain("x")));
        assertEquals(List.of(StyledText.plain("  x")), whole.line(), "the cursor stays where it was");
    }
}

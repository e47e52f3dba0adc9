package org.jodide.core.output;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnsiEscapesTest {
    private static final String ESC = "\u001b";
    private static final AnsiStyle RED = AnsiStyle.PLAIN.with(new int[][] {{31}});
    private static final AnsiStyle BOLD = AnsiStyle.PLAIN.with(new int[][] {{1}});

    private static AnsiEscapes.Split split(String text) {
        return AnsiEscapes.split(AnsiStyle.PLAIN, text);
    }

    @Test
    void sgrCodesStyleTheTextAfterThem() {
        AnsiEscapes.Split split = split(ESC + "[31mred" + ESC + "[0m plain");
        assertEquals(List.of(new StyledText("red", RED), StyledText.plain(" plain")), split.runs());
        assertEquals(AnsiStyle.PLAIN, split.end());
        assertEquals("", split.unfinished());
    }

    @Test
    void aStyleLastsIntoTheNextText() {
        AnsiEscapes.Split first = split(ESC + "[1;31mERROR");
        assertEquals(new AnsiStyle(1, AnsiStyle.DEFAULT, true, false, false, false, false, false), first.end());
        AnsiEscapes.Split second = AnsiEscapes.split(first.end(), " still" + ESC + "[22m not bold");
        assertEquals(List.of(new StyledText(" still", first.end()), new StyledText(" not bold", RED)), second.runs());
    }

    @Test
    void aSequenceCutAtTheEndIsHandedBack() {
        AnsiEscapes.Split split = split("before" + ESC + "[3");
        assertEquals(List.of(StyledText.plain("before")), split.runs());
        assertEquals(ESC + "[3", split.unfinished());
        assertEquals(List.of(new StyledText("red", RED)), split(split.unfinished() + "1mred").runs());
        assertEquals(ESC, split("x" + ESC).unfinished());
        assertEquals(ESC + "]8;;http://a", split(ESC + "]8;;http://a").unfinished());
    }

    @Test
    void eraseInLineIsKeptInItsPlace() {
        assertEquals(List.of(StyledText.plain("\r"), new EraseInLine(0), new StyledText("ok", RED), new EraseInLine(2),
                new EraseInLine(1)), split("\r" + ESC + "[K" + ESC + "[31mok" + ESC + "[2K" + ESC + "[1K").runs());
        assertEquals(List.of(StyledText.plain("ab")), split("a" + ESC + "[3Kb" + ESC + "[?2K").runs(), "no such erasure");
    }

    @Test
    void otherSequencesAreTakenOut() {
        // Erase the screen, cursor up, a window title, a hyperlink (its text stays), a character set, a private mode.
        String text = ESC + "[2Ja" + ESC + "[1Ab" + ESC + "]0;title\u0007c" + ESC + "]8;;https://x.org" + ESC + "\\link"
                + ESC + "]8;;" + ESC + "\\" + ESC + "(Bd" + ESC + "[?25le";
        assertEquals(List.of(StyledText.plain("abclinkde")), split(text).runs());
    }

    @Test
    void theEightBitCsiIsRead() {
        assertEquals(List.of(new StyledText("red", RED)), split("\u009b31mred").runs());
    }

    @Test
    void noEscapeMeansOneRun() {
        assertEquals(List.of(StyledText.plain("a\tb\n")), split("a\tb\n").runs());
        assertEquals(List.of(), split("").runs());
    }

    @Test
    void anEmptySgrResets() {
        assertEquals(List.of(new StyledText("a", BOLD), StyledText.plain("b")), split(ESC + "[1ma" + ESC + "[mb").runs());
    }

    @Test
    void extendedColoursInBothForms() {
        AnsiStyle orange = split(ESC + "[38;5;208mx").end();
        assertEquals(208, orange.foreground());
        assertEquals(AnsiStyle.rgb(255, 128, 0), split(ESC + "[48;2;255;128;0mx").end().background());
        assertEquals(AnsiStyle.rgb(1, 2, 3), split(ESC + "[38:2::1:2:3mx").end().foreground());
        assertEquals(AnsiStyle.rgb(1, 2, 3), split(ESC + "[38:2:1:2:3mx").end().foreground());
        assertEquals(17, split(ESC + "[38:5:17mx").end().foreground());
        // The codes after an extended colour still apply; bad numbers leave the colour as it was.
        AnsiStyle after = split(ESC + "[38;5;300;1mx").end();
        assertEquals(AnsiStyle.DEFAULT, after.foreground());
        assertTrue(after.bold());
        assertEquals(AnsiStyle.PLAIN, split(ESC + "[99999999999mx").end());
    }

    @Test
    void brightColoursAndResets() {
        AnsiStyle style = split(ESC + "[92;104;3;4;7;9mx").end();
        assertEquals(new AnsiStyle(10, 12, false, false, true, true, true, true), style);
        assertEquals(AnsiStyle.PLAIN, AnsiEscapes.split(style, ESC + "[39;49;23;24;27;29mx").end());
        assertTrue(AnsiEscapes.split(style, ESC + "[0mx").end().isPlain());
    }

    @Test
    void aLongUnterminatedSequenceIsShownAsText() {
        String title = "]0;" + "t".repeat(AnsiEscapes.MAX_UNFINISHED + 10);
        AnsiEscapes.Split split = split(ESC + title);
        assertEquals("", split.unfinished());
        assertEquals(List.of(StyledText.plain(title)), split.runs());
    }
}

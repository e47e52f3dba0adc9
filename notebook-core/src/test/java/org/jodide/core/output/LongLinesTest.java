package org.jodide.core.output;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LongLinesTest {
    @Test
    void textWithShortLinesIsShownAsItIs() {
        LongLines lines = new LongLines(5);
        String text = "12345\nab\n";
        assertSame(text, lines.shown(text));
        assertEquals(0, lines.cutLines());
    }

    @Test
    void aLongLineIsCutWithTheMarkerAndItsLineFeedKept() {
        LongLines lines = new LongLines(5);
        assertEquals("ok\n12345" + lines.marker() + "\nnext\n", lines.shown("ok\n1234567890\nnext\n"));
        assertEquals(1, lines.cutLines());
    }

    @Test
    void aLineArrivingInPiecesIsCutOnceAcrossThem() {
        LongLines lines = new LongLines(5);
        assertEquals("123", lines.shown("123"));
        assertEquals("45" + lines.marker(), lines.shown("4567"));
        assertEquals("", lines.shown("89"), "the rest of a cut line shows nothing");
        assertEquals("\nab\n", lines.shown("0\nab\n"), "the line feed ends the cut line; the next line shows");
        assertEquals(1, lines.cutLines());
    }

    @Test
    void aLineExactlyAtTheLimitIsNotCut() {
        LongLines lines = new LongLines(5);
        assertEquals("123", lines.shown("123"));
        assertEquals("45\n", lines.shown("45\n"));
        assertEquals(0, lines.cutLines());
    }

    @Test
    void tenMegabytesOnOneLineShowTheLimitAndTheMarker() {
        LongLines lines = new LongLines(LongLines.MAX_LINE_CHARS);
        String shown = lines.shown("x".repeat(10_000_000) + "\n");
        assertEquals(LongLines.MAX_LINE_CHARS + lines.marker().length() + 1, shown.length());
        assertEquals(" … [line cut: only its first 100,000 characters are shown]", lines.marker());
    }

    @Test
    void theLimitMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new LongLines(0));
    }
}

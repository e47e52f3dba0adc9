package org.jodide.core.output;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextPiecesTest {
    @Test
    void piecesAreJoinedInOrderAndCounted() {
        TextPieces text = new TextPieces();
        text.add("ab");
        text.add("");
        text.add("cde");
        assertEquals(5, text.length());
        assertEquals("abcde", text.joined());
        text.clear();
        assertTrue(text.isEmpty());
        assertEquals(0, text.length());
        assertEquals("", text.joined());
    }

    @Test
    void oneLonePieceIsGivenBackAsItIs() {
        TextPieces text = new TextPieces();
        String piece = "only\n";
        text.add(piece);
        assertSame(piece, text.joined());
    }
}

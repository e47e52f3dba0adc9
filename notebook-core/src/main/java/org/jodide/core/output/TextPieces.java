package org.jodide.core.output;

import java.util.ArrayList;
import java.util.List;

/**
 * Text collected as the pieces it came in and joined only when asked for, in one copy: in the
 * browser a StringBuilder that grows copies every character it holds, one by one, at each doubling,
 * and long printed output comes in many pieces. Not thread-safe.
 */
public final class TextPieces {
    private final List<String> pieces = new ArrayList<>();
    private int length;

    public void add(String piece) {
        if (!piece.isEmpty()) {
            pieces.add(piece);
            length += piece.length();
        }
    }

    /** UTF-16 units held. */
    public int length() {
        return length;
    }

    public boolean isEmpty() {
        return pieces.isEmpty();
    }

    /** All the pieces, one after the other (the piece itself when there is only one). */
    public String joined() {
        if (pieces.size() == 1) {
            return pieces.get(0);
        }
        StringBuilder text = new StringBuilder(length);
        pieces.forEach(text::append);
        return text.toString();
    }

    public void clear() {
        pieces.clear();
        length = 0;
    }
}

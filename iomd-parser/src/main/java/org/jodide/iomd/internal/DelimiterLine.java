package org.jodide.iomd.internal;

import java.util.List;

/**
 * What a delimiter line says: its type word and flags, as written. Offsets are relative to the
 * start of the line (which is the start of its chunk), in UTF-16 code units.
 *
 * @param typeWord  the first word after the {@code %} run, or "" for a bare delimiter
 * @param typeStart where the type word starts (the end of the {@code %} run when bare)
 * @param typeEnd   where the type word ends
 * @param flags     the other words, in order
 */
public record DelimiterLine(String typeWord, int typeStart, int typeEnd, List<String> flags) {
    public boolean isBare() {
        return typeWord.isEmpty();
    }
}

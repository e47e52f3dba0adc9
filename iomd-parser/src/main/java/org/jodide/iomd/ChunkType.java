package org.jodide.iomd;

import java.util.Locale;

/** The kinds of chunk a notebook holds. */
public enum ChunkType {
    MD("md"),
    JS("js"),
    PY("py"),
    CSS("css"),
    FETCH("fetch"),
    RAW("raw"),
    PLUGIN("plugin"),
    /** A type name not in this list: kept as written, shown inert, never run. */
    UNKNOWN(null),
    /** Text before the first delimiter: kept, never run. */
    PREAMBLE(null);

    private static final ChunkType[] KNOWN = {MD, JS, PY, CSS, FETCH, RAW, PLUGIN};

    private final String keyword;

    ChunkType(String keyword) {
        this.keyword = keyword;
    }

    /** The word written after {@code %%}, or null for {@link #UNKNOWN} and {@link #PREAMBLE}. */
    public String keyword() {
        return keyword;
    }

    /** spec: the type word is matched ignoring case; any other word is {@link #UNKNOWN}. Null gives UNKNOWN. */
    public static ChunkType fromKeyword(String word) {
        if (word == null || word.length() < 2 || word.length() > 6) {
            return UNKNOWN;
        }
        String lower = word.toLowerCase(Locale.ROOT);
        for (ChunkType type : KNOWN) {
            if (type.keyword.equals(lower)) {
                return type;
            }
        }
        return UNKNOWN;
    }

    /** Whether chunks of this type run code in the eval frame. */
    public boolean isExecutable() {
        return this == JS || this == PY;
    }
}

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

    private final String keyword;

    ChunkType(String keyword) {
        this.keyword = keyword;
    }

    /** The word written after {@code %%}, or null for {@link #UNKNOWN} and {@link #PREAMBLE}. */
    public String keyword() {
        return keyword;
    }

    /** The type named by a delimiter word (case-insensitive), or {@link #UNKNOWN}. */
    public static ChunkType fromKeyword(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        for (ChunkType type : values()) {
            if (type.keyword != null && type.keyword.equals(lower)) {
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

package org.jodide.iomd;

import org.jodide.iomd.internal.Keywords;

/** The kinds of chunk a notebook holds. */
public enum ChunkType {
    MD("md"),
    JS("js"),
    PY("py"),
    CSS("css"),
    FETCH("fetch"),
    RAW("raw"),
    PLUGIN("plugin"),
    /**
     * A type name not in this list: kept as written ({@link Chunk#typeName()}), shown inert; the
     * notebook runs it only if a plugin defines a language of that name.
     */
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

    /** spec: the type word is matched ignoring case; any other word is {@link #UNKNOWN}. Null gives UNKNOWN. */
    public static ChunkType fromKeyword(String word) {
        return word == null ? UNKNOWN : Keywords.chunkType(word, 0, word.length());
    }

    /** Whether chunks of this type run code in the eval frame. */
    public boolean isExecutable() {
        return this == JS || this == PY;
    }
}

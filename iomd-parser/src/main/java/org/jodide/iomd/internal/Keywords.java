package org.jodide.iomd.internal;

import org.jodide.iomd.ChunkType;
import org.jodide.iomd.FetchKind;

/** Matches type words where they are written, without cutting them out of the text (no allocation). */
public final class Keywords {
    private static final ChunkType[] CHUNK_TYPES = {
        ChunkType.MD, ChunkType.JS, ChunkType.PY, ChunkType.CSS, ChunkType.FETCH, ChunkType.RAW, ChunkType.PLUGIN,
    };
    private static final FetchKind[] FETCH_KINDS = FetchKind.values();

    private Keywords() {
    }

    /** spec: the chunk type named by {@code text[from, to)}, ignoring case, or {@link ChunkType#UNKNOWN}. */
    public static ChunkType chunkType(String text, int from, int to) {
        int length = to - from;
        if (length < 2 || length > 6) {
            return ChunkType.UNKNOWN;
        }
        for (ChunkType type : CHUNK_TYPES) {
            if (Ascii.equalsIgnoreCase(text, from, to, type.keyword())) {
                return type;
            }
        }
        return ChunkType.UNKNOWN;
    }

    /** spec: the fetch kind written as {@code text[from, to)}, exactly (case-sensitive), or null. */
    public static FetchKind fetchKind(String text, int from, int to) {
        for (FetchKind kind : FETCH_KINDS) {
            if (Ascii.equals(text, from, to, kind.keyword())) {
                return kind;
            }
        }
        return null;
    }
}

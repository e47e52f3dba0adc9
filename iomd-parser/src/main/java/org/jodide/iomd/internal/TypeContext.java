package org.jodide.iomd.internal;

import org.jodide.iomd.ChunkType;

/**
 * The type a bare {@code %%} delimiter inherits: the resolved type of the chunk above.
 *
 * @param type the inherited type
 * @param name the inherited type name, "" when no typed chunk is above
 */
public record TypeContext(ChunkType type, String name) {
    /** spec: a bare {@code %%} with no typed chunk above has no type (UNKNOWN, named ""). */
    public static final TypeContext NONE = new TypeContext(ChunkType.UNKNOWN, "");
}

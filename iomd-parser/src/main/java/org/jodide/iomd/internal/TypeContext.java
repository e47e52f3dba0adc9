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

    private static final TypeContext[] BY_TYPE = new TypeContext[ChunkType.values().length];

    static {
        for (ChunkType type : ChunkType.values()) {
            if (type.keyword() != null) {
                BY_TYPE[type.ordinal()] = new TypeContext(type, type.keyword());
            }
        }
    }

    /** The context for a chunk of {@code type} named {@code name}; shared when the name is the keyword itself. */
    public static TypeContext of(ChunkType type, String name) {
        TypeContext shared = BY_TYPE[type.ordinal()];
        if (shared != null && shared.name.equals(name)) {
            return shared;
        }
        return name.isEmpty() && type == ChunkType.UNKNOWN ? NONE : new TypeContext(type, name);
    }
}

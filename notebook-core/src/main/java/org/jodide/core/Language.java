package org.jodide.core;

import org.jodide.iomd.ChunkType;

import java.util.Optional;

/** The languages the eval frame runs. */
public enum Language {
    PYTHON("py"),
    JAVASCRIPT("js");

    private final String id;

    Language(String id) {
        this.id = id;
    }

    /** The language's id, as chunk headers write it ({@code %% py}): how the eval frame finds its runtime. */
    public String id() {
        return id;
    }

    /** The language that runs a chunk of {@code type}, if that type runs code. */
    public static Optional<Language> of(ChunkType type) {
        switch (type) {
            case PY:
                return Optional.of(PYTHON);
            case JS:
                return Optional.of(JAVASCRIPT);
            default:
                return Optional.empty();
        }
    }
}

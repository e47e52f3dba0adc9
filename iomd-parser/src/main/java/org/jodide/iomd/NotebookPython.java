package org.jodide.iomd;

import java.util.Locale;
import java.util.Optional;

/**
 * The Python a notebook asks for, written in its preamble as a line {@code python: micropython}
 * (docs/iomd.md, section 7): readers get it when they open the notebook. A notebook that says nothing
 * runs with the reader's default, Pyodide.
 */
public enum NotebookPython {
    /** CPython compiled to WebAssembly, with its standard library and scientific packages. */
    PYODIDE("pyodide"),
    /** MicroPython's WebAssembly port: starts at once, a small standard library, no packages. */
    MICROPYTHON("micropython");

    private final String keyword;

    NotebookPython(String keyword) {
        this.keyword = keyword;
    }

    /** How the preamble writes it. */
    public String keyword() {
        return keyword;
    }

    /** The Python a preamble's value names, matched ignoring case; empty when it names none. */
    public static Optional<NotebookPython> of(String value) {
        String wanted = value.toLowerCase(Locale.ROOT);
        for (NotebookPython python : values()) {
            if (python.keyword.equals(wanted)) {
                return Optional.of(python);
            }
        }
        return Optional.empty();
    }
}

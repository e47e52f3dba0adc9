package org.jodide.ui.editor;

import org.jodide.iomd.ChunkType;

import java.util.function.Consumer;

/**
 * Help on the name at the cursor of a code chunk, for the source editor's Shift-Tab (Jupyter's
 * inspection): signature, type, value, docstring, from the live kernel.
 */
interface HelpSource {
    /** Knows nothing. */
    HelpSource NONE = (type, before, after, text) -> text.accept("");

    /**
     * Calls {@code text} exactly once, at once or later, with the help on the name at the cursor
     * of a chunk of {@code type} whose body is {@code before} and {@code after} it; "" for none.
     */
    void help(ChunkType type, String before, String after, Consumer<String> text);
}

package org.jodide.iomd;

import org.jodide.iomd.internal.ChunkTable;

/**
 * Parses .iomd text into a {@link Notebook}, as specified in {@code docs/iomd.md}. Stateless and
 * safe to share; never throws on any text; linear time in the length of the text.
 *
 * <pre>{@code
 * IomdParser parser = IomdParser.create();
 * Notebook notebook = parser.parse("%% py\n1+1\n");
 * notebook.chunks().get(0).body();           // "1+1\n"
 * Notebook edited = parser.reparse(notebook, new Edit(9, 0, "0")); // "%% py\n1+10\n", same chunk id
 * }</pre>
 */
public final class IomdParser {
    private static final IomdParser INSTANCE = new IomdParser();

    private IomdParser() {
    }

    public static IomdParser create() {
        return INSTANCE;
    }

    /** Parses {@code text}. Ids are {@code c0}, {@code c1}, ... in chunk order. */
    public Notebook parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("text must not be null");
        }
        ChunkTable table = ChunkTable.parse(text);
        return new Notebook(table, text, new Chunk[table.blockCount()][]);
    }

    /**
     * The notebook {@code previous} with {@code edit} applied to its text. Only the chunks the edit
     * touches are parsed again (from the chunk holding {@code edit.start() - 2} to the one holding
     * {@code edit.removedEnd()}); every other chunk keeps its id. {@link Chunk} objects already made
     * are kept for every chunk whose text and place did not change (all chunks before the edit, and
     * all after it when the edit keeps the length). Bare {@code %%} chunks right after the edit are
     * re-typed when the type they inherit changes. The work is proportional to the edit and the
     * chunks it touches, plus a few dozen chunks and one entry per 64 chunks (see
     * {@code ChunkTable}), not to the size of the notebook.
     *
     * <p>The result has the same chunks, types, flags, spans, lines and diagnostics as
     * {@code parse(newText)}; only ids may differ: re-parsed chunks keep the id of the chunk they
     * replace (see docs/iomd.md, "Stable ids"), new chunks get ids not used before in this lineage.
     *
     * @throws IllegalArgumentException if the edit reaches past the end of the text
     */
    public Notebook reparse(Notebook previous, Edit edit) {
        if (edit.removedLength() == 0 && edit.inserted().isEmpty()) {
            if (edit.start() > previous.length()) {
                throw new IllegalArgumentException("edit at " + edit.start() + " is outside a text of length " + previous.length());
            }
            return previous;
        }
        return Notebook.edited(previous, previous.table().apply(edit));
    }

    /** {@link #reparse(Notebook, Edit)} with the edit's parts: replace {@code removedLength} code units at {@code start} by {@code inserted}. */
    public Notebook reparse(Notebook previous, int start, int removedLength, String inserted) {
        return reparse(previous, new Edit(start, removedLength, inserted));
    }

    /**
     * The notebook with text {@code newText}, parsed from scratch but keeping ids: a chunk whose
     * source is unchanged keeps its id, wherever it moved; the chunks in between pair up in order
     * when there are as many on both sides (docs/iomd.md, section 13). Use it when only the new text
     * is known (a reload, an undo of several changes); linear in the length of the text.
     */
    public Notebook reparse(Notebook previous, String newText) {
        if (newText == null) {
            throw new IllegalArgumentException("newText must not be null");
        }
        if (newText.equals(previous.text())) {
            return previous;
        }
        ChunkTable table = previous.table().parseMatching(newText);
        return new Notebook(table, newText, new Chunk[table.blockCount()][]);
    }
}

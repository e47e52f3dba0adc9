package org.jodide.iomd;

import org.jodide.iomd.internal.ChunkDiagnostic;
import org.jodide.iomd.internal.ChunkNode;
import org.jodide.iomd.internal.ChunkTable;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.RandomAccess;

/**
 * A parsed notebook: the text and its chunks, in order, covering the text without gaps. Immutable;
 * obtained from {@link IomdParser}. {@link Chunk} objects and the text are built lazily, so a
 * version made by {@link IomdParser#reparse(Notebook, Edit)} costs little until it is looked at.
 * (The lazy caches are filled without locks; two threads may build equal objects, never wrong ones.)
 *
 * <p>Offsets are 0-based UTF-16 offsets; lines are 0-based unless a method says otherwise.
 */
public final class Notebook {
    private final ChunkTable table;
    private final Chunk[] chunkCache;
    private final List<Chunk> chunkList;
    private String text;
    private List<Diagnostic> diagnostics;
    private Map<String, Integer> indexById;

    Notebook(ChunkTable table, String text, Chunk[] chunkCache) {
        this.table = table;
        this.text = text;
        this.chunkCache = chunkCache;
        this.chunkList = new ChunkList();
    }

    ChunkTable table() {
        return table;
    }

    /** The chunk objects built so far (entries may be null), for a re-parse to carry over. */
    Chunk[] chunkCache() {
        return chunkCache;
    }

    /** The notebook text, byte for byte as parsed. */
    public String text() {
        String t = text;
        if (t == null) {
            t = table.text();
            text = t;
        }
        return t;
    }

    /** Length of the text in UTF-16 code units. */
    public int length() {
        return table.length();
    }

    /** Number of lines: line breaks + 1 (so an empty text has one line). */
    public int lineCount() {
        return table.lineCount();
    }

    /** The chunks in order; together they cover the text without gaps. Empty for an empty text. Unmodifiable, random access. */
    public List<Chunk> chunks() {
        return chunkList;
    }

    /** The chunk at {@code index} (0-based). */
    public Chunk chunk(int index) {
        Chunk chunk = chunkCache[index];
        if (chunk == null) {
            chunk = new Chunk(table.node(index), table.start(index), table.line(index));
            chunkCache[index] = chunk;
        }
        return chunk;
    }

    /**
     * The chunk holding the cursor at {@code offset} (0-based, UTF-16 units). A cursor at a boundary
     * belongs to the chunk that starts there; the end of the text belongs to the last chunk. Empty
     * when {@code offset} is outside {@code [0, length()]} or the text is empty.
     */
    public Optional<Chunk> chunkAt(int offset) {
        if (offset < 0 || offset > table.length()) {
            return Optional.empty();
        }
        int index = table.indexAt(offset);
        return index < 0 ? Optional.empty() : Optional.of(chunk(index));
    }

    /** The position of {@code chunk} in {@link #chunks()}, or -1 when it is not a chunk of this notebook version. */
    public int indexOf(Chunk chunk) {
        int index = table.indexStartingAt(chunk.span().start());
        return index >= 0 && table.node(index).id().equals(chunk.id()) && table.line(index) == chunk.line()
                && table.node(index).length() == chunk.node().length() ? index : -1;
    }

    /** The chunk after {@code chunk}, if any. */
    public Optional<Chunk> next(Chunk chunk) {
        int index = indexOf(chunk);
        return index >= 0 && index + 1 < table.size() ? Optional.of(chunk(index + 1)) : Optional.empty();
    }

    /** The chunk before {@code chunk}, if any. */
    public Optional<Chunk> previous(Chunk chunk) {
        int index = indexOf(chunk);
        return index > 0 ? Optional.of(chunk(index - 1)) : Optional.empty();
    }

    /** The chunk with id {@code id} in this version, if any. */
    public Optional<Chunk> chunkById(String id) {
        Map<String, Integer> map = indexById;
        if (map == null) {
            map = new HashMap<>();
            for (int i = 0; i < table.size(); i++) {
                map.put(table.node(i).id(), i);
            }
            indexById = map;
        }
        Integer index = map.get(id);
        return index == null ? Optional.empty() : Optional.of(chunk(index));
    }

    /** Every problem found, in text order. */
    public List<Diagnostic> diagnostics() {
        List<Diagnostic> all = diagnostics;
        if (all == null) {
            List<Diagnostic> found = new ArrayList<>();
            for (int i = 0; i < table.size(); i++) {
                ChunkNode node = table.node(i);
                for (ChunkDiagnostic d : node.diagnostics()) {
                    found.add(d.at(table.start(i), table.line(i)));
                }
            }
            all = List.copyOf(found);
            diagnostics = all;
        }
        return all;
    }

    /** Whether any diagnostic is an error (what makes {@code jodide check} fail). */
    public boolean hasErrors() {
        for (Diagnostic d : diagnostics()) {
            if (d.isError()) {
                return true;
            }
        }
        return false;
    }

    /** The notebook text, rebuilt from its chunks: always equal to {@link #text()} (spec: lossless). */
    public String serialize() {
        return table.text();
    }

    private final class ChunkList extends AbstractList<Chunk> implements RandomAccess {
        @Override
        public Chunk get(int index) {
            if (index < 0 || index >= table.size()) {
                throw new IndexOutOfBoundsException("chunk index " + index + " of " + table.size());
            }
            return chunk(index);
        }

        @Override
        public int size() {
            return table.size();
        }
    }
}

package org.jodide.iomd;

import org.jodide.iomd.internal.ChunkDiagnostic;
import org.jodide.iomd.internal.ChunkNode;
import org.jodide.iomd.internal.ChunkTable;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.Set;

/**
 * A parsed notebook: the text and its chunks, in order, covering the text without gaps. Immutable;
 * obtained from {@link IomdParser}. {@link Chunk} objects, the text, and each chunk's diagnostics,
 * fetch lines and plugin are made on first use, so a version made by
 * {@link IomdParser#reparse(Notebook, Edit)} costs little until it is looked at.
 * (The lazy caches are filled without locks; two threads may build equal objects, never wrong ones.)
 *
 * <p>Offsets are 0-based UTF-16 offsets; lines are 0-based unless a method says otherwise.
 */
public final class Notebook {
    private final ChunkTable table;
    /** The Chunk objects made so far, per block of the table; a block's array is made on first use. */
    private final Chunk[][] chunkCache;
    private final List<Chunk> chunkList;
    private String text;
    private List<Diagnostic> diagnostics;
    private Map<String, Integer> indexById;

    Notebook(ChunkTable table, String text, Chunk[][] chunkCache) {
        this.table = table;
        this.text = text;
        this.chunkCache = chunkCache;
        this.chunkList = new ChunkList();
    }

    /**
     * The notebook after {@code splice}, an edit of {@code previous}: Chunk objects already made are
     * carried over for every chunk whose node and place did not change.
     */
    static Notebook edited(Notebook previous, ChunkTable.Splice splice) {
        ChunkTable before = previous.table;
        ChunkTable after = splice.table();
        Chunk[][] oldCache = previous.chunkCache;
        Chunk[][] cache = new Chunk[after.blockCount()][];
        // Blocks before the edit are the same blocks at the same place: share their Chunk objects.
        System.arraycopy(oldCache, 0, cache, 0, Math.min(splice.firstBlock(), oldCache.length));
        // Blocks after the rebuilt ones are shared too; their Chunk objects still hold if they did not move.
        int blockShift = after.blockCount() - before.blockCount();
        for (int k = splice.afterBlocks(); k < after.blockCount(); k++) {
            if (after.sameBlock(k, before, k - blockShift)) {
                cache[k] = oldCache[k - blockShift];
            }
        }
        // In the rebuilt blocks, keep each Chunk object whose node and place did not change.
        int chunkShift = after.size() - before.size();
        for (int k = splice.firstBlock(); k < splice.afterBlocks(); k++) {
            for (int i = after.blockFirst(k), end = i + after.blockSize(k); i < end; i++) {
                int old = i < splice.first() ? i : i >= splice.after() ? i - chunkShift : -1;
                Chunk kept = old < 0 ? null : previous.cachedChunk(old);
                if (kept != null && kept.node() == after.node(i) && kept.span().start() == after.start(i)
                        && kept.line() == after.line(i)) {
                    if (cache[k] == null) {
                        cache[k] = new Chunk[after.blockSize(k)];
                    }
                    cache[k][i - after.blockFirst(k)] = kept;
                }
            }
        }
        return new Notebook(after, null, cache);
    }

    ChunkTable table() {
        return table;
    }

    /** The Chunk object already made for chunk {@code index}, or null. */
    private Chunk cachedChunk(int index) {
        int block = table.blockOf(index);
        Chunk[] cached = chunkCache[block];
        return cached == null ? null : cached[index - table.blockFirst(block)];
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
        if (index < 0 || index >= table.size()) {
            throw new IndexOutOfBoundsException("chunk index " + index + " of " + table.size());
        }
        int block = table.blockOf(index);
        Chunk[] cached = chunkCache[block];
        if (cached == null) {
            cached = new Chunk[table.blockSize(block)];
            chunkCache[block] = cached;
        }
        int j = index - table.blockFirst(block);
        Chunk chunk = cached[j];
        if (chunk == null) {
            chunk = new Chunk(table.node(index), table.start(index), table.line(index));
            cached[j] = chunk;
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

    /** The chunk with id {@code id} in this version, if any. The first call indexes every id (linear, once per version). */
    public Optional<Chunk> chunkById(String id) {
        Map<String, Integer> map = indexById;
        if (map == null) {
            Map<String, Integer> ids = new HashMap<>();
            for (int i = 0; i < table.size(); i++) {
                ids.put(table.node(i).id(), i);
            }
            // Unmodifiable behind a final field, so safe to publish without a lock. Not Map.copyOf: TeaVM's
            // is a table of exactly its size with linear probing, whose lookups of a thousand ids scan
            // hundreds of entries each (a Run All looks up every chunk's id several times).
            map = Collections.unmodifiableMap(ids);
            indexById = map;
        }
        Integer index = map.get(id);
        return index == null ? Optional.empty() : Optional.of(chunk(index));
    }

    /**
     * Every problem found, in text order: the diagnostics of all chunks, except that a chunk whose
     * type is a language defined by a valid plugin chunk of this notebook (its {@code languageId},
     * matched exactly) is not reported as of unknown type. This is what {@code jodide check} prints.
     */
    public List<Diagnostic> diagnostics() {
        List<Diagnostic> all = diagnostics;
        if (all == null) {
            Set<String> languages = pluginLanguages();
            List<Diagnostic> found = new ArrayList<>();
            for (int i = 0; i < table.size(); i++) {
                ChunkNode node = table.node(i);
                for (ChunkDiagnostic d : node.diagnostics()) {
                    if (d.code() != DiagnosticCode.UNKNOWN_CHUNK_TYPE || !languages.contains(node.typeName())) {
                        found.add(d.at(table.start(i), table.line(i)));
                    }
                }
            }
            all = List.copyOf(found);
            diagnostics = all;
        }
        return all;
    }

    /** The languageIds of the valid plugin chunks. */
    private Set<String> pluginLanguages() {
        Set<String> languages = new HashSet<>();
        for (int i = 0; i < table.size(); i++) {
            ChunkNode node = table.node(i);
            if (node.type() == ChunkType.PLUGIN && node.plugin() != null) {
                languages.add(node.plugin().languageId());
            }
        }
        return languages;
    }

    /**
     * The Python the notebook asks for: a preamble line {@code python: micropython} (docs/iomd.md,
     * section 7); empty when it says nothing, and readers run it with their own choice.
     */
    public Optional<NotebookPython> python() {
        if (table.size() == 0 || !table.node(0).isPreamble()) {
            return Optional.empty();
        }
        return Optional.ofNullable(table.node(0).python());
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
            return chunk(index);
        }

        @Override
        public int size() {
            return table.size();
        }
    }
}

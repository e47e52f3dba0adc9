package org.jodide.iomd;

import java.util.List;
import java.util.Optional;

/** A parsed notebook: the text and its chunks, in order, covering the text without gaps. */
public final class Notebook {
    private final String text;
    private final List<Chunk> chunks;

    Notebook(String text, List<Chunk> chunks) {
        this.text = text;
        this.chunks = List.copyOf(chunks);
    }

    public String text() {
        return text;
    }

    public List<Chunk> chunks() {
        return chunks;
    }

    /**
     * The chunk holding the cursor at {@code offset} (0-based, UTF-16 units). A cursor at a
     * boundary belongs to the chunk that starts there, except at the end of the text.
     */
    public Optional<Chunk> chunkAt(int offset) {
        int lo = 0;
        int hi = chunks.size() - 1;
        Chunk found = null;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Chunk chunk = chunks.get(mid);
            if (chunk.span().start() <= offset) {
                found = chunk;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return Optional.ofNullable(found);
    }

    /** The chunk after {@code chunk}, if any. */
    public Optional<Chunk> next(Chunk chunk) {
        int index = chunks.indexOf(chunk);
        return index >= 0 && index + 1 < chunks.size() ? Optional.of(chunks.get(index + 1)) : Optional.empty();
    }

    /** The notebook text, byte for byte as parsed. */
    public String serialize() {
        StringBuilder out = new StringBuilder(text.length());
        for (Chunk chunk : chunks) {
            out.append(chunk.source());
        }
        return out.toString();
    }
}

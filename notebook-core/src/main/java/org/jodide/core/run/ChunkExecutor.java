package org.jodide.core.run;

import org.jodide.core.kernel.ExecutionListener;
import org.jodide.iomd.Chunk;
import org.jodide.iomd.ChunkType;
import org.jodide.iomd.Notebook;

/**
 * Runs one chunk according to its kind (markdown into the report, code in the kernel...).
 * Must call {@link ExecutionListener#finished} exactly once, possibly at once.
 */
public interface ChunkExecutor {
    void execute(Chunk chunk, ExecutionListener listener);

    /**
     * Whether {@code chunk} of {@code notebook} runs at all (Run All skips the others). By default
     * every chunk but the preamble, raw chunks and chunks of unknown type; an executor that knows
     * plugin languages also runs their chunks.
     */
    default boolean runs(Notebook notebook, Chunk chunk) {
        return chunk.type() != ChunkType.PREAMBLE && chunk.type() != ChunkType.RAW && chunk.type() != ChunkType.UNKNOWN;
    }
}

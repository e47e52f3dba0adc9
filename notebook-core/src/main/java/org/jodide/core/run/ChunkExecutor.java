package org.jodide.core.run;

import org.jodide.core.kernel.ExecutionListener;
import org.jodide.iomd.Chunk;
import org.jodide.iomd.ChunkType;
import org.jodide.iomd.Notebook;

/**
 * Runs one chunk according to its kind (markdown into the report, code in the kernel...).
 * Must call {@link ExecutionListener#finished} exactly once, possibly at once.
 *
 * <p>Chunks that the kernel runs in the order it receives them ({@link #pipelines}) are handed
 * over without waiting for the ones before them to finish: Run All of 1,000 Python chunks then
 * costs 1,000 runs, not 1,000 round trips to the kernel and back.
 */
public interface ChunkExecutor {
    void execute(Chunk chunk, ExecutionListener listener);

    /**
     * Whether {@code chunk} goes to a kernel that runs what it receives one at a time, in the order
     * received, so that it may be sent while earlier chunks still run ({@link #enqueue}). Other chunks
     * (markdown, CSS, fetch, plugin) wait until everything sent before them has finished.
     */
    default boolean pipelines(Chunk chunk) {
        return false;
    }

    /**
     * Sends a {@link #pipelines} chunk to the kernel's queue. The kernel runs it after everything
     * sent before; when an earlier chunk of the same {@code failureGroup} (not 0) failed, it does not
     * run it and calls {@link ExecutionListener#skipped} instead of {@code finished}.
     */
    default void enqueue(Chunk chunk, int failureGroup, ExecutionListener listener) {
        execute(chunk, listener);
    }

    /**
     * Drops the chunks waiting in the kernel's queue (each hears {@link ExecutionListener#skipped});
     * the one running goes on.
     */
    default void dropQueued() {
    }

    /**
     * Whether {@code chunk} of {@code notebook} runs at all (Run All skips the others). By default
     * every chunk but the preamble, raw chunks and chunks of unknown type; an executor that knows
     * plugin languages also runs their chunks.
     */
    default boolean runs(Notebook notebook, Chunk chunk) {
        return chunk.type() != ChunkType.PREAMBLE && chunk.type() != ChunkType.RAW && chunk.type() != ChunkType.UNKNOWN;
    }
}

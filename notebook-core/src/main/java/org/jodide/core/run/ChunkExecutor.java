package org.jodide.core.run;

import org.jodide.core.kernel.ExecutionListener;
import org.jodide.iomd.Chunk;

/**
 * Runs one chunk according to its kind (markdown into the report, code in the kernel...).
 * Must call {@link ExecutionListener#finished} exactly once, possibly at once.
 */
public interface ChunkExecutor {
    void execute(Chunk chunk, ExecutionListener listener);
}

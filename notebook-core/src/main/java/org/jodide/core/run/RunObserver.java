package org.jodide.core.run;

import org.jodide.core.kernel.ExecutionListener;
import org.jodide.iomd.Chunk;

/** What the UI hears from the {@link NotebookRunner}. */
public interface RunObserver {
    void stateChanged(String chunkId, ChunkState state);

    /** A chunk starts running; the returned listener receives its output (e.g. a console entry). */
    ExecutionListener started(Chunk chunk);

    /** A batch (Run All, run above/below) stopped at {@code failed}; {@code skipped} chunks did not run. */
    void batchStopped(Chunk failed, int skipped);
}

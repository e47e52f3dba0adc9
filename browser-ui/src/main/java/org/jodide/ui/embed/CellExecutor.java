package org.jodide.ui.embed;

import org.jodide.core.Language;
import org.jodide.core.kernel.ExecuteRequest;
import org.jodide.core.kernel.ExecutionListener;
import org.jodide.core.kernel.Kernel;
import org.jodide.core.kernel.SourceNames;
import org.jodide.core.run.ChunkExecutor;
import org.jodide.iomd.Chunk;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs embedded cells in the page's kernel: every cell is a py or js chunk, sent ahead to the
 * kernel's queue like the editor's code chunks. A cell's lines count from its own first line (a
 * traceback says {@code File "py cell 3", line 2}: the page's third cell, its second line), and its output shows
 * in the cell only: the kernel's frame is out of sight.
 */
final class CellExecutor implements ChunkExecutor {
    private final Supplier<Kernel> kernel;
    private final CellIndex cells;

    /** @param kernel the page's kernel, made when the first cell runs */
    CellExecutor(Supplier<Kernel> kernel, CellIndex cells) {
        this.kernel = kernel;
        this.cells = cells;
    }

    /** Where a chunk is among the cells (0-based), for the kernel's run order. */
    interface CellIndex {
        int indexOf(Chunk chunk);
    }

    @Override
    public boolean pipelines(Chunk chunk) {
        return Language.of(chunk.type()).isPresent();
    }

    @Override
    public void enqueue(Chunk chunk, int failureGroup, ExecutionListener listener) {
        Optional<Language> language = Language.of(chunk.type());
        if (language.isEmpty()) {
            execute(chunk, listener);
            return;
        }
        int index = cells.indexOf(chunk);
        kernel.get().execute(new ExecuteRequest(language.get(), chunk.id(), chunk.content(), 0, index, false, failureGroup,
                SourceNames.ofCell(language.get().id(), index + 1)), listener);
    }

    @Override
    public void execute(Chunk chunk, ExecutionListener listener) {
        if (Language.of(chunk.type()).isPresent()) {
            enqueue(chunk, 0, listener);
        } else {
            listener.finished(null, "%% " + chunk.typeName() + " cells do not run in embedded pages.");
        }
    }

    @Override
    public void dropQueued() {
        kernel.get().dropQueued();
    }
}

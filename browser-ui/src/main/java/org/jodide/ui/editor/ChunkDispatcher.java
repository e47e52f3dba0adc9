package org.jodide.ui.editor;

import org.jodide.core.Language;
import org.jodide.core.kernel.ExecuteRequest;
import org.jodide.core.kernel.ExecutionListener;
import org.jodide.core.run.ChunkExecutor;
import org.jodide.iomd.Chunk;

import java.util.Optional;

/** Runs a chunk by its kind: markdown and CSS go to the report, JS and Python to the kernel. */
final class ChunkDispatcher implements ChunkExecutor {
    private final EvalFrame frame;
    private final ReportPublisher report;

    ChunkDispatcher(EvalFrame frame, ReportPublisher report) {
        this.frame = frame;
        this.report = report;
    }

    @Override
    public void execute(Chunk chunk, ExecutionListener listener) {
        Optional<Language> language = Language.of(chunk.type());
        if (language.isPresent()) {
            frame.execute(new ExecuteRequest(language.get(), chunk.id(), chunk.content(), chunk.bodyLine()), listener);
            return;
        }
        switch (chunk.type()) {
            case MD:
            case CSS:
                report.publish(chunk, true);
                listener.finished(null, null);
                break;
            default:
                listener.finished(null, "%% " + chunk.typeName() + " chunks do not run in this version of Jodide.");
        }
    }

    /** Whether running {@code chunk} shows an entry in the console (code does; markdown and CSS show in the report). */
    static boolean showsInConsole(Chunk chunk) {
        switch (chunk.type()) {
            case MD:
            case CSS:
                return false;
            default:
                return true;
        }
    }
}

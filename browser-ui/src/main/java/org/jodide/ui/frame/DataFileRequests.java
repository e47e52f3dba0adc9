package org.jodide.ui.frame;

import org.jodide.core.kernel.PendingReplies;
import org.jodide.core.protocol.EditorToFrame;
import org.jodide.core.protocol.FrameToEditor;

import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * Notebook code's {@code iodide.file.save} and {@code delete} (frame/data-files.js): the editor
 * keeps the user's data files, so each is asked of it ({@link FrameToEditor.SaveDataFile},
 * {@link FrameToEditor.DeleteDataFile}) and settles when {@link EditorToFrame.DataFileDone} comes.
 * The file itself arrives before that answer, as any file added ({@link EditorToFrame.PutDataFile}).
 */
final class DataFileRequests {
    private final Consumer<FrameToEditor> send;
    private final PendingReplies<String> waiting = new PendingReplies<>(null);
    private int nextRequestId = 1;

    DataFileRequests(Consumer<FrameToEditor> send) {
        this.send = send;
    }

    /** Gives {@code iodide.file} its way to the editor; false when the frame's runtime is missing. */
    boolean connect() {
        return IodideGlobal.connectDataFiles(
                (name, base64, overwrite, done) -> ask(done, id -> new FrameToEditor.SaveDataFile(id, name, base64, overwrite)),
                (name, done) -> ask(done, id -> new FrameToEditor.DeleteDataFile(id, name)));
    }

    /** The editor's answer (an unknown request is ignored). */
    void answer(EditorToFrame.DataFileDone answer) {
        waiting.answer(answer.requestId(), answer.error() == null ? "" : answer.error());
    }

    private void ask(IodideGlobal.Done done, IntFunction<FrameToEditor> request) {
        int requestId = nextRequestId++;
        waiting.await(requestId, "the notebook page did not answer", error -> done.done(error.isEmpty() ? null : error));
        send.accept(request.apply(requestId));
    }
}

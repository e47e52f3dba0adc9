package org.jodide.ui.editor;

import org.jodide.core.run.ChunkState;
import org.jodide.iomd.Diagnostic;
import org.jodide.iomd.Edit;
import org.teavm.jso.dom.html.HTMLElement;

import java.util.List;

/**
 * The widget holding the notebook's .iomd text. The rest of the editor page talks to it only
 * through this interface, so the widget (a textarea, CodeMirror) can change alone.
 * Offsets are 0-based UTF-16 offsets into the whole text.
 */
interface SourceEditor {
    String text();

    void setText(String text);

    /** The cursor (the selection's head). */
    int cursor();

    void setCursor(int offset);

    void focus();

    /** Called after every change of the text, with the change as one edit of the previous text. */
    void onChange(ChangeListener listener);

    /** Binds the notebook's keyboard commands (Shift+Enter and friends). */
    void bindCommands(EditorCommands commands);

    /**
     * Shows a chunk's run state next to its delimiter line (a gutter marker). Widgets without
     * a gutter may ignore it.
     *
     * @param chunkStart offset of the chunk's first character (its delimiter line)
     */
    void showChunkState(int chunkStart, ChunkState state);

    /** Removes every chunk state marker (before showing a fresh set). */
    void clearChunkStates();

    /**
     * Shows a chunk's output under the line ending at {@code lineEnd} (the chunk's last line); it
     * replaces the chunk's earlier one and moves with the text. A null element removes it.
     */
    void showOutput(String chunkId, int lineEnd, HTMLElement output);

    /** Marks the notebook's problems (bad fetch lines, invalid plugin JSON...) where they are, replacing those shown. */
    void showDiagnostics(List<Diagnostic> diagnostics);

    interface ChangeListener {
        void changed(Edit edit);
    }

    /** The notebook commands a key binding can trigger. */
    interface EditorCommands {
        void runChunk();

        void runAndAdvance();

        void runAll();

        void save();

        void showHelp();
    }
}

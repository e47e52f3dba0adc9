package org.jodide.ui.codemirror;

import org.teavm.jso.JSObject;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * Overlay of the NotebookEditor that {@code createNotebookEditor} returns. Offsets are 0-based
 * UTF-16 offsets into the whole document; the document is exactly the text given (no line
 * break normalisation).
 */
public interface NotebookEditor extends JSObject {
    String getText();

    /** Replaces the document as loading a notebook does (fresh undo history); does not call onChange. */
    void setText(String text);

    /** The head of the main selection. */
    int getCursor();

    /** Moves the cursor (clamped to the document) and scrolls it into view. */
    void setCursor(int offset);

    void focus();

    /**
     * Shows a run state in the gutter of the delimiter line that starts at {@code chunkStart}.
     *
     * @param state one of {@code idle, queued, running, done, error, stale}
     */
    void setChunkState(int chunkStart, String state);

    /**
     * Shows {@code element} (owned by the caller, who may keep changing it) under the line ending
     * at {@code pos}, as chunk {@code id}'s output, replacing its earlier one; it moves with the
     * text. A null element removes it.
     */
    void setChunkOutput(String id, int pos, HTMLElement element);

    /** Every chunk shows {@code idle} again. */
    void clearChunkStates();

    /** @param theme {@code light}, {@code dark} or {@code auto} (follows prefers-color-scheme) */
    void setTheme(String theme);

    /** Shows these problems (replacing the ones shown): see {@link EditorDiagnostics}. */
    void setDiagnostics(EditorDiagnostics diagnostics);
}

package org.jodide.ui.editor;

import org.jodide.core.kernel.ExecutionListener;

/** Hears a fetch chunk's run: each line as it settles, then the whole chunk. */
interface FetchListener extends ExecutionListener {
    /**
     * @param index 0-based position of the line among the chunk's fetch lines
     * @param error why it failed, or null when it loaded
     */
    void lineDone(int index, String error, String detail);
}

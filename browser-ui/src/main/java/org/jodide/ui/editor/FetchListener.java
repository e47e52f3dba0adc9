package org.jodide.ui.editor;

import org.jodide.core.kernel.ExecutionListener;
import org.jodide.core.kernel.ForwardingListener;

/** Hears a fetch chunk's run: each line as it settles, then the whole chunk (passed on to a target). */
abstract class FetchListener extends ForwardingListener {
    FetchListener(ExecutionListener target) {
        super(target);
    }

    /**
     * @param index    0-based position of the line among the chunk's fetch lines
     * @param error    why it failed, or null when it loaded
     * @param language for a plugin line that loaded, the language it registered; else null
     */
    abstract void lineDone(int index, String error, String detail, String language);
}

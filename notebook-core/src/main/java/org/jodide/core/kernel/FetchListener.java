package org.jodide.core.kernel;

/** Hears a fetch chunk's run: each line as it settles, then the whole chunk (passed on to a target). */
public abstract class FetchListener extends ForwardingListener {
    protected FetchListener(ExecutionListener target) {
        super(target);
    }

    /**
     * @param index    0-based position of the line among the chunk's fetch lines
     * @param error    why it failed, or null when it loaded
     * @param detail   what was loaded (e.g. "1.2 KB"), or empty
     * @param language for a plugin line that loaded, the language it registered; else null
     */
    public abstract void lineDone(int index, String error, String detail, String language);
}

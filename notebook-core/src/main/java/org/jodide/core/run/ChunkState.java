package org.jodide.core.run;

/** Where a chunk is in its run life, as the editor's gutter and the console show it. */
public enum ChunkState {
    /** Never run in this session. */
    IDLE,
    /** Waiting in the run queue. */
    QUEUED,
    RUNNING,
    /** Its last run succeeded and its text has not changed since. */
    DONE,
    /** Its last run failed and its text has not changed since. */
    ERROR,
    /** Edited since its last run: its output is kept, but may no longer match the text. */
    STALE;

    private final String id = name().toLowerCase(java.util.Locale.ROOT);

    /**
     * The state's name in lower case, as pages write it in attributes ({@code data-state="running"}).
     * Computed once: a Run All shows thousands of states, and lower-casing in the browser is not free.
     */
    public String id() {
        return id;
    }
}

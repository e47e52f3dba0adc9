package org.jodide.ui.frame.runtime;

import org.jodide.core.kernel.ExecutionListener;

/**
 * A runtime that queues runs itself, off the frame's thread (Python in a worker): the frame hands
 * it the runs that follow the one it runs, when they are for it too, without waiting for each to
 * end, and it starts each as soon as the one before it ends. Run All then pays no round trip
 * between the frame and the worker per chunk.
 *
 * <pre>{@code
 * python.enqueue("x = 1", "py chunk at line 2", 1, 7, first, () -> skipped(1));
 * python.enqueue("1 / 0", "py chunk at line 4", 3, 7, second, () -> skipped(2));
 * python.enqueue("y = 2", "py chunk at line 6", 5, 7, third, () -> skipped(3));
 * // first.finished(null, null); second.finished(null, "ZeroDivisionError…"); skipped(3): group 7 failed
 * }</pre>
 */
public interface QueueingRuntime extends LanguageRuntime {
    /**
     * Runs one chunk's code after every run given before it. Exactly one of
     * {@code listener.finished} and {@code skipped} is called: skipped when the run never started,
     * because a run of its failure group failed before it, or {@link #dropQueued} dropped it.
     *
     * @param failureGroup the Run All it belongs to, or 0 for none
     */
    void enqueue(String code, String sourceName, int firstLine, int failureGroup, ExecutionListener listener,
                 Runnable skipped);

    /** Skips every run given that has not started; the one running goes on. */
    void dropQueued();

    @Override
    default void run(String code, String sourceName, int firstLine, ExecutionListener listener) {
        enqueue(code, sourceName, firstLine, 0, listener, () -> listener.finished(null, "The run was dropped."));
    }
}

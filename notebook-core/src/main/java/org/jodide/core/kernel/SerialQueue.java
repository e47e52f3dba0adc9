package org.jodide.core.kernel;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Runs asynchronous tasks one at a time, in submission order. A task is started with a
 * {@code done} callback and the next task starts when it is called (once; later calls are
 * ignored). Single-threaded, like the browser.
 */
public final class SerialQueue {
    /** A unit of asynchronous work. */
    public interface Task {
        void start(Runnable done);
    }

    private final Deque<Task> waiting = new ArrayDeque<>();
    private boolean running;

    public void submit(Task task) {
        waiting.addLast(task);
        if (!running) {
            startNext();
        }
    }

    public int waitingCount() {
        return waiting.size();
    }

    public boolean isRunning() {
        return running;
    }

    private void startNext() {
        Task next = waiting.pollFirst();
        if (next == null) {
            running = false;
            return;
        }
        running = true;
        boolean[] called = {false};
        next.start(() -> {
            if (!called[0]) {
                called[0] = true;
                startNext();
            }
        });
    }
}

package org.jodide.core.kernel;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Runs asynchronous tasks one at a time, in submission order. A task is started with a
 * {@code done} callback and the next task starts when it is called (once; later calls are
 * ignored). Single-threaded, like the browser.
 *
 * <p>Tasks may call {@code done} synchronously, from inside {@code start}: the queue then starts
 * the next task from its own loop once {@code start} has returned, never from inside that call, so
 * any number of tasks that finish at once (2,000 markdown chunks behind a Python chunk) run with a
 * stack of bounded depth (a trampoline).
 *
 * <pre>{@code
 * SerialQueue queue = new SerialQueue();
 * queue.submit(done -> fetchSomething(result -> done.run())); // asynchronous
 * queue.submit(done -> done.run());                           // starts once the fetch is done
 * }</pre>
 */
public final class SerialQueue {
    /** A unit of asynchronous work. */
    public interface Task {
        void start(Runnable done);
    }

    private final Deque<Task> waiting = new ArrayDeque<>();
    /** A task has started and not called {@code done} yet. */
    private boolean running;
    /** {@link #drain} is on the stack: a {@code done} called now only clears {@link #running}. */
    private boolean draining;

    public void submit(Task task) {
        waiting.addLast(task);
        drain();
    }

    public int waitingCount() {
        return waiting.size();
    }

    public boolean isRunning() {
        return running;
    }

    /**
     * Starts tasks while none is running. A task that throws from {@code start} counts as done (the
     * queue goes on with the next one); the first such exception is thrown once the loop stops.
     */
    private void drain() {
        if (draining || running) {
            return;
        }
        draining = true;
        RuntimeException thrown = null;
        try {
            Task next;
            while (!running && (next = waiting.pollFirst()) != null) {
                running = true;
                Completion completion = new Completion();
                try {
                    next.start(completion);
                } catch (RuntimeException e) {
                    completion.run();
                    if (thrown == null) {
                        thrown = e;
                    }
                }
            }
        } finally {
            draining = false;
        }
        if (thrown != null) {
            throw thrown;
        }
    }

    /** The {@code done} of one task: only its first call counts. */
    private final class Completion implements Runnable {
        private boolean called;

        @Override
        public void run() {
            if (called) {
                return;
            }
            called = true;
            running = false;
            drain();
        }
    }
}

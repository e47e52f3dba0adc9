package org.jodide.core.kernel;

/**
 * Runs a task once calls have stopped for a while: {@link #call} says something changed, and the
 * task runs {@code quietMs} after the last call. At most one timer waits, whatever the number of
 * calls: it is set at the first call and, when it fires early (calls came meanwhile), set again for
 * the rest of the quiet time. Clearing and setting a timer on every call cost a Run All of 1,000
 * chunks a {@code setTimeout} (with its callback's wrapper) and a {@code clearTimeout} per output
 * change (the editor's outputs kept with the notebook). Plain Java, tested on the JVM.
 *
 * <pre>{@code
 * AfterQuiet store = new AfterQuiet(timer, 1000, this::storeOutputs);
 * store.call();   // an output changed: storeOutputs runs 1 s after the last such call
 * }</pre>
 */
public final class AfterQuiet {
    private final OutputBatcher.Timer timer;
    private final int quietMs;
    private final Runnable task;
    private double lastCall;
    private boolean waiting;

    public AfterQuiet(OutputBatcher.Timer timer, int quietMs, Runnable task) {
        this.timer = timer;
        this.quietMs = quietMs;
        this.task = task;
    }

    /** Something changed: the task runs once {@code quietMs} have passed without another call. */
    public void call() {
        lastCall = timer.now();
        if (!waiting) {
            waiting = true;
            timer.schedule(quietMs, this::check);
        }
    }

    private void check() {
        double quietFor = timer.now() - lastCall;
        if (quietFor < quietMs) {
            timer.schedule((int) Math.ceil(quietMs - quietFor), this::check);
            return;
        }
        waiting = false;
        task.run();
    }
}

package org.jodide.ui.frame.worker;

import java.util.function.Consumer;
import java.util.function.DoubleSupplier;

/**
 * How long the worker's current task has spent on queued runs. The frame's messages reach the
 * worker only between tasks, so the worker stops starting queued runs once a task has used its
 * slice. The slice belongs to the task, not to a call: a batch of messages delivered in one task
 * (many {@code Run}s, each starting what is queued) shares one slice, and a new slice begins only
 * once the task has ended ({@code atTaskEnd}, a microtask in the worker).
 */
final class TaskSlice {
    private final double lengthMs;
    private final DoubleSupplier clock;
    private final Consumer<Runnable> atTaskEnd;
    /** When this task's slice began; negative while no slice has begun in this task. */
    private double startedAt = -1;

    TaskSlice(double lengthMs, DoubleSupplier clock, Consumer<Runnable> atTaskEnd) {
        this.lengthMs = lengthMs;
        this.clock = clock;
        this.atTaskEnd = atTaskEnd;
    }

    /** Whether this task has used its slice; the first call of a task begins it. */
    boolean used() {
        double now = clock.getAsDouble();
        if (startedAt < 0) {
            startedAt = now;
            atTaskEnd.accept(() -> startedAt = -1);
        }
        return now - startedAt >= lengthMs;
    }
}

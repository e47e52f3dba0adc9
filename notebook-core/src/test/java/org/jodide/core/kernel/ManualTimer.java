package org.jodide.core.kernel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A clock the test moves; scheduled tasks run when it passes their time. */
final class ManualTimer implements OutputBatcher.Timer {
    private record Task(double at, Runnable task) {
    }

    private final List<Task> tasks = new ArrayList<>();
    private double now = 10_000;

    @Override
    public double now() {
        return now;
    }

    @Override
    public void schedule(int delayMs, Runnable task) {
        tasks.add(new Task(now + delayMs, task));
    }

    int waiting() {
        return tasks.size();
    }

    void advance(double ms) {
        double until = now + ms;
        while (true) {
            Task next = tasks.stream().filter(t -> t.at() <= until).min(Comparator.comparingDouble(Task::at)).orElse(null);
            if (next == null) {
                break;
            }
            tasks.remove(next);
            now = next.at();
            next.task().run();
        }
        now = until;
    }
}

package org.jodide.core.kernel;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SerialQueueTest {
    @Test
    void aTaskStartsOnlyWhenThePreviousOneIsDone() {
        SerialQueue queue = new SerialQueue();
        List<String> events = new ArrayList<>();
        List<Runnable> completions = new ArrayList<>();
        queue.submit(done -> { events.add("start 1"); completions.add(done); });
        queue.submit(done -> { events.add("start 2"); completions.add(done); });
        assertEquals(List.of("start 1"), events);
        assertEquals(1, queue.waitingCount());
        completions.get(0).run();
        assertEquals(List.of("start 1", "start 2"), events);
        assertTrue(queue.isRunning());
        completions.get(1).run();
        assertFalse(queue.isRunning());
    }

    @Test
    void callingDoneTwiceDoesNotSkipATask() {
        SerialQueue queue = new SerialQueue();
        List<Runnable> completions = new ArrayList<>();
        List<Integer> started = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int id = i;
            queue.submit(done -> { started.add(id); completions.add(done); });
        }
        completions.get(0).run();
        completions.get(0).run();
        assertEquals(List.of(0, 1), started);
    }

    @Test
    void tasksThatFinishAtOnceRunInOrder() {
        SerialQueue queue = new SerialQueue();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            int id = i;
            queue.submit(done -> { order.add(id); done.run(); });
        }
        assertEquals(100, order.size());
        for (int i = 0; i < 100; i++) {
            assertEquals(i, order.get(i));
        }
        assertFalse(queue.isRunning());
    }

    @Test
    void tenThousandSynchronousTasksBehindAnAsynchronousOneRunInOrderWithABoundedStack() {
        SerialQueue queue = new SerialQueue();
        Runnable[] asyncDone = new Runnable[1];
        queue.submit(done -> asyncDone[0] = done);
        int count = 10_000;
        List<Integer> order = new ArrayList<>();
        int[] depth = {Integer.MAX_VALUE, 0};
        for (int i = 0; i < count; i++) {
            int id = i;
            queue.submit(done -> {
                order.add(id);
                int frames = Thread.currentThread().getStackTrace().length;
                depth[0] = Math.min(depth[0], frames);
                depth[1] = Math.max(depth[1], frames);
                done.run();
            });
        }
        assertEquals(count, queue.waitingCount(), "nothing starts while the asynchronous task runs");

        asyncDone[0].run();

        assertEquals(count, order.size());
        for (int i = 0; i < count; i++) {
            assertEquals(i, order.get(i));
        }
        assertTrue(depth[1] - depth[0] <= 2, "stack depth grew from " + depth[0] + " to " + depth[1] + " frames");
        assertFalse(queue.isRunning());
        assertEquals(0, queue.waitingCount());
    }

    @Test
    void aDoneCalledDuringStartStartsTheNextTaskOnlyAfterStartReturns() {
        SerialQueue queue = new SerialQueue();
        List<String> events = new ArrayList<>();
        Runnable[] first = new Runnable[1];
        queue.submit(done -> first[0] = done);
        queue.submit(done -> { events.add("start 2"); done.run(); events.add("end 2"); });
        queue.submit(done -> events.add("start 3"));
        first[0].run();
        assertEquals(List.of("start 2", "end 2", "start 3"), events);
        assertTrue(queue.isRunning(), "task 3 has not called done");
    }

    @Test
    void aLateDoneOfAnAsynchronousTaskGoesOnWithSynchronousTasksQueuedMeanwhile() {
        SerialQueue queue = new SerialQueue();
        List<Runnable> completions = new ArrayList<>();
        List<Integer> started = new ArrayList<>();
        queue.submit(done -> { started.add(0); completions.add(done); });
        queue.submit(done -> { started.add(1); done.run(); });
        queue.submit(done -> { started.add(2); completions.add(done); });
        queue.submit(done -> { started.add(3); done.run(); });
        completions.get(0).run();
        assertEquals(List.of(0, 1, 2), started);
        completions.get(1).run();
        assertEquals(List.of(0, 1, 2, 3), started);
        completions.get(0).run();
        completions.get(1).run();
        assertEquals(List.of(0, 1, 2, 3), started, "done twice is ignored");
        assertFalse(queue.isRunning());
    }

    @Test
    void aTaskThatThrowsCountsAsDoneAndTheQueueGoesOn() {
        SerialQueue queue = new SerialQueue();
        List<Integer> started = new ArrayList<>();
        Runnable[] first = new Runnable[1];
        queue.submit(done -> first[0] = done);
        queue.submit(done -> { throw new IllegalStateException("broken task"); });
        queue.submit(done -> { started.add(2); done.run(); });
        IllegalStateException thrown = assertThrows(IllegalStateException.class, first[0]::run);
        assertEquals("broken task", thrown.getMessage());
        assertEquals(List.of(2), started);
        assertFalse(queue.isRunning());
        queue.submit(done -> { started.add(3); done.run(); });
        assertEquals(List.of(2, 3), started);
    }
}

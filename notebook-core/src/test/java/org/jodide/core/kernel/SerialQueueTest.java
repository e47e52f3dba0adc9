package org.jodide.core.kernel;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
}

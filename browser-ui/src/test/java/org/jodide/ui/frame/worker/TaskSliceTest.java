package org.jodide.ui.frame.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskSliceTest {
    private double now = 1000;
    private final List<Runnable> taskEnd = new ArrayList<>();
    private final TaskSlice slice = new TaskSlice(20, () -> now, taskEnd::add);

    private void endTask() {
        List<Runnable> due = new ArrayList<>(taskEnd);
        taskEnd.clear();
        due.forEach(Runnable::run);
    }

    @Test
    void callsInOneTaskShareOneSlice() {
        // A batch of Run messages in one task: each call starts what is queued, none gets a fresh slice.
        assertFalse(slice.used());
        now += 15;
        assertFalse(slice.used());
        now += 5;
        assertTrue(slice.used());
        now += 1;
        assertTrue(slice.used(), "a later message of the same task must not restart the slice");
        assertEquals(1, taskEnd.size(), "one reset per task");
    }

    @Test
    void theNextTaskBeginsANewSlice() {
        slice.used();
        now += 25;
        assertTrue(slice.used());
        endTask();
        now += 3;
        assertFalse(slice.used());
        now += 19;
        assertFalse(slice.used());
        now += 1;
        assertTrue(slice.used());
    }
}

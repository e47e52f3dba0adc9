package org.jodide.ui.frame;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

/**
 * Runs something once the current task is done (a microtask): after every message of a batch
 * ({@code message-batches.js}) has been handled, before the next message gets in. In the frame
 * and in the Python worker alike.
 */
public final class TaskEnd {
    private TaskEnd() {
    }

    @JSFunctor
    interface Task extends JSObject {
        void run();
    }

    public static void then(Runnable task) {
        queue(task::run);
    }

    @JSBody(params = "task", script = "queueMicrotask(task);")
    private static native void queue(Task task);
}

package org.jodide.ui.frame.worker;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

/**
 * The eval frame's handle on one Python worker and the shared memory it gives it, over
 * python-worker-support.js (which evalframe.html puts in {@code window.jodidePythonWorker}).
 * Frame side only.
 */
final class WorkerHost {
    private final JSObject worker;
    private final JSObject interruptBuffer;
    private final JSObject inputBuffer;

    @JSFunctor
    interface MessageListener extends JSObject {
        void received(String wire);
    }

    @JSFunctor
    interface FailureListener extends JSObject {
        void failed(String reason);
    }

    private WorkerHost(JSObject worker, JSObject buffers) {
        this.worker = worker;
        this.interruptBuffer = interruptOf(buffers);
        this.inputBuffer = inputOf(buffers);
    }

    /** Starts a worker for the site at {@code siteUrl} (absolute, ending with '/'), with fresh shared buffers. */
    static WorkerHost start(String siteUrl, MessageListener messages, FailureListener failures) {
        JSObject worker = startWorker(siteUrl);
        listen(worker, messages, failures);
        return new WorkerHost(worker, createBuffers());
    }

    /** Ends the worker started before the frame's program loaded, if nobody adopted it. */
    @JSBody(script = "if (window.jodidePythonWorker) window.jodidePythonWorker.discardEarlyWorker();")
    static native void discardEarly();

    /** Whether this page can share memory with a worker (cross-origin isolated, with SharedArrayBuffer). */
    @JSBody(script = "return !!(window.jodidePythonWorker && window.jodidePythonWorker.isIsolated());")
    static native boolean available();

    /** Sends the first message, with the shared buffers beside it. */
    void postWithBuffers(String wire) {
        postWithBuffers(worker, wire, interruptBuffer, inputBuffer);
    }

    void post(String wire) {
        post(worker, wire);
    }

    /** Posts {@code bytes} (an {@code ArrayBuffer}, copied) as {@code name}, after what waits: the message naming them comes next. */
    void postBytes(String name, JSObject bytes) {
        postBytes(worker, name, bytes);
    }

    void requestInterrupt() {
        call("requestInterrupt", interruptBuffer);
    }

    /** Asks the running Python to send what it printed, unless a signal waits in the slot already. */
    void requestOutputFlush() {
        call("requestOutputFlush", interruptBuffer);
    }

    boolean interruptPending() {
        return pending(interruptBuffer);
    }

    /** Whether Python raised KeyboardInterrupt for this run's interrupt (its SIGINT handler ran). */
    boolean interruptDelivered() {
        return delivered(interruptBuffer);
    }

    /** Runs with ids up to {@code runId} that the worker has not started are not to start (it answers Skipped). */
    void dropRunsUpTo(int runId) {
        dropUpTo(interruptBuffer, runId);
    }

    void clearInterrupt() {
        call("clearInterrupt", interruptBuffer);
    }

    /** Wakes the worker waiting in input() with {@code text}, or end of input when null. */
    void answer(String text) {
        writeAnswer(inputBuffer, text);
    }

    void terminate() {
        terminate(worker);
    }

    @JSBody(params = "siteUrl", script = "return window.jodidePythonWorker.startPythonWorker(siteUrl);")
    private static native JSObject startWorker(String siteUrl);

    @JSBody(script = "return window.jodidePythonWorker.createSharedBuffers();")
    private static native JSObject createBuffers();

    @JSBody(params = "buffers", script = "return buffers.interrupt;")
    private static native JSObject interruptOf(JSObject buffers);

    @JSBody(params = "buffers", script = "return buffers.input;")
    private static native JSObject inputOf(JSObject buffers);

    @JSBody(params = {"worker", "messages", "failures"},
            script = "window.jodidePythonWorker.listenToWorker(worker, messages, failures);")
    private static native void listen(JSObject worker, MessageListener messages, FailureListener failures);

    @JSBody(params = {"worker", "wire", "interrupt", "input"},
            script = "window.jodidePythonWorker.postToWorkerWithBuffers(worker, wire, interrupt, input);")
    private static native void postWithBuffers(JSObject worker, String wire, JSObject interrupt, JSObject input);

    /** Posts with the other messages of this task, as one (message-batches.js). */
    @JSBody(params = {"worker", "wire"}, script = "window.jodidePythonWorker.postToWorker(worker, wire);")
    private static native void post(JSObject worker, String wire);

    @JSBody(params = {"worker", "name", "bytes"}, script = "window.jodidePythonWorker.postBytesToWorker(worker, name, bytes);")
    private static native void postBytes(JSObject worker, String name, JSObject bytes);

    @JSBody(params = {"name", "buffer"}, script = "window.jodidePythonWorker[name](buffer);")
    private static native void call(String name, JSObject buffer);

    @JSBody(params = "buffer", script = "return window.jodidePythonWorker.interruptPending(buffer);")
    private static native boolean pending(JSObject buffer);

    @JSBody(params = "buffer", script = "return window.jodidePythonWorker.interruptDelivered(buffer);")
    private static native boolean delivered(JSObject buffer);

    @JSBody(params = {"buffer", "text"}, script = "window.jodidePythonWorker.writeAnswer(buffer, text);")
    private static native void writeAnswer(JSObject buffer, String text);

    @JSBody(params = {"buffer", "runId"}, script = "window.jodidePythonWorker.dropRunsUpTo(buffer, runId);")
    private static native void dropUpTo(JSObject buffer, int runId);

    @JSBody(params = "worker", script = "worker.terminate();")
    private static native void terminate(JSObject worker);
}

package org.jodide.ui.frame.worker;

import org.jodide.pyodide.LineReader;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

/**
 * The Python worker's view of its own global scope: messages to and from the eval frame, timers,
 * and the blocking read of python-worker-support.js (which the boot script put in
 * {@code self.jodideWorkerSupport}). Worker side only.
 */
final class WorkerScope {
    private WorkerScope() {
    }

    /** Hears one message of the frame: its wire text and, with the first one, the shared buffers (else null). */
    @JSFunctor
    interface Receiver extends JSObject {
        void received(String wire, JSObject interruptBuffer, JSObject inputBuffer);
    }

    /** Something the worker does when asked, e.g. tell the frame it waits for input. */
    @JSFunctor
    interface Action extends JSObject {
        void run();
    }

    /** Listens to the frame's Jodide messages, first handing over the messages the boot script held while this program loaded. */
    @JSBody(params = "receiver", script = "self.jodideWorkerSupport.listenToFrame(receiver, self);")
    static native void listen(Receiver receiver);

    /** The bytes the frame sent as {@code name} (an {@code ArrayBuffer}), forgotten here; null if none came (message-bytes.js). */
    @JSBody(params = "name", script = "return self.jodideWorkerSupport.takeBytes(name);")
    static native JSObject takeBytes(String name);

    /** Posts to the frame with the other messages of this task, as one (message-batches.js). */
    @JSBody(params = "wire", script = "self.jodideWorkerSupport.postToFrame(wire, self);")
    static native void post(String wire);

    @JSBody(params = {"delayMs", "task"}, script = "setTimeout(task, delayMs);")
    static native void schedule(int delayMs, Action task);

    @JSBody(script = "return performance.now();")
    static native double now();

    /** A {@link LineReader} that blocks on {@code input} until the frame answers (see python-worker-support.js readLine). */
    static LineReader lineReader(JSObject input, JSObject interrupt, InputAsker asker) {
        return (prompt, password) -> readLine(input, interrupt, () -> asker.ask(prompt, password));
    }

    /** Tells the frame that the run waits for a line. */
    interface InputAsker {
        void ask(String prompt, boolean password);
    }

    @JSBody(params = {"input", "interrupt", "ask"},
            script = "return self.jodideWorkerSupport.readLine(input, interrupt, ask);")
    private static native JSObject readLine(JSObject input, JSObject interrupt, Action ask);

    /** The highest run id the frame dropped before it started (python-worker-support.js droppedUpTo). */
    @JSBody(params = "interrupt", script = "return self.jodideWorkerSupport.droppedUpTo(interrupt);")
    static native int droppedUpTo(JSObject interrupt);

    /** The slot of the interrupt buffer Pyodide polls. */
    @JSBody(params = "interrupt", script = "return self.jodideWorkerSupport.signalSlot(interrupt);")
    static native JSObject signalSlot(JSObject interrupt);

    /** A JS function for the SIGINT handler: marks the interrupt delivered, true only the first time in a run. */
    @JSBody(params = "interrupt", script = "return function() { return self.jodideWorkerSupport.firstDelivery(interrupt); };")
    static native JSObject firstDelivery(JSObject interrupt);

    /** A JS function for the kernel's time.sleep: waits at most its argument in ms for a signal, returns it or 0. */
    @JSBody(params = "interrupt",
            script = "return function(ms) { return self.jodideWorkerSupport.waitForSignal(interrupt, ms); };")
    static native JSObject signalWaiter(JSObject interrupt);

    /** {@code action} as a plain JS function of no argument, for Python to call. */
    @JSBody(params = "action", script = "return function() { action(); };")
    static native JSObject function(Action action);

    /** Posts the messages waiting for the end of this task now (python-worker-support.js flushToFrame). */
    @JSBody(script = "self.jodideWorkerSupport.flushToFrame();")
    static native void flushToFrame();

    @JSBody(params = "text", script = "console.error(text);")
    static native void consoleError(String text);
}

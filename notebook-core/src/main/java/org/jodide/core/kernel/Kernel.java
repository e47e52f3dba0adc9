package org.jodide.core.kernel;

import org.jodide.core.Language;
import org.jodide.core.protocol.FrameToEditor;

import java.util.List;
import java.util.function.Consumer;

/**
 * What the UI knows of the place notebook code runs. The browser implementation lives in the
 * sandboxed eval frame; the UI never sees Pyodide itself. The UI's run queue decides the order of
 * runs; the kernel runs what it is sent one at a time, in the order sent, so that the queue may send
 * code chunks without waiting for the ones before them (Run All of many small chunks would otherwise
 * be a round trip per chunk).
 */
public interface Kernel {
    /**
     * Runs code after every run sent before it; {@code listener.finished} is called exactly once,
     * or {@code listener.skipped} instead when an earlier run of the request's failure group failed
     * or {@link #dropQueued} dropped it.
     */
    void execute(ExecuteRequest request, ExecutionListener listener);

    /** Drops the runs waiting behind the one in progress (each hears {@code skipped}); that one goes on. */
    void dropQueued();

    /**
     * Throws away the running interpreter and everything queued, and starts a fresh one. Runs
     * in flight finish with an error saying so.
     */
    void restart();

    /** {@link #restart()}, finishing the runs in flight with {@code stoppedBecause} as their error. */
    void restart(String stoppedBecause);

    KernelState state();

    /** Whether any run (code, fetch, plugin) is in flight. */
    boolean isRunning();

    /** Whether Stop interrupts the running code keeping the kernel's state (else it must restart). */
    boolean stopKeepsState();

    /** Why Stop restarts instead of interrupting ("" when it interrupts). */
    String stopNote();

    /**
     * Asks the kernel to stop the running code (a KeyboardInterrupt, only when
     * {@link #stopKeepsState()}). When it does not stop within {@code watchdogMs} (a JavaScript
     * loop blocks the frame), the kernel is restarted and {@code restarted} is called.
     */
    void interrupt(int watchdogMs, Runnable restarted);

    /** Called with every state change and its human-readable detail. */
    void onStateChange(StateListener listener);

    /**
     * Names completing {@code token} in the live kernel (e.g. "os.path" for "os.pa"); {@code names}
     * gets them, or an empty list when the kernel does not answer within {@code timeoutMs} ms.
     */
    void complete(Language language, String token, int timeoutMs, Consumer<List<String>> names);

    /**
     * Help on the name at the cursor of a chunk, whose code is {@code before} and {@code after} the
     * cursor (Jupyter's inspection: signature, type, value, docstring); {@code text} gets it, or ""
     * when the kernel has none or does not answer within {@code timeoutMs} ms.
     */
    void inspect(Language language, String before, String after, int timeoutMs, Consumer<String> text);

    /** Called with the user's variables once runs pause, while the workspace pane is on screen. */
    void onWorkspace(Consumer<List<FrameToEditor.Variable>> listener);

    /**
     * Whether the workspace pane is on screen. Listing the variables previews every global, so a
     * kernel lists them only while it is, and at once when it shows again after runs changed them.
     * A kernel takes it as not shown until told.
     */
    void workspaceOnScreen(boolean onScreen);

    /**
     * The kernel the notebook's Python runs in when it is not this one (RoutedKernel tells its local
     * kernel when Python moves; null: in this kernel again): the browser's kernel then sends a js
     * chunk's reads of Python's variables there ({@link #readPythonGlobal}). Nothing by default.
     */
    default void pythonRunsIn(Kernel python) {
    }

    /**
     * A copy of the Python global {@code name} for a js chunk ({@code jodide.python.get}), as JSON
     * text in the encoding of {@code static/src/main/js/jupyter/global-value.js}; or why there is
     * none. A kernel that runs Python elsewhere than the browser answers it; by default it fails.
     */
    default void readPythonGlobal(String name, GlobalCopyListener listener) {
        listener.failed("This kernel cannot read Python's variables.");
    }

    interface GlobalCopyListener {
        /** The copy, as JSON text ({@code {"value": ...}}). */
        void copied(String json);

        /** Why there is no copy (no such global, a value without one, the connection). */
        void failed(String why);
    }

    /** Called as a (re)starting kernel downloads its files. */
    void onLoadProgress(LoadProgressListener listener);

    interface StateListener {
        void changed(KernelState state, String detail);
    }

    interface LoadProgressListener {
        /** Bytes received and expected in all (0 when not known yet). */
        void downloaded(int loadedBytes, int totalBytes);
    }
}

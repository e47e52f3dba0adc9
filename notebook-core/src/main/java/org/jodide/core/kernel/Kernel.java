package org.jodide.core.kernel;

/**
 * What the UI knows of the place notebook code runs. The browser implementation lives in the
 * sandboxed eval frame; the UI never sees Pyodide itself.
 */
public interface Kernel {
    /** Queues a run; runs happen one at a time, in the order they were queued, across languages. */
    void execute(ExecuteRequest request, ExecutionListener listener);

    /**
     * Throws away the running interpreter and everything queued, and starts a fresh one. Runs
     * in flight finish with an error saying so.
     */
    void restart();

    KernelState state();

    /** Called with every state change and its human-readable detail. */
    void onStateChange(StateListener listener);

    interface StateListener {
        void changed(KernelState state, String detail);
    }
}

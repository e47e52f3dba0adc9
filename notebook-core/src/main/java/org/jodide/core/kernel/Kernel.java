package org.jodide.core.kernel;

import java.util.function.Consumer;

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

    /** Convenience for tests and simple callers. */
    static ExecutionListener onFinish(Consumer<String> valueOrError) {
        return new ExecutionListener() {
            @Override
            public void output(OutputStream stream, String text) {
            }

            @Override
            public void display(String mimeType, String data) {
            }

            @Override
            public void finished(String value, String error) {
                valueOrError.accept(error != null ? error : value);
            }
        };
    }
}

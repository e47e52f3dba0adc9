package org.jodide.core.kernel;

/**
 * Calls an action once, the first time the kernel has settled: it has loaded ({@link KernelState#IDLE}
 * or {@link KernelState#BUSY}, which it reaches only once loaded) or could not load
 * ({@link KernelState#FAILED}). For work a page's start should not compete with, such as the
 * service worker's install, which downloads and compiles the whole app again on a first visit.
 *
 * <pre>{@code
 * KernelSettled.whenSettled(kernel, OfflineCopy::register);   // now, if it has settled already
 * }</pre>
 */
public final class KernelSettled implements Kernel.StateListener {
    private final Runnable action;
    private boolean done;

    KernelSettled(Runnable action) {
        this.action = action;
    }

    /** Calls {@code action} once {@code kernel} has settled: at once when it has, else on the state change that settles it. */
    public static void whenSettled(Kernel kernel, Runnable action) {
        KernelSettled settled = new KernelSettled(action);
        kernel.onStateChange(settled);
        settled.changed(kernel.state(), "");
    }

    @Override
    public void changed(KernelState state, String detail) {
        if (!done && state != KernelState.LOADING) {
            done = true;
            action.run();
        }
    }
}

package org.jodide.core.kernel;

import java.util.function.DoubleSupplier;

/**
 * Times a run where its code runs (the frame's thread, the Python worker): made when the kernel
 * begins to run the code, it tells its listener {@link ExecutionListener#timed} how long the run
 * took just before passing on {@code finished}. A run that never began (skipped) is not timed.
 *
 * <pre>{@code
 * runtime.run(code, sourceName, firstLine, new KernelTiming(listener, Clock::monotonicMillis));
 * // listener.timed(12.5); listener.finished("2", null)
 * }</pre>
 */
public final class KernelTiming extends ForwardingListener {
    private final DoubleSupplier monotonicMillis;
    private final double began;
    private boolean timed;

    /** @param monotonicMillis a clock in milliseconds that only goes forward ({@code performance.now()}) */
    public KernelTiming(ExecutionListener listener, DoubleSupplier monotonicMillis) {
        super(listener);
        this.monotonicMillis = monotonicMillis;
        this.began = monotonicMillis.getAsDouble();
    }

    /** A kernel further in that measured the run itself is believed; this one then says nothing more. */
    @Override
    public void timed(double milliseconds) {
        timed = true;
        super.timed(milliseconds);
    }

    @Override
    public void finished(String value, String error) {
        if (!timed) {
            timed = true;
            super.timed(Math.max(0, monotonicMillis.getAsDouble() - began));
        }
        super.finished(value, error);
    }

    /**
     * A run time as the protocol carries it ({@code kernelMillis} of the finish messages): whole
     * milliseconds, rounded (its JSON holds 32-bit integers only).
     */
    public static int wholeMillis(double milliseconds) {
        return (int) Math.round(milliseconds);
    }
}

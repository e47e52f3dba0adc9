package org.jodide.core.kernel;

import org.jodide.iomd.ipynb.CellOutput;

/**
 * When one run started and how long it took: the one timing its views (the console entry, the
 * output under the chunk) show and the outputs kept for Download .ipynb write. The page starts it
 * when the run begins there; the kernel tells how long the code ran ({@link #kernelTook}, from
 * {@code ExecutionListener.timed}), which is what it took; a kernel that does not measure leaves
 * the time the page waited, from the start to {@link #end}. Either way the run started that long
 * before it ended.
 *
 * <pre>{@code
 * RunTiming timing = RunTiming.startingNow(clock);
 * kernel.execute(request, timing.around(views));
 * // timing.kernelTook(4.2): the worker ran `6 * 7` in 4.2 ms
 * // timing.end(): the page heard the end, maybe seconds later (Python loaded meanwhile)
 * RunDuration.describe(timing.took());     // "4 ms"
 * timing.times();                          // RunTimes("…T10:12:03.116Z", "…T10:12:03.120Z")
 * }</pre>
 */
public final class RunTiming {
    /** The page's clocks. */
    public interface Clock {
        /** Milliseconds of a clock that only goes forward ({@code performance.now()}), for durations. */
        double monotonicMillis();

        /** Milliseconds since the Unix epoch ({@code Date.now()}). */
        double epochMillis();

        /** {@code epochMillis} as ISO 8601 text in UTC ({@code 2026-12-03T10:12:03.120Z}). */
        String iso(double epochMillis);
    }

    private final Clock clock;
    private final double startedMonotonic;
    private double kernelMillis = Double.NaN;
    private double tookMillis = Double.NaN;
    private double endedEpoch = Double.NaN;

    private RunTiming(Clock clock) {
        this.clock = clock;
        this.startedMonotonic = clock.monotonicMillis();
    }

    /** A run that begins now. */
    public static RunTiming startingNow(Clock clock) {
        return new RunTiming(clock);
    }

    /**
     * {@code listener}, with this timing hearing the run first: the kernel's measure
     * ({@code timed}) and its end ({@code finished}), so that whoever shows the end can show how
     * long it took. A skipped run never ran and is not timed.
     */
    public ExecutionListener around(ExecutionListener listener) {
        return new ForwardingListener(listener) {
            @Override
            public void timed(double milliseconds) {
                kernelTook(milliseconds);
                super.timed(milliseconds);
            }

            @Override
            public void finished(String value, String error) {
                end();
                super.finished(value, error);
            }
        };
    }

    /** The kernel ran the code in {@code milliseconds}, measured where it ran. */
    public void kernelTook(double milliseconds) {
        if (!hasEnded() && milliseconds >= 0) {
            kernelMillis = milliseconds;
        }
    }

    /** The page heard the run end now; later calls change nothing. */
    public void end() {
        if (hasEnded()) {
            return;
        }
        endedEpoch = clock.epochMillis();
        tookMillis = Double.isNaN(kernelMillis) ? Math.max(0, clock.monotonicMillis() - startedMonotonic) : kernelMillis;
    }

    public boolean hasEnded() {
        return !Double.isNaN(endedEpoch);
    }

    /** How long the run took in milliseconds; NaN until it ended. */
    public double took() {
        return tookMillis;
    }

    /** When the run started, in milliseconds since the Unix epoch ({@link #took} before its end); NaN until it ended. */
    public double startedEpochMillis() {
        return endedEpoch - tookMillis;
    }

    /** Whether {@link #took} is the kernel's own measure rather than the time the page waited. */
    public boolean measuredByKernel() {
        return !Double.isNaN(kernelMillis);
    }

    /** When the run started and ended, as a notebook keeps them; null until it ended. */
    public CellOutput.RunTimes times() {
        return hasEnded() ? new CellOutput.RunTimes(clock.iso(startedEpochMillis()), clock.iso(endedEpoch)) : null;
    }
}

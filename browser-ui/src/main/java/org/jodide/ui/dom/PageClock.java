package org.jodide.ui.dom;

import org.jodide.core.kernel.RunTiming;
import org.teavm.jso.JSBody;

/** The page's clocks, as a run's timing reads them ({@link LocalTimes}' monotonic and epoch clocks). */
public final class PageClock implements RunTiming.Clock {
    public static final PageClock INSTANCE = new PageClock();

    private PageClock() {
    }

    @Override
    public double monotonicMillis() {
        return LocalTimes.monotonic();
    }

    @Override
    public double epochMillis() {
        return LocalTimes.now();
    }

    @Override
    public String iso(double epochMillis) {
        return isoOf(epochMillis);
    }

    @JSBody(params = "epochMillis", script = "return new Date(epochMillis).toISOString();")
    private static native String isoOf(double epochMillis);
}

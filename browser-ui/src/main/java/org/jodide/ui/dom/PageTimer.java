package org.jodide.ui.dom;

import org.jodide.core.kernel.OutputBatcher;
import org.teavm.jso.browser.Window;

/** The page's time and timers ({@code performance.now()}, {@code setTimeout}) for the plain-Java timing of notebook-core. */
public final class PageTimer implements OutputBatcher.Timer {
    public static final PageTimer INSTANCE = new PageTimer();

    private PageTimer() {
    }

    @Override
    public double now() {
        return LocalTimes.monotonic();
    }

    @Override
    public void schedule(int delayMs, Runnable task) {
        Window.setTimeout(task::run, delayMs);
    }
}

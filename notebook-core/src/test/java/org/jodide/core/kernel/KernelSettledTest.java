package org.jodide.core.kernel;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class KernelSettledTest {
    private int calls;
    private final KernelSettled settled = new KernelSettled(() -> calls++);

    @Test
    void nothingHappensWhileTheKernelLoads() {
        settled.changed(KernelState.LOADING, "Downloading Python");
        settled.changed(KernelState.LOADING, "Starting Python");
        assertEquals(0, calls);
    }

    @Test
    void theFirstIdleCallsTheActionOnceThoughTheKernelRunsAndRestartsLater() {
        settled.changed(KernelState.LOADING, "");
        settled.changed(KernelState.IDLE, "");
        settled.changed(KernelState.BUSY, "");
        settled.changed(KernelState.LOADING, "restarting");
        settled.changed(KernelState.IDLE, "");
        assertEquals(1, calls);
    }

    @Test
    void aKernelThatCouldNotLoadHasSettledToo() {
        settled.changed(KernelState.FAILED, "Pyodide could not be downloaded");
        settled.changed(KernelState.IDLE, "");
        assertEquals(1, calls);
    }

    @Test
    void aRunStartedAsTheKernelBecameReadyCountsAsLoaded() {
        settled.changed(KernelState.BUSY, "");
        assertEquals(1, calls);
    }
}

package org.jodide.ui.frame.worker;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PythonPlacementTest {
    @Test
    void anIsolatedFrameRunsPythonInAWorkerByDefault() {
        assertEquals(PythonPlacement.WORKER, PythonPlacement.choose(null, true));
        assertEquals(PythonPlacement.WORKER, PythonPlacement.choose("worker", true));
        assertTrue(PythonPlacement.WORKER.keepsState());
        assertEquals("", PythonPlacement.WORKER.note());
    }

    @Test
    void pythonEqualsMainKeepsPythonOnTheFramesThreadEvenWhenIsolated() {
        assertEquals(PythonPlacement.MAIN_THREAD, PythonPlacement.choose("main", true));
        assertEquals(PythonPlacement.MAIN_THREAD, PythonPlacement.choose("main", false));
        assertFalse(PythonPlacement.MAIN_THREAD.keepsState());
        assertTrue(PythonPlacement.MAIN_THREAD.note().contains("python=main"), PythonPlacement.MAIN_THREAD.note());
    }

    @Test
    void withoutIsolationPythonFallsBackToTheMainThreadAndSaysWhy() {
        assertEquals(PythonPlacement.MAIN_THREAD_NOT_ISOLATED, PythonPlacement.choose(null, false));
        assertEquals(PythonPlacement.MAIN_THREAD_NOT_ISOLATED, PythonPlacement.choose("worker", false));
        assertFalse(PythonPlacement.MAIN_THREAD_NOT_ISOLATED.keepsState());
        assertTrue(PythonPlacement.MAIN_THREAD_NOT_ISOLATED.note().contains("Cross-Origin-Embedder-Policy"));
    }

    @Test
    void pythonEqualsMicropythonRunsMicroPythonWhichStopRestarts() {
        assertEquals(PythonPlacement.MICROPYTHON, PythonPlacement.choose("micropython", true));
        assertEquals(PythonPlacement.MICROPYTHON, PythonPlacement.choose("micropython", false));
        assertFalse(PythonPlacement.MICROPYTHON.keepsState());
        assertTrue(PythonPlacement.MICROPYTHON.note().contains("MicroPython"), PythonPlacement.MICROPYTHON.note());
    }
}

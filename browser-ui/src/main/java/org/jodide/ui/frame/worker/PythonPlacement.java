package org.jodide.ui.frame.worker;

/**
 * Where the eval frame runs Python, and so what Stop can do. A worker (Stop interrupts and keeps
 * the state) needs a cross-origin isolated frame; it is the default there. Python runs on the
 * frame's main thread, where Stop can only restart the kernel, when the frame is not isolated (a
 * host without COOP/COEP) or when the frame URL says {@code python=main} (js chunks that use the
 * {@code pyodide} global synchronously, as Iodide's did). {@code python=micropython} runs MicroPython
 * instead of Pyodide, on the frame's main thread. Plain Java, tested on the JVM.
 */
public enum PythonPlacement {
    WORKER(true, ""),
    MAIN_THREAD(false, "Python runs on the report's own thread (?python=main), so Stop restarts the kernel (its"
            + " variables are lost); open the page without python=main to run Python in a worker that Stop interrupts."),
    MAIN_THREAD_NOT_ISOLATED(false, "This page is not cross-origin isolated (its server does not send the"
            + " Cross-Origin-Opener-Policy and Cross-Origin-Embedder-Policy headers), so there is no"
            + " SharedArrayBuffer and Python runs on the report's own thread: Stop restarts the kernel (its variables are lost)."),
    MICROPYTHON(false, "MicroPython runs on the report's own thread and cannot be interrupted, so Stop restarts it"
            + " (its variables are lost; it starts again in a moment).");

    private final boolean keepsState;
    private final String note;

    PythonPlacement(boolean keepsState, String note) {
        this.keepsState = keepsState;
        this.note = note;
    }

    /**
     * @param requested the frame URL's {@code python} setting: "micropython" for MicroPython, "main"
     *                  for Pyodide on the frame's main thread; null, "worker" or anything else for
     *                  Pyodide in a worker where the frame is isolated
     * @param isolated  whether the frame is cross-origin isolated with SharedArrayBuffer
     */
    public static PythonPlacement choose(String requested, boolean isolated) {
        if ("micropython".equals(requested)) {
            return MICROPYTHON;
        }
        if ("main".equals(requested)) {
            return MAIN_THREAD;
        }
        return isolated ? WORKER : MAIN_THREAD_NOT_ISOLATED;
    }

    /** Whether Stop raises KeyboardInterrupt and keeps Python's variables. */
    public boolean keepsState() {
        return keepsState;
    }

    /** Why Stop restarts instead, for the user; "" when it keeps the state. */
    public String note() {
        return note;
    }
}

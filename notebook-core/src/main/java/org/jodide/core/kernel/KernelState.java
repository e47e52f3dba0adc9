package org.jodide.core.kernel;

/** Where the Python kernel in the eval frame is in its life. */
public enum KernelState {
    /** The eval frame or Pyodide is loading. */
    LOADING,
    /** Ready to run code. */
    IDLE,
    /** Running a chunk. */
    BUSY,
    /** Pyodide could not be loaded; the detail says why. */
    FAILED
}

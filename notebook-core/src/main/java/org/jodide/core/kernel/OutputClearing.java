package org.jodide.core.kernel;

/**
 * A run's {@code clear_output(wait)}, as Jupyter defines it: clears what the run has shown at once,
 * or ({@code wait}) just before it shows something next, so that a display redrawn in place (a
 * progress report, an animation) does not flicker. A wait with nothing after it clears nothing.
 * Used by the Jupyter client for a server's clearings and by the Python runtime for Pyodide's.
 *
 * <pre>{@code
 * OutputClearing clearing = new OutputClearing(listener);
 * clearing.clear(true);        // nothing yet
 * clearing.beforeOutput();     // listener.clearOutput(), then show the output
 * }</pre>
 */
public final class OutputClearing {
    private final ExecutionListener listener;
    private boolean beforeNextOutput;

    public OutputClearing(ExecutionListener listener) {
        this.listener = listener;
    }

    /** Clears at once, or ({@code wait}) at the next {@link #beforeOutput}. */
    public void clear(boolean wait) {
        beforeNextOutput = wait;
        if (!wait) {
            listener.clearOutput();
        }
    }

    /** Call before the run shows printed text or a display: clears first when a clearing waits. */
    public void beforeOutput() {
        if (beforeNextOutput) {
            beforeNextOutput = false;
            listener.clearOutput();
        }
    }
}

package org.jodide.core.kernel;

/** The stream a piece of printed output came from. */
public enum OutputStream {
    STDOUT,
    STDERR,
    /** Messages from the kernel itself about the run (package downloads), not from the code. */
    STATUS;

    /**
     * The stream a printed text's stream name gives, as Jupyter's stream messages and the frame's
     * console capture name them: {@code "stderr"} is {@link #STDERR}, any other name {@link #STDOUT}.
     */
    public static OutputStream ofStreamName(String name) {
        return "stderr".equals(name) ? STDERR : STDOUT;
    }
}

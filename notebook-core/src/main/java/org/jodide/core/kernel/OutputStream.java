package org.jodide.core.kernel;

/** The stream a piece of printed output came from. */
public enum OutputStream {
    STDOUT,
    STDERR,
    /** Messages from the kernel itself about the run (package downloads), not from the code. */
    STATUS
}

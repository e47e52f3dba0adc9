package org.jodide.core.kernel;

/** The stream a piece of printed output came from. */
public enum OutputStream {
    STDOUT,
    STDERR
}

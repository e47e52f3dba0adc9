package org.jodide.iomd;

/** How bad a {@link Diagnostic} is. */
public enum Severity {
    /** The notebook still loads, but probably not as its author meant. {@code jodide check} passes. */
    WARNING("warning"),
    /** Part of a chunk cannot be used (a fetch line, a plugin). {@code jodide check} fails. */
    ERROR("error");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    /** The lower-case word printed before a message: {@code error} or {@code warning}. */
    public String label() {
        return label;
    }
}

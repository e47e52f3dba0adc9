package org.jodide.iomd;

/**
 * A problem found in a notebook, with where it is.
 *
 * @param severity whether {@code jodide check} fails on it
 * @param code     which rule of the format was broken
 * @param message  one sentence for a person, without position
 * @param span     the offending text: 0-based UTF-16 offsets into the notebook, end exclusive
 * @param line     1-based line of {@code span.start()}, for display
 * @param column   1-based column of {@code span.start()}, in UTF-16 code units from the line start
 */
public record Diagnostic(Severity severity, DiagnosticCode code, String message, SourceSpan span, int line, int column) {
    public Diagnostic {
        if (severity == null || code == null || message == null || span == null) {
            throw new IllegalArgumentException("severity, code, message and span are required");
        }
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column are 1-based: " + line + ":" + column);
        }
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** This diagnostic as one line, compiler style: {@code file:line:col: error: message}. */
    public String format(String fileName) {
        return fileName + ":" + line + ":" + column + ": " + severity.label() + ": " + message;
    }

    @Override
    public String toString() {
        return line + ":" + column + ": " + severity.label() + ": " + message;
    }
}

package org.jodide.iomd.ipynb;

/**
 * Text that could not be opened as a Jupyter notebook: the message names what was wrong and, in
 * {@link #line()} and {@link #column()} (1-based), where in the .ipynb it was found.
 */
public final class IpynbException extends Exception {
    private final String problem;
    private final int line;
    private final int column;

    IpynbException(String problem, String text, int offset) {
        this(problem, lineOf(text, offset), columnOf(text, offset));
    }

    private IpynbException(String problem, int line, int column) {
        super("line " + line + ", column " + column + ": " + problem);
        this.problem = problem;
        this.line = line;
        this.column = column;
    }

    /** What was wrong, without where. */
    public String problem() {
        return problem;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < Math.min(offset, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static int columnOf(String text, int offset) {
        int end = Math.min(offset, text.length());
        int lineStart = text.lastIndexOf('\n', end - 1) + 1;
        return end - lineStart + 1;
    }
}

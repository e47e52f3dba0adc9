package org.jodide.iomd.ipynb;

/**
 * A file of a format opened converted ({@link ImportFormat}) that holds no notebook that can be
 * read. The message says why and where, in words that follow "Could not open NAME: "
 * ("not a Jupyter notebook that can be read: line 3, column 44: …"); {@link #reason()} says why
 * without where, and {@link #line()} and {@link #column()} (1-based; 0 when the reason is about the
 * whole file) where, as a command's "NAME:3:44: " does.
 */
public final class NotConvertible extends Exception {
    private final String reason;
    private final int line;
    private final int column;

    NotConvertible(String reason) {
        super(reason);
        this.reason = reason;
        this.line = 0;
        this.column = 0;
    }

    /** {@code what} is wrong ("not a Jupyter notebook that can be read"), then the cause's problem, and where. */
    NotConvertible(String what, IpynbException cause) {
        super(what + ": " + cause.getMessage(), cause);
        this.reason = what + ": " + cause.problem();
        this.line = cause.line();
        this.column = cause.column();
    }

    /** Why the file holds no notebook that can be read, without where. */
    public String reason() {
        return reason;
    }

    /** The line of the problem, 1-based; 0 when it is about the whole file. */
    public int line() {
        return line;
    }

    /** The column of the problem, 1-based; 0 when it is about the whole file. */
    public int column() {
        return column;
    }
}

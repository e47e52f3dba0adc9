package org.jodide.core.output;

/**
 * {@code ESC [ n K}: erases part of the line being written, the cursor staying where it is
 * ({@link TerminalLine}). Progress printers send {@code "\r\u001b[K"} so that a shorter state
 * leaves nothing of a longer one behind.
 *
 * @param mode 0: from the cursor to the line's end; 1: from its start to the cursor (included);
 *             2: the whole line
 */
public record EraseInLine(int mode) implements Printed {
    public static final int TO_END = 0;
    public static final int TO_CURSOR = 1;
    public static final int WHOLE_LINE = 2;
}

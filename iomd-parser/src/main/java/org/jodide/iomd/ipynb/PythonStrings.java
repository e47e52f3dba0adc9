package org.jodide.iomd.ipynb;

/**
 * Reads Python source line by line and tells whether the next line starts inside a triple-quoted
 * string, as Jupytext's {@code StringParser} does: a line that is a comment is skipped, a quote
 * after a backslash does not count, and a single-quoted string ends with its line. Enough to keep
 * cell markers and magics inside a docstring from being read as such; not a tokenizer.
 */
final class PythonStrings {
    /** The quote character of the triple-quoted string the next line starts in, or 0. */
    private char triple;

    boolean inString() {
        return triple != 0;
    }

    void read(String line) {
        if (triple == 0 && line.stripLeading().startsWith("#")) {
            return;
        }
        char single = 0;
        int tripleEnd = -1;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (single == 0 && triple == 0 && c == '#') {
                break;
            }
            if ((c != '"' && c != '\'') || (i > 0 && line.charAt(i - 1) == '\\')) {
                continue;
            }
            if (single == c) {
                single = 0;
                continue;
            }
            if (single != 0) {
                continue;
            }
            if (i >= 2 && line.charAt(i - 1) == c && line.charAt(i - 2) == c && i >= tripleEnd + 3) {
                if (triple == c) {
                    triple = 0;
                    tripleEnd = i;
                } else if (triple == 0) {
                    triple = c;
                    tripleEnd = i;
                }
                continue;
            }
            if (triple != 0) {
                continue;
            }
            single = c;
        }
    }
}

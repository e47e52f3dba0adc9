package org.jodide.iomd.internal;

import org.jodide.iomd.DiagnosticCode;
import org.jodide.iomd.NotebookPython;

/**
 * The settings a preamble holds (docs/iomd.md, section 7): a line that is {@code python:} and one
 * word, at the start of the line, names the notebook's Python. The first such line counts; every
 * other line of the preamble is free text. A word that names no Python is a warning.
 */
final class PreambleSettings {
    private static final String PYTHON_KEY = "python:";

    private PreambleSettings() {
    }

    /** The Python that the preamble {@code text[from, to)} names, or null; unknown words go to {@code sink}. */
    static NotebookPython python(String text, int from, int to, DiagnosticSink sink) {
        for (int line = from; line < to; line = Lines.nextLineStart(text, Lines.lineEnd(text, line, to), to)) {
            int end = Lines.lineEnd(text, line, to);
            if (end - line <= PYTHON_KEY.length()
                    || !text.regionMatches(true, line, PYTHON_KEY, 0, PYTHON_KEY.length())) {
                continue;
            }
            String value = text.substring(line + PYTHON_KEY.length(), end).strip();
            if (value.isEmpty() || value.chars().anyMatch(Character::isWhitespace)) {
                continue;  // free text that happens to start with "python:"
            }
            NotebookPython python = NotebookPython.of(value).orElse(null);
            if (python != null) {
                return python;
            }
            int valueStart = text.indexOf(value, line + PYTHON_KEY.length());
            sink.report(DiagnosticCode.UNKNOWN_PYTHON, "unknown Python " + Quote.of(value) + ": write python: "
                            + NotebookPython.PYODIDE.keyword() + " or python: " + NotebookPython.MICROPYTHON.keyword()
                            + " (the notebook runs with the reader's choice)",
                    valueStart, valueStart + value.length());
            return null;
        }
        return null;
    }
}

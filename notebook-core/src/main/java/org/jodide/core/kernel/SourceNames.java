package org.jodide.core.kernel;

import org.jodide.core.Language;

/**
 * The names tracebacks and JavaScript stacks give the code of a run: where it is in the
 * notebook, in the user's words ({@code py chunk at line 12}), not an internal chunk id. The
 * line numbers inside stay notebook lines; the name says which chunk they belong to.
 */
public final class SourceNames {
    private SourceNames() {
    }

    /**
     * @param firstLine 0-based notebook line of the code's first line: the chunk's delimiter is
     *                  the line before, which is line {@code firstLine} counting from 1. Code that
     *                  starts on line 0 has no delimiter: it was typed in the console.
     */
    public static String of(Language language, int firstLine) {
        return of(language.id(), firstLine);
    }

    /** {@link #of(Language, int)} for any language id, plugin languages included. */
    public static String of(String languageId, int firstLine) {
        return firstLine > 0 ? languageId + " chunk at line " + firstLine : languageId + " console input";
    }

    /**
     * The name of an embedded cell's code: {@code py cell 3} for the third cell of its page (numbered
     * from 1, as a reader counts them). Its line numbers are the cell's own.
     */
    public static String ofCell(String languageId, int cellNumber) {
        return languageId + " cell " + cellNumber;
    }

    /** The number of the cell {@code name} names ({@link #ofCell}: 3 for {@code py cell 3}), or 0 when it names no cell. */
    public static int cellNumber(String name) {
        int at = name.indexOf(" cell ");
        if (at <= 0) {
            return 0;
        }
        String digits = name.substring(at + " cell ".length());
        if (digits.isEmpty() || digits.length() > 9 || !digits.chars().allMatch(Character::isDigit)) {
            return 0;
        }
        return Integer.parseInt(digits);
    }

    /** Whether {@code name} is the name of a run's code ({@link #of}, {@link #ofCell}) rather than a language's or nothing. */
    public static boolean namesARun(String name) {
        return name.contains(" chunk at line ") || name.endsWith(" console input") || cellNumber(name) > 0;
    }

    /** {@link #of} as a script URL, for JavaScript's {@code //# sourceURL=} (which ends at a space). */
    public static String asUrl(String name) {
        return name.replace(' ', '-') + ".js";
    }
}

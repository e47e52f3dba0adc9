package org.jodide.core.kernel;

import org.jodide.iomd.Chunk;
import org.jodide.iomd.ChunkType;
import org.jodide.iomd.Notebook;

import java.util.Optional;
import java.util.Set;

/**
 * Where a notebook's js chunks reach Python synchronously through the {@code pyodide} global, as
 * Iodide's notebooks did: {@code pyodide.pyimport("x")}, {@code pyodide.globals.get("x")},
 * {@code pyodide.runPython(...)}, {@code pyodide.toPy(...)}. Python in a worker cannot answer
 * those (docs/interop.md), so the editor opens such a notebook with Python on the report's own
 * thread. {@code pyodide.loadPackage} is not among them: it is a promise, which worker mode keeps.
 * The text is searched, not parsed: a call in a comment counts too, which costs only Stop's
 * interrupt.
 */
public final class SynchronousPyodideUse {
    /** The members of the {@code pyodide} global a js chunk cannot use when Python runs in a worker. */
    static final Set<String> SYNCHRONOUS = Set.of("globals", "pyimport", "runPython", "runPythonAsync", "toPy");
    private static final String GLOBAL = "pyodide";

    /**
     * @param line 1-based notebook line of the first such call
     * @param call what it calls, {@code pyodide.pyimport}
     */
    public record Use(int line, String call) {
    }

    private SynchronousPyodideUse() {
    }

    /** The first js chunk's first synchronous use of the {@code pyodide} global; empty when there is none. */
    public static Optional<Use> firstIn(Notebook notebook) {
        for (Chunk chunk : notebook.chunks()) {
            if (chunk.type() != ChunkType.JS) {
                continue;
            }
            String code = chunk.content();
            for (int at = code.indexOf(GLOBAL); at >= 0; at = code.indexOf(GLOBAL, at + GLOBAL.length())) {
                String member = memberAfter(code, at);
                if (member != null) {
                    return Optional.of(new Use(chunk.bodyLine() + 1 + linesBefore(code, at), GLOBAL + "." + member));
                }
            }
        }
        return Optional.empty();
    }

    /** The synchronous member named after {@code pyodide} at {@code at} ({@code pyodide . pyimport}), or null. */
    private static String memberAfter(String code, int at) {
        if (at > 0 && isNamePart(code.charAt(at - 1))) {
            return null; // micropyodide, _pyodide
        }
        int next = skipSpaces(code, at + GLOBAL.length());
        if (next >= code.length() || code.charAt(next) != '.') {
            return null;
        }
        int start = skipSpaces(code, next + 1);
        int end = start;
        while (end < code.length() && isNamePart(code.charAt(end))) {
            end++;
        }
        String member = code.substring(start, end);
        return SYNCHRONOUS.contains(member) ? member : null;
    }

    private static int skipSpaces(String code, int from) {
        int at = from;
        while (at < code.length() && Character.isWhitespace(code.charAt(at))) {
            at++;
        }
        return at;
    }

    private static boolean isNamePart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    private static int linesBefore(String code, int at) {
        int lines = 0;
        for (int i = 0; i < at; i++) {
            if (code.charAt(i) == '\n') {
                lines++;
            }
        }
        return lines;
    }
}

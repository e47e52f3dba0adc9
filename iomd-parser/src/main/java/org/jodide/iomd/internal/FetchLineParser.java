package org.jodide.iomd.internal;

import org.jodide.iomd.DiagnosticCode;
import org.jodide.iomd.FetchKind;
import org.jodide.iomd.FetchLine;
import org.jodide.iomd.SourceSpan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the body of a fetch chunk, line by line. spec: a line is {@code TYPE: URL} for js, css,
 * plugin and wheel, or {@code TYPE: NAME = URL} for text, json, arrayBuffer, blob and bytes; blank lines and
 * lines starting with {@code //} are ignored; a blank followed by {@code //} starts a trailing
 * comment. A bad line gets one diagnostic and the other lines still count.
 */
final class FetchLineParser {
    private static final List<FetchLine> NONE = List.of();
    private static final String TYPES = "js, css, plugin, wheel, text, json, arrayBuffer, blob or bytes";

    private FetchLineParser() {
    }

    /** The valid lines of {@code text[bodyFrom, to)}, with spans relative to {@code chunkFrom}. */
    static List<FetchLine> parse(String text, int chunkFrom, int bodyFrom, int to, DiagnosticSink sink) {
        FetchLine first = null;
        List<FetchLine> more = null;
        int pos = bodyFrom;
        while (pos < to) {
            int lineEnd = Lines.lineEnd(text, pos, to);
            FetchLine line = parseLine(text, chunkFrom, pos, lineEnd, sink);
            if (line != null) {
                if (first == null) {
                    first = line;
                } else {
                    if (more == null) {
                        more = new ArrayList<>();
                        more.add(first);
                    }
                    more.add(line);
                }
            }
            pos = Lines.nextLineStart(text, lineEnd, to);
        }
        return more != null ? List.copyOf(more) : first != null ? List.of(first) : NONE;
    }

    private static FetchLine parseLine(String s, int chunkFrom, int lineStart, int lineEnd, DiagnosticSink sink) {
        int p = skipBlanks(s, lineStart, lineEnd);
        if (p == lineEnd || s.startsWith("//", p)) {
            return null; // spec: blank lines and whole-line // comments are ignored
        }
        int comment = commentStart(s, p, lineEnd);
        int end = comment;
        while (end > p && Lines.isBlank(s.charAt(end - 1))) {
            end--;
        }
        int colon = indexOf(s, ':', p, end);
        if (colon < 0 || colon == p || s.startsWith("//", colon + 1)) {
            sink.report(DiagnosticCode.FETCH_MISSING_TYPE,
                    "missing fetch type: write TYPE: URL, where TYPE is " + TYPES, p, end);
            return null;
        }
        int typeEnd = colon;
        while (typeEnd > p && Lines.isBlank(s.charAt(typeEnd - 1))) {
            typeEnd--;
        }
        FetchKind kind = Keywords.fetchKind(s, p, typeEnd);
        if (kind == null) {
            sink.report(DiagnosticCode.FETCH_UNKNOWN_TYPE,
                    "unknown fetch type " + Quote.of(s.substring(p, typeEnd)) + " (use " + TYPES + ")", p, typeEnd);
            return null;
        }
        int rest = skipBlanks(s, colon + 1, end);
        Optional<String> variable = Optional.empty();
        int urlStart = rest;
        if (kind.assignsVariable()) {
            int eq = indexOf(s, '=', rest, end);
            if (eq < 0) {
                sink.report(DiagnosticCode.FETCH_BAD_VARIABLE_NAME, "missing variable name: write "
                        + kind.keyword() + ": NAME = URL", rest, end);
                return null;
            }
            int nameEnd = eq;
            while (nameEnd > rest && Lines.isBlank(s.charAt(nameEnd - 1))) {
                nameEnd--;
            }
            String name = s.substring(rest, nameEnd);
            String problem = variableProblem(name);
            if (problem != null) {
                sink.report(DiagnosticCode.FETCH_BAD_VARIABLE_NAME, problem, rest, Math.max(nameEnd, eq));
                return null;
            }
            variable = Optional.of(name);
            urlStart = skipBlanks(s, eq + 1, end);
        }
        String url = s.substring(urlStart, end);
        String problem = UrlSyntax.problem(url);
        if (url.isEmpty() && comment < lineEnd) {
            problem = "missing URL (a blank followed by // starts a comment: write //host URLs with their scheme)";
        }
        if (problem != null) {
            sink.report(DiagnosticCode.FETCH_BAD_URL, problem, urlStart, end);
            return null;
        }
        return new FetchLine(kind, variable, url, new SourceSpan(p - chunkFrom, end - chunkFrom),
                new SourceSpan(urlStart - chunkFrom, end - chunkFrom));
    }

    private static String variableProblem(String name) {
        if (name.isEmpty()) {
            return "missing variable name before '='";
        }
        if (!Identifiers.isIdentifier(name)) {
            return "bad variable name " + Quote.of(name) + ": use letters, digits, _ and $, not starting with a digit";
        }
        if (Identifiers.isReserved(name)) {
            return "bad variable name " + Quote.of(name) + ": it is a reserved word";
        }
        return null;
    }

    /** spec: a trailing comment starts at a blank followed by {@code //}. */
    private static int commentStart(String s, int from, int to) {
        for (int i = from; i + 2 < to; i++) {
            if (Lines.isBlank(s.charAt(i)) && s.charAt(i + 1) == '/' && s.charAt(i + 2) == '/') {
                return i;
            }
        }
        return to;
    }

    private static int skipBlanks(String s, int from, int to) {
        while (from < to && Lines.isBlank(s.charAt(from))) {
            from++;
        }
        return from;
    }

    private static int indexOf(String s, char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }
}

package org.jodide.iomd.property;

import org.jodide.iomd.Chunk;
import org.jodide.iomd.ChunkType;
import org.jodide.iomd.Diagnostic;
import org.jodide.iomd.FetchLine;
import org.jodide.iomd.Notebook;
import org.jodide.iomd.SourceSpan;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every parse of every text must satisfy, checked against the text itself. */
public final class Invariants {
    private Invariants() {
    }

    public static void check(Notebook notebook, String text) {
        assertEquals(text, notebook.text(), "text");
        assertEquals(text, notebook.serialize(), "serialize");
        assertEquals(text.length(), notebook.length(), "length");
        int expectedStart = 0;
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < notebook.chunks().size(); i++) {
            Chunk chunk = notebook.chunks().get(i);
            SourceSpan span = chunk.span();
            assertEquals(expectedStart, span.start(), "chunks cover the text without gaps");
            assertFalse(span.isEmpty(), "no chunk is empty");
            assertTrue(ids.add(chunk.id()), "ids are unique: " + chunk.id());
            assertEquals(text.substring(span.start(), span.end()), chunk.source(), "source");
            SourceSpan body = chunk.bodySpan();
            assertEquals(span.end(), body.end(), "body ends with the chunk");
            assertEquals(text.substring(body.start(), body.end()), chunk.body(), "body");
            assertEquals(chunk.delimiterSpan().end(), body.start(), "delimiter span ends where the body starts");
            assertEquals(breaks(text, 0, span.start()), chunk.line(), "line of " + chunk);
            assertEquals(breaks(text, 0, body.start()), chunk.bodyLine(), "body line of " + chunk);
            boolean lineStart = span.start() == 0 || isBreak(text.charAt(span.start() - 1));
            assertTrue(lineStart, "chunks start at line starts");
            if (chunk.type() == ChunkType.PREAMBLE) {
                assertEquals(0, i, "only the first chunk can be the preamble");
                assertFalse(text.startsWith("%%"), "no preamble when the text starts with a delimiter");
            } else {
                assertTrue(text.startsWith("%%", span.start()), "a chunk starts with %%");
            }
            assertNoDelimiterInside(text, body);
            for (FetchLine line : chunk.fetchLines()) {
                assertTrue(line.span().start() >= body.start() && line.span().end() <= body.end(), "fetch line inside the body");
                assertEquals(line.url(), text.substring(line.urlSpan().start(), line.urlSpan().end()), "url span");
            }
            expectedStart = span.end();
        }
        assertEquals(text.length(), expectedStart, "the last chunk ends the text");
        for (Diagnostic d : notebook.diagnostics()) {
            assertTrue(d.span().end() <= text.length(), "diagnostic inside the text");
            assertEquals(breaks(text, 0, d.span().start()) + 1, d.line(), "diagnostic line");
            assertEquals(d.span().start() - lineStart(text, d.span().start()) + 1, d.column(), "diagnostic column");
        }
    }

    private static void assertNoDelimiterInside(String text, SourceSpan body) {
        for (int i = body.start(); i < body.end(); i++) {
            boolean atLineStart = i == 0 || (isBreak(text.charAt(i - 1)) && !(text.charAt(i - 1) == '\r' && text.charAt(i) == '\n'));
            if (atLineStart) {
                assertFalse(text.startsWith("%%", i) && i + 1 < body.end(), "no delimiter inside a body at " + i);
            }
        }
    }

    static int breaks(String text, int from, int to) {
        int count = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && !(i + 1 < text.length() && text.charAt(i + 1) == '\n'))) {
                count++;
            }
        }
        return count;
    }

    private static int lineStart(String text, int offset) {
        int i = offset;
        while (i > 0 && !isBreak(text.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    private static boolean isBreak(char c) {
        return c == '\n' || c == '\r';
    }
}

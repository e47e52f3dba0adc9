package org.jodide.iomd;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The small public values: they validate their arguments and name the one that is wrong. */
class ValuesTest {
    @Test
    void sourceSpanValidatesAndShifts() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SourceSpan(3, 2));
        assertTrue(e.getMessage().contains("start <= end"));
        assertThrows(IllegalArgumentException.class, () -> new SourceSpan(-1, 2));
        assertEquals(new SourceSpan(5, 7), new SourceSpan(2, 4).shiftedBy(3));
        assertEquals(2, new SourceSpan(2, 4).length());
        assertTrue(new SourceSpan(2, 4).containsCursor(4));
        assertFalse(new SourceSpan(2, 4).containsCursor(5));
        assertEquals("2..4", new SourceSpan(2, 4).toString());
    }

    @Test
    void editValidatesAndApplies() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Edit(-1, 0, "")).getMessage().contains("start"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Edit(0, -1, "")).getMessage().contains("removedLength"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Edit(0, 0, null)).getMessage().contains("inserted"));
        assertEquals("aXd", new Edit(1, 2, "X").applyTo("abcd"));
        assertEquals(-1, new Edit(1, 2, "X").delta());
        assertThrows(IllegalArgumentException.class, () -> new Edit(3, 2, "").applyTo("abcd"));
    }

    @Test
    void chunkTypeKeywordsIgnoreCase() {
        assertEquals(ChunkType.PY, ChunkType.fromKeyword("Py"));
        assertEquals(ChunkType.PLUGIN, ChunkType.fromKeyword("PLUGIN"));
        assertEquals(ChunkType.UNKNOWN, ChunkType.fromKeyword("timeit"));
        assertEquals(ChunkType.UNKNOWN, ChunkType.fromKeyword(""));
        assertEquals(ChunkType.UNKNOWN, ChunkType.fromKeyword(null));
        assertEquals(null, ChunkType.PREAMBLE.keyword());
        assertTrue(ChunkType.JS.isExecutable());
        assertFalse(ChunkType.FETCH.isExecutable());
    }

    @Test
    void fetchKindKeywordsAreCaseSensitive() {
        assertEquals(Optional.of(FetchKind.ARRAY_BUFFER), FetchKind.fromKeyword("arrayBuffer"));
        assertEquals(Optional.empty(), FetchKind.fromKeyword("arraybuffer"));
        assertTrue(FetchKind.BYTES.assignsVariable());
        assertFalse(FetchKind.PLUGIN.assignsVariable());
    }

    @Test
    void fetchLinesResolveAgainstTheNotebookAddress() {
        FetchLine line = new FetchLine(FetchKind.JSON, Optional.of("d"), "../data/d.json", new SourceSpan(0, 1), new SourceSpan(0, 1));
        assertEquals("https://example.com/data/d.json", line.resolve("https://example.com/notebooks/nb.iomd"));
        assertEquals("../data/d.json", line.resolve(null));
    }

    @Test
    void diagnosticsAreOneBasedAndFormatLikeACompiler() {
        Diagnostic d = new Diagnostic(Severity.WARNING, DiagnosticCode.UNKNOWN_CHUNK_TYPE, "m", new SourceSpan(0, 1), 2, 3);
        assertEquals("a.iomd:2:3: warning: m", d.format("a.iomd"));
        assertThrows(IllegalArgumentException.class,
                () -> new Diagnostic(Severity.ERROR, DiagnosticCode.FETCH_BAD_URL, "m", new SourceSpan(0, 1), 0, 1));
    }
}

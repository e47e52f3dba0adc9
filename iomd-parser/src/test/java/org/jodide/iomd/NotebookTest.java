package org.jodide.iomd;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NotebookTest {
    private static final IomdParser PARSER = IomdParser.create();
    private static final String TEXT = "intro\n%% md\n# T\n%% py\n1+1\n";

    @Test
    void chunkAtGivesTheChunkThatStartsAtABoundaryAndTheLastChunkAtTheEnd() {
        Notebook notebook = PARSER.parse(TEXT);
        assertEquals(ChunkType.PREAMBLE, notebook.chunkAt(0).orElseThrow().type());
        assertEquals(ChunkType.PREAMBLE, notebook.chunkAt(5).orElseThrow().type());
        assertEquals(ChunkType.MD, notebook.chunkAt(6).orElseThrow().type());
        assertEquals(ChunkType.PY, notebook.chunkAt(16).orElseThrow().type());
        assertEquals(ChunkType.PY, notebook.chunkAt(TEXT.length()).orElseThrow().type());
    }

    @Test
    void chunkAtOutsideTheTextOrInAnEmptyTextIsEmpty() {
        Notebook notebook = PARSER.parse(TEXT);
        assertEquals(Optional.empty(), notebook.chunkAt(-1));
        assertEquals(Optional.empty(), notebook.chunkAt(TEXT.length() + 1));
        assertEquals(Optional.empty(), PARSER.parse("").chunkAt(0));
    }

    @Test
    void nextAndPreviousWalkTheChunks() {
        Notebook notebook = PARSER.parse(TEXT);
        List<Chunk> chunks = notebook.chunks();
        assertEquals(chunks.get(1), notebook.next(chunks.get(0)).orElseThrow());
        assertEquals(Optional.empty(), notebook.next(chunks.get(2)));
        assertEquals(chunks.get(1), notebook.previous(chunks.get(2)).orElseThrow());
        assertEquals(Optional.empty(), notebook.previous(chunks.get(0)));
    }

    @Test
    void aChunkOfAnotherVersionThatMovedIsNotFound() {
        Notebook before = PARSER.parse(TEXT);
        Chunk py = before.chunks().get(2);
        Notebook after = PARSER.reparse(before, 0, 0, "more ");
        assertEquals(-1, after.indexOf(py));
        assertEquals(Optional.empty(), after.next(py));
        Chunk moved = after.chunkById(py.id()).orElseThrow();
        assertEquals(py.span().shiftedBy(5), moved.span());
        assertEquals(2, after.indexOf(moved));
    }

    @Test
    void chunkByIdFindsChunksAndNothingElse() {
        Notebook notebook = PARSER.parse(TEXT);
        assertEquals(ChunkType.MD, notebook.chunkById("c1").orElseThrow().type());
        assertEquals(Optional.empty(), notebook.chunkById("c9"));
    }

    @Test
    void chunksAreUnmodifiableAndLookedUpOnce() {
        Notebook notebook = PARSER.parse(TEXT);
        List<Chunk> chunks = notebook.chunks();
        assertThrows(UnsupportedOperationException.class, () -> chunks.remove(0));
        assertSame(chunks.get(1), notebook.chunk(1));
        assertThrows(IndexOutOfBoundsException.class, () -> chunks.get(3));
    }

    @Test
    void lineCountCountsLineBreaksPlusOne() {
        assertEquals(1, PARSER.parse("").lineCount());
        assertEquals(6, PARSER.parse(TEXT).lineCount());
        assertEquals(3, PARSER.parse("a\r\nb\rc").lineCount());
    }

    @Test
    void diagnosticsAreInTextOrderAndErrorsAreFlagged() {
        Notebook notebook = PARSER.parse("%% lua\n%% fetch\nimage: a\n");
        List<Diagnostic> diagnostics = notebook.diagnostics();
        assertEquals(2, diagnostics.size());
        assertEquals(DiagnosticCode.UNKNOWN_CHUNK_TYPE, diagnostics.get(0).code());
        assertEquals(Severity.WARNING, diagnostics.get(0).severity());
        assertEquals(new SourceSpan(3, 6), diagnostics.get(0).span());
        assertEquals(DiagnosticCode.FETCH_UNKNOWN_TYPE, diagnostics.get(1).code());
        assertEquals(new SourceSpan(16, 21), diagnostics.get(1).span());
        assertEquals("f.iomd:3:1: error: unknown fetch type 'image' (use js, css, plugin, wheel, text, json, arrayBuffer, blob or bytes)",
                diagnostics.get(1).format("f.iomd"));
        assertTrue(notebook.hasErrors());
        assertFalse(PARSER.parse("%% lua\n").hasErrors());
    }

    @Test
    void aLanguageDefinedByAPluginChunkIsNotReportedAsUnknown() {
        String plugin = "%% plugin\n{\"languageId\": \"rpn\", \"displayName\": \"RPN\", \"url\": \"rpn.js\","
                + " \"module\": \"rpn\", \"evaluator\": \"evaluate\", \"pluginType\": \"language\"}\n";
        Notebook notebook = PARSER.parse("%% rpn\n1 2 +\n" + plugin + "%% lua\n");
        assertEquals(List.of(DiagnosticCode.UNKNOWN_CHUNK_TYPE), notebook.diagnostics().stream().map(Diagnostic::code).toList());
        assertEquals(5, notebook.diagnostics().get(0).line(), "only lua is reported");
        assertEquals(1, notebook.chunks().get(0).diagnostics().size(), "the chunk itself still sees an unknown type");
    }

    @Test
    void parseRefusesNull() {
        assertThrows(IllegalArgumentException.class, () -> PARSER.parse(null));
    }
}

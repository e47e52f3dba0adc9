package org.jodide.iomd;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChunkTest {
    private static final IomdParser PARSER = IomdParser.create();

    @Test
    void spansAndLinesOfADelimitedChunk() {
        Chunk chunk = PARSER.parse("a\n%% py x\r\nb\n").chunks().get(1);
        assertEquals(new SourceSpan(2, 13), chunk.span());
        assertEquals(new SourceSpan(2, 11), chunk.delimiterSpan());
        assertEquals(new SourceSpan(11, 13), chunk.bodySpan());
        assertEquals(1, chunk.line());
        assertEquals(2, chunk.bodyLine());
        assertEquals(2, chunk.lineBreaks());
        assertEquals("%% py x\r\nb\n", chunk.source());
        assertEquals(List.of("x"), chunk.flags());
        assertEquals("py", chunk.typeName());
    }

    @Test
    void thePreambleHasAnEmptyDelimiter() {
        Chunk preamble = PARSER.parse("notes\n%% md\n").chunks().get(0);
        assertEquals(new SourceSpan(0, 0), preamble.delimiterSpan());
        assertEquals(preamble.span(), preamble.bodySpan());
        assertEquals("", preamble.typeName());
        assertFalse(preamble.inheritsType());
    }

    @Test
    void aBareChunkInheritsTypeAndNameButNotFlags() {
        List<Chunk> chunks = PARSER.parse("%% Py skipRunAll\n%%\n").chunks();
        Chunk bare = chunks.get(1);
        assertTrue(bare.inheritsType());
        assertEquals(ChunkType.PY, bare.type());
        assertEquals("Py", bare.typeName());
        assertEquals(List.of(), bare.flags());
        assertFalse(bare.skipRunAll());
        assertTrue(chunks.get(0).skipRunAll());
    }

    @Test
    void fetchLinesAndDiagnosticsArePositionedInTheCurrentVersion() {
        Notebook before = PARSER.parse("%% fetch\njs: a.js\nimage: b\n");
        Notebook after = PARSER.reparse(before, 0, 0, "%% md\n");
        Chunk fetch = after.chunks().get(1);
        FetchLine line = fetch.fetchLines().get(0);
        assertEquals(FetchKind.JS, line.kind());
        assertEquals(Optional.empty(), line.variableName());
        assertEquals(new SourceSpan(15, 23), line.span());
        assertEquals(new SourceSpan(19, 23), line.urlSpan());
        Diagnostic diagnostic = fetch.diagnostics().get(0);
        assertEquals(new SourceSpan(24, 29), diagnostic.span());
        assertEquals(4, diagnostic.line());
        assertEquals(after.diagnostics(), fetch.diagnostics());
    }

    @Test
    void aValidPluginChunkDefinesAPlugin() {
        String json = "{\"languageId\": \"lua\", \"displayName\": \"Lua\", \"url\": \"https://x.example/lua.js\","
                + " \"module\": \"fengari\", \"evaluator\": \"evalLua\", \"asyncEvaluator\": \"evalLuaAsync\","
                + " \"pluginType\": \"language\", \"keybinding\": \"l\"}";
        PluginSpec plugin = PARSER.parse("%% plugin\n" + json).chunks().get(0).plugin().orElseThrow();
        assertEquals(new PluginSpec("lua", "Lua", "https://x.example/lua.js", "fengari", "evalLua",
                Optional.of("evalLuaAsync"), "language", Optional.empty(), Optional.of("l")), plugin);
        assertEquals(Optional.empty(), PARSER.parse("%% plugin\n{}").chunks().get(0).plugin());
        assertEquals(Optional.empty(), PARSER.parse("%% py\n" + json).chunks().get(0).plugin());
    }

    @Test
    void contentDropsOneBackslashFromEscapedLines() {
        Chunk chunk = PARSER.parse("%% py\n\\%%timeit\nx\n").chunks().get(0);
        assertEquals("\\%%timeit\nx\n", chunk.body());
        assertEquals("%%timeit\nx\n", chunk.content());
    }

    @Test
    void chunksAreEqualByIdPlaceAndText() {
        Chunk a = PARSER.parse("%% py\nx\n").chunks().get(0);
        Chunk b = PARSER.parse("%% py\nx\n").chunks().get(0);
        Chunk c = PARSER.parse("%% py\ny\n").chunks().get(0);
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, c);
        assertEquals("Chunk[c0 py 0..8]", a.toString());
        assertEquals("Chunk[c0 unknown 'lua' 0..7]", PARSER.parse("%% lua\n").chunks().get(0).toString());
    }
}

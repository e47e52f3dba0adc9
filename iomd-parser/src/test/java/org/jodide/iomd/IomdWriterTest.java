package org.jodide.iomd;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class IomdWriterTest {
    @Test
    void escapeBodyAddsOneBackslashToLinesStartingWithBackslashesAndPercents() {
        assertEquals("\\%%timeit\nx\n", IomdWriter.escapeBody("%%timeit\nx\n"));
        assertEquals("\\\\%%\r\\%%a\r\n", IomdWriter.escapeBody("\\%%\r%%a\r\n"));
        assertEquals("a %%\n% x\n\\%x\n", IomdWriter.escapeBody("a %%\n% x\n\\%x\n"));
        assertEquals("\\%%", IomdWriter.escapeBody("%%"));
        assertEquals("%", IomdWriter.escapeBody("%"));
    }

    @Test
    void unescapeBodyRemovesOneBackslash() {
        assertEquals("%%timeit\n\\%%\n", IomdWriter.unescapeBody("\\%%timeit\n\\\\%%\n"));
        assertEquals("\\%", IomdWriter.unescapeBody("\\%"));
    }

    @Test
    void chunkWritesADelimiterTheEscapedContentAndAFinalLineBreak() {
        assertEquals("%% py\n1+1\n", IomdWriter.chunk("py", List.of(), "1+1"));
        assertEquals("%% py skipRunAll\n\\%%timeit\nx\n", IomdWriter.chunk("py", List.of("skipRunAll"), "%%timeit\nx\n"));
        assertEquals("%% md\n", IomdWriter.chunk("md", List.of(), ""));
        assertEquals("%% md\na\r", IomdWriter.chunk("md", List.of(), "a\r"));
    }

    @Test
    void chunkRefusesWordsThatWouldChangeTheDelimiter() {
        assertThrows(IllegalArgumentException.class, () -> IomdWriter.chunk("", List.of(), ""));
        assertThrows(IllegalArgumentException.class, () -> IomdWriter.chunk("p y", List.of(), ""));
        assertThrows(IllegalArgumentException.class, () -> IomdWriter.chunk("%py", List.of(), ""));
        assertThrows(IllegalArgumentException.class, () -> IomdWriter.chunk("py", List.of("a\nb"), ""));
    }

    @Test
    void aChunkUnderADelimiterLineKeptAsWritten() {
        assertEquals("%%md keep\n\\%%x\n", IomdWriter.chunk("%%md keep", "%%x"));
        assertEquals("%%\n", IomdWriter.chunk("%%", ""));
        assertThrows(IllegalArgumentException.class, () -> IomdWriter.chunk("% md", "x"));
        assertThrows(IllegalArgumentException.class, () -> IomdWriter.chunk("%% md\n%% py", "x"));
    }

    @Test
    void aWrittenChunkParsesBackToItsContent() {
        String content = "%%timeit\n\\%%x\nprint(1)";
        String source = IomdWriter.chunk("py", List.of("skipRunAll"), content);
        Chunk chunk = IomdParser.create().parse(source).chunks().get(0);
        assertEquals(ChunkType.PY, chunk.type());
        assertEquals(content + "\n", chunk.content());
        assertEquals(true, chunk.skipRunAll());
    }
}

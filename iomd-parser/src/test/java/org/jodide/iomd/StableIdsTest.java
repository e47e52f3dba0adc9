package org.jodide.iomd;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The id rules of docs/iomd.md section 13: outputs stay attached to their chunk while the user types. */
class StableIdsTest {
    private static final IomdParser PARSER = IomdParser.create();
    private static final String TEXT = "%% md\n# A\n%% py\nx = 1\n%% js\ny\n";

    private static List<String> ids(Notebook notebook) {
        return notebook.chunks().stream().map(Chunk::id).collect(Collectors.toList());
    }

    @Test
    void aFreshParseNumbersChunksInOrder() {
        assertEquals(List.of("c0", "c1", "c2"), ids(PARSER.parse(TEXT)));
    }

    @Test
    void typingInsideAChunkKeepsEveryId() {
        Notebook before = PARSER.parse(TEXT);
        Notebook after = PARSER.reparse(before, 21, 0, "0");
        assertEquals("x = 10\n", after.chunks().get(1).body());
        assertEquals(ids(before), ids(after));
    }

    @Test
    void chunksBeforeTheEditKeepTheirObjectAndChunksAfterItMove() {
        Notebook before = PARSER.parse(TEXT);
        List<Chunk> old = before.chunks();
        old.forEach(Chunk::id);
        Notebook after = PARSER.reparse(before, 21, 0, "0");
        assertSame(old.get(0), after.chunks().get(0));
        assertNotSame(old.get(2), after.chunks().get(2));
        assertEquals(old.get(2).span().shiftedBy(1), after.chunks().get(2).span());
    }

    @Test
    void anEditThatKeepsTheLengthKeepsLaterChunkObjects() {
        Notebook before = PARSER.parse(TEXT);
        List<Chunk> old = before.chunks();
        old.forEach(Chunk::id);
        Notebook after = PARSER.reparse(before, 20, 1, "2");
        assertSame(old.get(2), after.chunks().get(2));
    }

    @Test
    void retypingADelimiterKeepsTheId() {
        Notebook before = PARSER.parse(TEXT);
        Notebook after = PARSER.reparse(before, 13, 2, "js");
        assertEquals(ChunkType.JS, after.chunks().get(1).type());
        assertEquals(ids(before), ids(after));
    }

    @Test
    void splittingAChunkGivesTheNewPartAFreshIdAndKeepsTheOthers() {
        Notebook before = PARSER.parse(TEXT);
        Notebook after = PARSER.reparse(before, 22, 0, "%% py\n");
        assertEquals(List.of("c0", "c1", "c3", "c2"), ids(after));
    }

    @Test
    void insertingAChunkAtABoundaryKeepsTheNeighboursIds() {
        Notebook before = PARSER.parse(TEXT);
        Notebook after = PARSER.reparse(before, 10, 0, "%% css\nh1 {}\n");
        assertEquals(List.of("c0", "c3", "c1", "c2"), ids(after));
    }

    @Test
    void deletingADelimiterMergesIntoTheChunkAbove() {
        Notebook before = PARSER.parse(TEXT);
        Notebook after = PARSER.reparse(before, 10, 6, "");
        assertEquals("# A\nx = 1\n", after.chunks().get(0).body());
        assertEquals(List.of("c0", "c2"), ids(after));
    }

    @Test
    void idsAreNeverReusedAfterAChunkIsDeleted() {
        Notebook notebook = PARSER.parse(TEXT);
        notebook = PARSER.reparse(notebook, 10, 12, "");
        notebook = PARSER.reparse(notebook, 10, 0, "%% py\nz\n");
        assertEquals(List.of("c0", "c3", "c2"), ids(notebook));
    }

    @Test
    void bareChunksFollowTheirInheritedTypeAndKeepTheirIds() {
        Notebook before = PARSER.parse("%% py\na\n%%\nb\n%%\nc\n%% md\n%%\n");
        Notebook after = PARSER.reparse(before, 3, 2, "js");
        assertEquals(List.of(ChunkType.JS, ChunkType.JS, ChunkType.JS, ChunkType.MD, ChunkType.MD),
                after.chunks().stream().map(Chunk::type).collect(Collectors.toList()));
        assertEquals(ids(before), ids(after));
    }

    @Test
    void reparsingFromTheNewTextKeepsIdsOfUntouchedChunks() {
        Notebook before = PARSER.parse(TEXT);
        Notebook after = PARSER.reparse(before, TEXT.replace("# A", "# B") + "%% md\nend\n");
        assertEquals(List.of("c0", "c1", "c2", "c3"), ids(after));
        assertSame(before, PARSER.reparse(before, TEXT));
    }

    @Test
    void reparsingFromTheNewTextFollowsMovedChunks() {
        Notebook before = PARSER.parse(TEXT);
        Notebook after = PARSER.reparse(before, "%% js\ny\n%% md\n# A\n%% py\nx = 2\n");
        assertEquals(List.of("c2", "c0", "c1"), ids(after));
    }

    @Test
    void anEditPastTheEndIsRefused() {
        Notebook notebook = PARSER.parse(TEXT);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> PARSER.reparse(notebook, TEXT.length(), 1, ""));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> PARSER.reparse(notebook, TEXT.length() + 1, 0, ""));
        assertFalse(PARSER.reparse(notebook, TEXT.length(), 0, "x").chunks().isEmpty());
    }

    @Test
    void typingIntoAnEmptyNotebookStartsNewIds() {
        Notebook notebook = PARSER.parse("");
        notebook = PARSER.reparse(notebook, 0, 0, "%% py\n");
        assertEquals(List.of("c0"), ids(notebook));
    }
}

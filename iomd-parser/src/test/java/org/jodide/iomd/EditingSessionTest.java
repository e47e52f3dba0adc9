package org.jodide.iomd;

import org.jodide.iomd.property.Invariants;
import org.jodide.iomd.spec.ChunkNotation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Long random editing sessions on notebooks of hundreds of chunks (800 and more), so that edits cross the
 * blocks the chunk table is cut into (64 chunks each): after every edit, the incremental parse
 * equals a full parse, and the number of blocks stays in proportion to the number of chunks.
 */
class EditingSessionTest {
    private static final IomdParser PARSER = IomdParser.create();
    private static final List<String> PIECES = List.of(
            "%% py\n", "%% md\n", "%%\n", "%% fetch\n", "%%timeit\n", "x = 1\n", "\\%%x\n", "js: a.js\n", "image: b\n",
            "%% js skipRunAll\n", "\r\n", "\r", "%", "%%", "\n", "text: v = d.csv\n", "{\"languageId\": 1}\n", "%% plugin\n");

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void incrementalParsingFollowsALongSession(long seed) {
        Random random = new Random(seed);
        StringBuilder start = new StringBuilder();
        for (int i = 0; i < 1500; i++) {
            start.append(PIECES.get(random.nextInt(PIECES.size())));
        }
        String text = start.toString();
        Notebook notebook = PARSER.parse(text);
        for (int step = 0; step < 400; step++) {
            int at = random.nextInt(text.length() + 1);
            int kind = random.nextInt(10);
            int removed = kind < 5 ? 0 : kind < 8 ? Math.min(text.length() - at, random.nextInt(8))
                    : Math.min(text.length() - at, random.nextInt(text.length() / 40 + 1));
            StringBuilder inserted = new StringBuilder();
            int pieces = kind < 8 ? random.nextInt(3) : random.nextInt(40);
            for (int i = 0; i < pieces; i++) {
                inserted.append(PIECES.get(random.nextInt(PIECES.size())));
            }
            if (text.length() < 8000) {
                for (int i = 0; i < 500; i++) {
                    inserted.append(PIECES.get(random.nextInt(PIECES.size())));
                }
            }
            Edit edit = new Edit(at, removed, inserted.toString());
            text = edit.applyTo(text);
            notebook = PARSER.reparse(notebook, edit);
            if (step % 20 == 0) {
                notebook.chunks().forEach(Chunk::id); // as an editor would, so cached objects get carried over
            }
            String where = "seed " + seed + ", step " + step + ", " + edit;
            assertEquals(ChunkNotation.render(PARSER.parse(text), null), ChunkNotation.render(notebook, null), where);
            int blocks = notebook.table().blockCount();
            int chunks = notebook.chunks().size();
            assertTrue(blocks <= chunks / 16 + 2, where + ": " + blocks + " blocks for " + chunks + " chunks");
        }
        Invariants.check(notebook, text);
        assertTrue(notebook.table().blockCount() > 4, "the session ends with several blocks: " + notebook.table().blockCount());
    }
}

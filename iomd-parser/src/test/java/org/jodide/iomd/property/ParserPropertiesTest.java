package org.jodide.iomd.property;

import org.jodide.iomd.Chunk;
import org.jodide.iomd.Edit;
import org.jodide.iomd.IomdParser;
import org.jodide.iomd.IomdWriter;
import org.jodide.iomd.Notebook;
import org.jodide.iomd.spec.ChunkNotation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

/**
 * Properties over random documents (QuickTheories; at least 10,000 distinct documents each):
 * parsing never throws and is lossless, every parse satisfies the {@link Invariants}, an
 * incremental re-parse equals a full parse, and escaping round-trips. (QuickTheories skips
 * examples it has already tried, so it is asked for more and each property counts what it got.)
 */
class ParserPropertiesTest {
    private static final int EXAMPLES = 12_000;
    private static final int AT_LEAST = 10_000;
    private static final IomdParser PARSER = IomdParser.create();

    private final AtomicInteger checked = new AtomicInteger();

    @AfterEach
    void atLeastTenThousandDocumentsWereChecked() {
        assertTrue(checked.get() >= AT_LEAST, "documents checked: " + checked.get());
    }

    @Test
    void parsingIsLosslessAndConsistentForRandomDocuments() {
        qt().withExamples(EXAMPLES).forAll(Documents.documents())
                .checkAssert(text -> {
                    checked.incrementAndGet();
                    Invariants.check(PARSER.parse(text), text);
                });
    }

    @Test
    void incrementalReparseEqualsFullParse() {
        qt().withExamples(EXAMPLES)
                .forAll(Documents.documents(), Documents.permille(), Documents.permille(), Documents.insertions())
                .checkAssert((text, startPermille, removedPermille, inserted) -> {
                    checked.incrementAndGet();
                    int start = Documents.scale(startPermille, text.length());
                    int removed = Documents.scale(removedPermille, text.length() - start) / 4;
                    Edit edit = new Edit(start, removed, inserted);
                    String after = edit.applyTo(text);
                    Notebook before = PARSER.parse(text);
                    before.chunks().forEach(Chunk::id); // look at every chunk, as an editor does
                    Notebook incremental = PARSER.reparse(before, edit);
                    Notebook full = PARSER.parse(after);
                    assertEquals(ChunkNotation.render(full, "https://example.com/nb/"),
                            ChunkNotation.render(incremental, "https://example.com/nb/"), () -> "edit " + edit);
                    Invariants.check(incremental, after);
                    assertChunksBeforeTheEditKept(before, incremental, start);
                });
    }

    @Test
    void aChainOfEditsEqualsAFullParse() {
        qt().withExamples(EXAMPLES)
                .forAll(Documents.documents(), Documents.insertions(), Documents.insertions(), Documents.permille())
                .checkAssert((text, first, second, permille) -> {
                    checked.incrementAndGet();
                    Notebook notebook = PARSER.parse(text);
                    String current = text;
                    int at = Documents.scale(permille, current.length());
                    // type at one place, then delete part of it, then insert elsewhere
                    notebook = PARSER.reparse(notebook, at, 0, first);
                    current = current.substring(0, at) + first + current.substring(at);
                    int cut = Math.min(first.length(), 2);
                    notebook = PARSER.reparse(notebook, at, cut, "");
                    current = current.substring(0, at) + current.substring(at + cut);
                    int elsewhere = Documents.scale(1000 - permille, current.length());
                    notebook = PARSER.reparse(notebook, elsewhere, 0, second);
                    current = current.substring(0, elsewhere) + second + current.substring(elsewhere);
                    assertEquals(ChunkNotation.render(PARSER.parse(current), null), ChunkNotation.render(notebook, null));
                    Invariants.check(notebook, current);
                });
    }

    @Test
    void reparseFromNewTextEqualsFullParse() {
        qt().withExamples(EXAMPLES).forAll(Documents.documents(), Documents.documents())
                .checkAssert((before, after) -> {
                    checked.incrementAndGet();
                    Notebook notebook = PARSER.reparse(PARSER.parse(before), after);
                    assertEquals(ChunkNotation.render(PARSER.parse(after), null), ChunkNotation.render(notebook, null));
                    Invariants.check(notebook, after);
                });
    }

    @Test
    void escapingRoundTrips() {
        qt().withExamples(EXAMPLES).forAll(Documents.documents())
                .checkAssert(content -> {
                    checked.incrementAndGet();
                    String body = IomdWriter.escapeBody(content);
                    assertEquals(content, IomdWriter.unescapeBody(body), "unescape(escape(content))");
                    // A chunk holding the escaped content has exactly that content, whatever it is.
                    Notebook notebook = PARSER.parse(IomdWriter.chunk("py", java.util.List.of(), content));
                    assertEquals(1, notebook.chunks().size(), "escaped content stays in one chunk");
                    String expected = content.isEmpty() || content.endsWith("\n") || content.endsWith("\r") ? content : content + "\n";
                    assertEquals(expected, notebook.chunks().get(0).content());
                });
    }

    @Test
    void unescapingEveryBodyRoundTrips() {
        qt().withExamples(EXAMPLES).forAll(Documents.documents())
                .checkAssert(text -> {
                    checked.incrementAndGet();
                    for (Chunk chunk : PARSER.parse(text).chunks()) {
                        assertEquals(chunk.body(), IomdWriter.escapeBody(chunk.content()), "escape(content) is the body");
                    }
                });
    }

    private static void assertChunksBeforeTheEditKept(Notebook before, Notebook after, int editStart) {
        for (Chunk chunk : before.chunks()) {
            if (chunk.span().end() + 2 <= editStart) {
                Chunk kept = after.chunks().get(before.indexOf(chunk));
                assertSame(chunk, kept, "a chunk well before the edit, already looked at, is the same object");
            }
        }
    }
}

package org.jodide.iomd;

import org.jodide.iomd.property.Invariants;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Inputs built to find quadratic or deep-recursion behaviour (as commonmark-java's
 * PathologicalTest). Each must parse, and round-trip, well within a generous time limit: the
 * limits catch a change of complexity class, not a slow machine. (Speed is measured by the JMH
 * benchmark, not here.)
 */
class PathologicalTest {
    private static final IomdParser PARSER = IomdParser.create();
    private static final Duration LIMIT = Duration.ofSeconds(5);

    private static Notebook parseWithinLimit(String text) {
        Notebook notebook = assertTimeoutPreemptively(LIMIT, () -> PARSER.parse(text));
        assertTimeoutPreemptively(LIMIT, () -> assertEquals(text, notebook.serialize()));
        return notebook;
    }

    private static String repeat(String s, int times) {
        return s.repeat(times);
    }

    @Test
    void hundredThousandDelimiters() {
        Notebook notebook = parseWithinLimit(repeat("%% py\n", 100_000));
        assertEquals(100_000, notebook.chunks().size());
        assertEquals(99_999, notebook.chunks().get(99_999).line());
    }

    @Test
    void hundredThousandBareDelimitersRetypedByOneEdit() {
        String text = "%% py\n" + repeat("%%\nx\n", 100_000);
        Notebook notebook = parseWithinLimit(text);
        Notebook edited = assertTimeoutPreemptively(LIMIT, () -> PARSER.reparse(notebook, 3, 2, "js"));
        assertEquals(ChunkType.JS, edited.chunks().get(100_000).type());
    }

    @Test
    void hundredThousandUnknownTypesWithWarnings() {
        Notebook notebook = parseWithinLimit(repeat("%%timeit\n", 100_000));
        assertEquals(100_000, assertTimeoutPreemptively(LIMIT, () -> notebook.diagnostics().size()));
    }

    @Test
    void oneTenMegabyteLine() {
        String line = repeat("abcdefghij", 1_000_000);
        parseWithinLimit(line);
        parseWithinLimit("%% md\n" + line);
        Notebook fetch = parseWithinLimit("%% fetch\njs: " + line);
        assertEquals(1, fetch.chunks().get(0).fetchLines().size());
        Notebook badFetch = parseWithinLimit("%% fetch\nimage: " + line);
        assertTrue(badFetch.diagnostics().get(0).message().length() < 200, "messages quote long text shortened");
        parseWithinLimit("%% plugin\n\"" + line);
        parseWithinLimit("%% py\n" + repeat("\\", 10_000_000) + "%%");
    }

    @Test
    void hundredThousandLoneCarriageReturns() {
        Notebook notebook = parseWithinLimit("%% md\r" + repeat("\r", 100_000) + "%% py\r");
        assertEquals(2, notebook.chunks().size());
        assertEquals(100_001, notebook.chunks().get(1).line());
        parseWithinLimit(repeat("%%\r", 100_000));
        parseWithinLimit(repeat("\r\n\r", 100_000));
    }

    @Test
    void binaryJunk() {
        Random random = new Random(42);
        char[] chars = new char[2_000_000];
        for (int i = 0; i < chars.length; i++) {
            int r = random.nextInt(100);
            chars[i] = r < 5 ? '%' : r < 8 ? '\n' : r < 10 ? '\r' : (char) random.nextInt(0x10000);
        }
        String text = new String(chars);
        Notebook notebook = parseWithinLimit(text);
        Invariants.check(PARSER.parse(text.substring(0, 20_000)), text.substring(0, 20_000));
        assertTimeoutPreemptively(LIMIT, () -> notebook.diagnostics().size());
    }

    @Test
    void escapesOnEveryLine() {
        String text = "%% py\n" + repeat("\\%%timeit\n\\\\%%\n", 100_000);
        Notebook notebook = parseWithinLimit(text);
        String content = assertTimeoutPreemptively(LIMIT, () -> notebook.chunks().get(0).content());
        assertTrue(content.startsWith("%%timeit\n\\%%\n"));
        assertEquals(notebook.chunks().get(0).body(), assertTimeoutPreemptively(LIMIT, () -> IomdWriter.escapeBody(content)));
    }

    @Test
    void fetchChunkWithHundredThousandBadLines() {
        Notebook notebook = parseWithinLimit("%% fetch\n" + repeat("image: a.png\njs: a b\ntext: 1 = x\n", 40_000));
        assertEquals(120_000, notebook.diagnostics().size());
    }

    @Test
    void deeplyNestedPluginJson() {
        Notebook arrays = parseWithinLimit("%% plugin\n" + repeat("[", 100_000));
        assertTrue(arrays.diagnostics().get(0).message().contains("nested deeper"));
        parseWithinLimit("%% plugin\n" + repeat("{\"a\":", 100_000));
        Notebook fields = parseWithinLimit("%% plugin\n{" + repeat("\"x\": 1, ", 100_000) + "\"y\": 2}");
        assertTrue(fields.diagnostics().size() > 100_000, "each unknown field is reported");
    }

    @Test
    void typingIntoTheMiddleOfHundredThousandChunks() {
        Notebook notebook = parseWithinLimit(repeat("%% py\nx = 1\n", 100_000));
        assertTimeoutPreemptively(LIMIT, () -> {
            Notebook current = notebook;
            int at = 50_000 * 12 + 10;
            for (int i = 0; i < 1_000; i++) {
                current = PARSER.reparse(current, at + i, 0, "y");
            }
            assertEquals(100_000, current.chunks().size());
        });
    }

    @Test
    void reparsingFromAReorderedTextStaysLinear() {
        StringBuilder forward = new StringBuilder();
        StringBuilder backward = new StringBuilder();
        for (int i = 0; i < 50_000; i++) {
            forward.append("%% py\nx_").append(i).append("\n");
            int j = 49_999 - i;
            backward.append("%% py\nx_").append(j).append(j % 2 == 0 ? "\n" : " + 1\n");
        }
        Notebook before = parseWithinLimit(forward.toString());
        Notebook after = assertTimeoutPreemptively(LIMIT, () -> PARSER.reparse(before, backward.toString()));
        assertEquals(before.chunks().get(0).id(), after.chunks().get(49_999).id(), "an unchanged chunk keeps its id");
    }

    @Test
    void fortyThousandChunksParseWellUnderTwoSeconds() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 40_000; i++) {
            text.append(i % 3 == 0 ? "%% md\n# Section " + i + "\n" : "%% py\nx_" + i + " = " + i + " * 2\n");
        }
        String notebook = text.toString();
        PARSER.parse(notebook); // warm up
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> PARSER.parse(notebook));
    }
}

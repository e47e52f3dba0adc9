package org.jodide.iomd.spec;

import org.jodide.iomd.IomdParser;
import org.jodide.iomd.Notebook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs every numbered example of docs/iomd.md: the parse must give the expected chunks, write back
 * the input byte for byte, and give the same chunks when the input is typed one character at a
 * time or deleted from the front, through incremental re-parses.
 */
class SpecTest {
    private static final IomdParser PARSER = IomdParser.create();

    static List<SpecExample> examples() {
        return SpecReader.readExamples();
    }

    @Test
    void specHasExamplesInEverySectionThatPromisesThem() {
        List<SpecExample> examples = examples();
        assertTrue(examples.size() >= 45, "examples found: " + examples.size());
        for (String section : List.of("Line endings", "Delimiters", "Chunk types", "Bare delimiters", "Flags",
                "The preamble", "Escaping lines that start with %%", "Fetch chunks", "Plugin chunks")) {
            assertTrue(examples.stream().anyMatch(e -> e.section().equals(section)), "no example in section " + section);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void example(SpecExample example) {
        Notebook notebook = PARSER.parse(example.input());
        String where = "docs/iomd.md line " + example.docLine() + ", " + example;
        assertAll(
                () -> assertEquals(example.expected(), ChunkNotation.render(notebook, example.baseUrl()), where),
                () -> assertEquals(example.input(), notebook.serialize(), where + ": round trip"),
                () -> assertEquals(example.expected(), ChunkNotation.render(typed(example.input()), example.baseUrl()),
                        where + ": typed one character at a time"),
                () -> assertEquals(example.expected(), ChunkNotation.render(deletedFromFront(example.input()), example.baseUrl()),
                        where + ": built by deleting a prefix one character at a time"));
    }

    private static Notebook typed(String text) {
        Notebook notebook = PARSER.parse("");
        for (int i = 0; i < text.length(); i++) {
            notebook = PARSER.reparse(notebook, i, 0, text.substring(i, i + 1));
        }
        return notebook;
    }

    private static Notebook deletedFromFront(String text) {
        String junk = "%% js\r\nx\r%%\n\\%%y\n";
        Notebook notebook = PARSER.parse(junk + text);
        for (int i = 0; i < junk.length(); i++) {
            notebook = PARSER.reparse(notebook, 0, 1, "");
        }
        return notebook;
    }
}

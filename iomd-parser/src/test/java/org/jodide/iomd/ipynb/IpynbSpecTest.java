package org.jodide.iomd.ipynb;

import org.jodide.iomd.IomdParser;
import org.jodide.iomd.internal.JsonReader;
import org.jodide.iomd.internal.JsonValue;
import org.jodide.iomd.internal.JsonWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the numbered examples of docs/ipynb.md: opening each {@code ipynb-import} gives its .iomd
 * and notes, each {@code ipynb-export} gives its cells, {@code ipynb-export-file} its exact file,
 * and each {@code ipynb-roundtrip} notebook comes back from its .ipynb as it was.
 */
class IpynbSpecTest {
    private static final Path SPEC = Path.of("..", "docs", "ipynb.md");
    private static final IomdParser PARSER = IomdParser.create();

    static List<SpecExamples.Example> examples() throws IOException {
        return SpecExamples.read(SPEC, "ipynb-");
    }

    static Stream<SpecExamples.Example> imports() throws IOException {
        return examples().stream().filter(e -> e.kind().equals("ipynb-import"));
    }

    static Stream<SpecExamples.Example> exports() throws IOException {
        return examples().stream().filter(e -> e.kind().equals("ipynb-export"));
    }

    static Stream<SpecExamples.Example> files() throws IOException {
        return examples().stream().filter(e -> e.kind().equals("ipynb-export-file"));
    }

    static Stream<SpecExamples.Example> roundTrips() throws IOException {
        return examples().stream().filter(e -> e.kind().equals("ipynb-roundtrip"));
    }

    @Test
    void everyKindOfExampleIsThere() throws IOException {
        List<SpecExamples.Example> examples = examples();
        for (String kind : List.of("ipynb-import", "ipynb-export", "ipynb-export-file", "ipynb-roundtrip")) {
            assertTrue(examples.stream().anyMatch(e -> e.kind().equals(kind)), "no " + kind + " example");
        }
        assertTrue(examples.size() >= 13, "examples: " + examples.size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("imports")
    void opening(SpecExamples.Example example) throws IpynbException {
        SpecExamples.assertOpened(example, IpynbImport.read(example.parts().get(0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exports")
    void downloadingCells(SpecExamples.Example example) {
        String ipynb = IpynbExport.write(PARSER.parse(example.parts().get(0)));
        JsonValue cells = JsonFields.member(parse(ipynb), "cells");
        assertEquals(canonical(parse(example.parts().get(1))), canonical(cells), example.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void downloadingTheWholeFile(SpecExamples.Example example) {
        assertEquals(example.parts().get(1), IpynbExport.write(PARSER.parse(example.parts().get(0))), example.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("roundTrips")
    void roundTrip(SpecExamples.Example example) throws IpynbException {
        assertRoundTrip(example.parts().get(0), example.toString());
    }

    @Test
    void theSiteExamplesComeBackFromTheirIpynb() throws IOException, IpynbException {
        try (Stream<Path> files = Files.list(Path.of("..", "examples"))) {
            List<Path> notebooks = files.filter(p -> p.toString().endsWith(".iomd")).sorted().toList();
            assertTrue(notebooks.size() >= 3, "examples: " + notebooks);
            for (Path notebook : notebooks) {
                assertRoundTrip(Files.readString(notebook, StandardCharsets.UTF_8), notebook.toString());
            }
        }
    }

    /** An .iomd with one blank line between chunks comes back from its .ipynb as it was, and writes the same .ipynb again. */
    private static void assertRoundTrip(String iomd, String where) throws IpynbException {
        String ipynb = IpynbExport.write(PARSER.parse(iomd));
        IpynbImport.Imported opened = IpynbImport.read(ipynb);
        assertEquals(normalized(iomd), opened.iomd(), where + ": opened again");
        assertEquals(List.of(), opened.notes(), where + ": notes");
        assertEquals(ipynb, IpynbExport.write(PARSER.parse(opened.iomd())), where + ": written again");
    }

    /** The text as an opened .ipynb lays chunks out: each chunk's trailing blank lines as one. */
    static String normalized(String iomd) {
        return iomd.replaceAll("\n{3,}(?=%%)", "\n\n").replaceAll("\n+$", "\n");
    }

    @Test
    void whatIsNotANotebookIsRefusedSayingWhere() {
        assertProblem("{\"cells\": [", 1, 12, "not JSON: ");
        assertProblem("[1, 2]", 1, 1, "a Jupyter notebook must be an object, not an array");
        assertProblem("{\"cells\": []}", 1, 1, "no \"nbformat\" field: this JSON is not a Jupyter notebook");
        assertProblem("{\"nbformat\": 2}", 1, 14, "nbformat 2 is older than Jodide reads (3 and 4): open it in Jupyter and save it to upgrade it");
        assertProblem("{\"nbformat\": \"4\"}", 1, 14, "\"nbformat\" must be a whole number, not a string");
        assertProblem("{\"nbformat\": 4}", 1, 1, "no \"cells\" array: this JSON is not a Jupyter notebook");
        assertProblem("{\"nbformat\": 4,\n \"cells\": {}}", 2, 11, "\"cells\" must be an array, not an object");
        assertProblem("{\"nbformat\": 4, \"cells\": [{\"source\": \"x\"}]}", 1, 27, "cell 1 has no \"cell_type\"");
        assertProblem("{\"nbformat\": 4, \"cells\": [{\"cell_type\": \"code\", \"source\": [\"a\", 3]}]}", 1, 65,
                "cell 1's source must be a string or an array of strings, not a number");
        assertProblem("{\"nbformat\": 4, \"cells\": [7]}", 1, 27, "cell 1 must be an object, not a number");
    }

    private static void assertProblem(String text, int line, int column, String problem) {
        IpynbException e = assertThrows(IpynbException.class, () -> IpynbImport.read(text), text);
        assertTrue(e.problem().startsWith(problem), text + ": " + e.problem());
        assertEquals(line + ":" + column, e.line() + ":" + e.column(), text + ": " + e.getMessage());
    }

    @Test
    void aFileIsTakenForAnIpynbByItsNameOrItsText() {
        assertTrue(IpynbImport.looksLikeIpynb("Analysis.IPYNB", "anything"));
        assertTrue(IpynbImport.looksLikeIpynb("download", "\uFEFF\n {\"nbformat\": 4, \"cells\": []}"));
        assertTrue(!IpynbImport.looksLikeIpynb("notebook.iomd", "%% md\n{\"nbformat\": 4}"));
        assertTrue(!IpynbImport.looksLikeIpynb(null, "{\"plugin\": 1}"));
    }

    @Test
    void aJavascriptCellKeepsItsCodeWhateverItsLineBreaks() throws IpynbException {
        for (String lineBreak : List.of("\n", "\r\n", "\r")) {
            String cell = "{\"nbformat\": 4, \"cells\": [{\"cell_type\": \"code\", \"source\": \"%%js" + lineBreak.replace("\r", "\\r")
                    .replace("\n", "\\n") + "a = 1\"}]}";
            assertEquals("%% js\na = 1\n", IpynbImport.read(cell).iomd(), "line break " + lineBreak.replace("\r", "CR").replace("\n", "LF"));
        }
    }

    @Test
    void linesAreSplitAsPythonSplitsThem() {
        assertEquals(List.of("a\n", "b\r\n", "c\r", "d\u2028", "e"), IpynbExport.lines("a\nb\r\nc\rd\u2028e"));
        assertEquals(List.of(), IpynbExport.lines(""));
    }

    @Test
    void stringsAreQuotedAsPythonsJsonModuleQuotesThem() {
        assertEquals("\"\\\"\\\\\\n\\r\\t\\b\\f\\u001b\\u0000é\u2028\"", JsonWriter.write("\"\\\n\r\t\b\f\u001b\u0000é\u2028"));
    }

    private static JsonValue parse(String json) {
        JsonReader reader = new JsonReader(json, 0, json.length());
        JsonValue value = reader.read();
        assertTrue(value != null, "not JSON: " + reader.error() + " at " + reader.errorAt() + " in\n" + json);
        return value;
    }

    /** A JSON value written canonically (keys sorted), to compare two JSON texts. */
    private static String canonical(JsonValue value) {
        return JsonWriter.write(plain(value));
    }

    private static Object plain(JsonValue value) {
        if (value instanceof JsonValue.JsonObject o) {
            Map<String, Object> map = new LinkedHashMap<>();
            o.members().forEach(m -> map.put(m.key(), plain(m.value())));
            return map;
        }
        if (value instanceof JsonValue.JsonArray a) {
            return a.items().stream().map(IpynbSpecTest::plain).toList();
        }
        if (value instanceof JsonValue.JsonString s) {
            return s.value();
        }
        if (value instanceof JsonValue.JsonNumber n) {
            return Integer.parseInt(n.text());
        }
        JsonValue.JsonLiteral literal = (JsonValue.JsonLiteral) value;
        return literal.word().equals("null") ? null : Boolean.valueOf(literal.word());
    }
}

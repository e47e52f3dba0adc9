package org.jodide.iomd.ipynb;

import org.jodide.iomd.IomdParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs the examples of docs/percent.md: opening each script gives its .iomd and notes. */
class PercentScriptSpecTest {
    private static final Path SPEC = Path.of("..", "docs", "percent.md");
    private static final IomdParser PARSER = IomdParser.create();

    static Stream<SpecExamples.Example> imports() throws IOException {
        return SpecExamples.read(SPEC, "percent-import").stream();
    }

    static Stream<SpecExamples.Example> exports() throws IOException {
        return SpecExamples.read(SPEC, "percent-export").stream();
    }

    static Stream<SpecExamples.Example> roundTrips() throws IOException {
        return SpecExamples.read(SPEC, "percent-roundtrip").stream();
    }

    @Test
    void theExamplesAreThere() throws IOException {
        assertTrue(imports().count() >= 5, "examples in " + SPEC);
        assertTrue(exports().count() >= 2, "export examples in " + SPEC);
        assertTrue(roundTrips().count() >= 1, "round trips in " + SPEC);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exports")
    void writing(SpecExamples.Example example) {
        assertEquals(example.parts().get(1), PercentScriptExport.write(PARSER.parse(example.parts().get(0))), example.toString());
        assertRoundTrip(example.parts().get(0), example.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("roundTrips")
    void roundTrip(SpecExamples.Example example) {
        assertRoundTrip(example.parts().get(0), example.toString());
    }

    @Test
    void theSiteExamplesComeBackFromTheirScript() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("..", "examples"))) {
            List<Path> notebooks = files.filter(p -> p.toString().endsWith(".iomd")).sorted().toList();
            assertTrue(notebooks.size() >= 3, "examples: " + notebooks);
            for (Path notebook : notebooks) {
                assertRoundTrip(Files.readString(notebook, StandardCharsets.UTF_8), notebook.toString());
            }
        }
    }

    /**
     * An .iomd with one blank line between chunks comes back from its script as it was, writes the
     * same script again, and opens with the same chunks as its .ipynb does.
     */
    private static void assertRoundTrip(String iomd, String where) {
        String script = PercentScriptExport.write(PARSER.parse(iomd));
        IpynbImport.Imported opened = PercentScriptImport.read(script);
        assertEquals(IpynbSpecTest.normalized(iomd), opened.iomd(), where + ": opened again from\n" + script);
        assertEquals(List.of(), opened.notes(), where + ": notes");
        assertEquals(script, PercentScriptExport.write(PARSER.parse(opened.iomd())), where + ": written again");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("imports")
    void opening(SpecExamples.Example example) {
        SpecExamples.assertOpened(example, PercentScriptImport.read(example.parts().get(0)));
    }

    @Test
    void lineEndsOfEveryKindOpenAlike() {
        String script = "x = 1\n\n# %% [markdown]\n# # Title\n#\n# text\n\n# %%\ny = 2\n";
        String expected = PercentScriptImport.read(script).iomd();
        assertEquals(expected, PercentScriptImport.read(script.replace("\n", "\r\n")).iomd());
        assertEquals(expected, PercentScriptImport.read(script.replace("\n", "\r")).iomd());
    }

    @Test
    void emptyCellsAndAnEmptyScript() {
        assertEquals("%% py\n\n%% md\n", PercentScriptImport.read("# %%\n\n# %% [markdown]\n").iomd());
        assertEquals("", PercentScriptImport.read("").iomd());
        assertEquals("%% md\n# not a header\n", PercentScriptImport.read("# %% [md]\n# # not a header\n").iomd());
    }

    @Test
    void onlyPyFilesAreReadAsScripts() {
        for (String name : List.of("a.py", "A.PY", "dir/analysis.py")) {
            assertEquals(Optional.of(ImportFormat.PERCENT_SCRIPT), ImportFormat.named(name), name);
        }
        for (String name : List.of("a.ipynb", "a.iomd", "a.pyc", "py", "")) {
            assertNotEquals(Optional.of(ImportFormat.PERCENT_SCRIPT), ImportFormat.named(name), name);
        }
        assertNotEquals(Optional.of(ImportFormat.PERCENT_SCRIPT), ImportFormat.named(null));
    }
}

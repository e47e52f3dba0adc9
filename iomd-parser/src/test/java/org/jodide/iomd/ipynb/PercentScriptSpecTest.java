package org.jodide.iomd.ipynb;

import org.jodide.iomd.IomdParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs the examples of docs/percent.md: opening each script gives its .iomd and notes. */
class PercentScriptSpecTest {
    private static final Path SPEC = Path.of("..", "docs", "percent.md");
    private static final IomdParser PARSER = IomdParser.create();

    static Stream<SpecExamples.Example> imports() throws IOException {
        return SpecExamples.read(SPEC, "percent-import").stream();
    }

    @Test
    void theExamplesAreThere() throws IOException {
        assertTrue(imports().count() >= 3, "examples in " + SPEC);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("imports")
    void opening(SpecExamples.Example example) {
        IpynbImport.Imported opened = PercentScriptImport.read(example.parts().get(0));
        assertEquals(example.parts().get(1), opened.iomd(), example.toString());
        String notes = opened.notes().isEmpty() ? "" : String.join("\n", opened.notes()) + "\n";
        assertEquals(example.parts().size() > 2 ? example.parts().get(2) : "", notes, example + ": notes");
        assertFalse(PARSER.parse(opened.iomd()).hasErrors(), example + ": parses without errors");
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
            assertTrue(PercentScriptImport.isPercentScript(name), name);
        }
        for (String name : List.of("a.ipynb", "a.iomd", "a.pyc", "py", "")) {
            assertFalse(PercentScriptImport.isPercentScript(name), name);
        }
        assertFalse(PercentScriptImport.isPercentScript(null));
    }
}

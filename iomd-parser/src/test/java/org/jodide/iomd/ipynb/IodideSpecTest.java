package org.jodide.iomd.ipynb;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs the examples of docs/iodide.md: opening each Iodide notebook or page gives its .iomd and notes. */
class IodideSpecTest {
    private static final Path SPEC = Path.of("..", "docs", "iodide.md");

    static Stream<SpecExamples.Example> notebooks() throws IOException {
        return SpecExamples.read(SPEC, "iodide-import").stream();
    }

    static Stream<SpecExamples.Example> pages() throws IOException {
        return SpecExamples.read(SPEC, "iodide-page").stream();
    }

    @Test
    void theExamplesAreThere() throws IOException {
        assertTrue(notebooks().count() >= 5, "examples in " + SPEC);
        assertTrue(pages().count() >= 3, "page examples in " + SPEC);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notebooks")
    void opening(SpecExamples.Example example) {
        SpecExamples.assertOpened(example, IodideImport.read(example.parts().get(0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void openingAPage(SpecExamples.Example example) {
        Optional<IpynbImport.Imported> opened = NotebookPageImport.read(example.parts().get(0));
        assertTrue(opened.isPresent(), example + ": a notebook in the page");
        SpecExamples.assertOpened(example, opened.get());
    }

    @Test
    void aNotebookWrittenForJodideComesBackUnchanged() {
        String iomd = "preamble\n%% md\n# T\n%% py skipRunAll\nx = 1\r\n%%\ny = 2\n%% fetch\njs: a.js\n%% lua\nprint(1)";
        IpynbImport.Imported opened = IodideImport.read(iomd);
        assertEquals(iomd, opened.iomd());
        assertEquals(List.of(), opened.notes());
    }

    @Test
    void lineBreaksOfEveryKindAreKept() {
        String jsmd = "%% code {\"language\":\"py\"}\r\n1\r\n%% resource\rhttps://a.example/x.js\r%% md\n";
        assertEquals("%% py\r\n1\r\n%% fetch\rjs: https://a.example/x.js\r%% md\n", IodideImport.read(jsmd).iomd());
    }

    @Test
    void settingsThatAreNotAJsonObjectStayAsWritten() {
        String iomd = "%% js {not json\n1\n%% py [1]\n2\n";
        assertEquals(iomd, IodideImport.read(iomd).iomd());
    }

    @Test
    void aPageWithoutANotebookOpensNothing() {
        assertTrue(NotebookPageImport.read("<html><script>var x = 1;</script><pre>%% py\n1</pre></html>").isEmpty());
        assertTrue(NotebookPageImport.read("").isEmpty());
        assertTrue(NotebookPageImport.read("<script type=\"text/iomdx\">%% py\n</script>").isEmpty());
    }

    @Test
    void pagesAndJsmdFilesAreKnownByTheirNames() {
        for (String name : List.of("a.html", "A.HTM", "dir/python.html")) {
            assertEquals(Optional.of(ImportFormat.WEB_PAGE), ImportFormat.named(name), name);
        }
        assertEquals(Optional.of(ImportFormat.IODIDE), ImportFormat.named("gallery/python.jsmd"));
        for (String name : List.of("a.iomd", "a.html.txt", "html", "")) {
            assertNotEquals(Optional.of(ImportFormat.WEB_PAGE), ImportFormat.named(name), name);
            assertNotEquals(Optional.of(ImportFormat.IODIDE), ImportFormat.named(name), name);
        }
        assertEquals(Optional.empty(), ImportFormat.named(null));
    }
}

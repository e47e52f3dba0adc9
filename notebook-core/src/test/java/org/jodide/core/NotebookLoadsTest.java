package org.jodide.core;

import org.jodide.iomd.IomdParser;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NotebookLoadsTest {
    private static final IomdParser PARSER = IomdParser.create();

    @Test
    void fetchLinesAndPluginsAreListedResolvedInNotebookOrderEachOnce() {
        String notebook = "%% md\n# Data\n"
                + "%% fetch\ntext: t = data.csv\njs: https://cdn.example.org/lib.js\n"
                + "%% plugin\n{\"languageId\": \"lua\", \"displayName\": \"Lua\", \"url\": \"plugins/lua.js\","
                + " \"module\": \"lua\", \"evaluator\": \"run\", \"pluginType\": \"language\"}\n"
                + "%% fetch\njson: again = ./data.csv\n"
                + "%% py\nimport numpy\n";
        assertEquals(List.of("https://example.org/nb/data.csv", "https://cdn.example.org/lib.js",
                        "https://example.org/nb/plugins/lua.js"),
                NotebookLoads.of(PARSER.parse(notebook), "https://example.org/nb/a.iomd"));
    }

    @Test
    void withoutABaseTheUrlsAreAsWritten() {
        assertEquals(List.of("data.csv"), NotebookLoads.of(PARSER.parse("%% fetch\ntext: t = data.csv\n"), null));
    }

    @Test
    void aNotebookThatFetchesNothingLoadsNothing() {
        assertEquals(List.of(), NotebookLoads.of(PARSER.parse("%% md\n# Hi\n%% py\n1+1\n"), "https://x.org/"));
    }

    @Test
    void thePhraseNamesAFewAndCountsTheRest() {
        assertEquals("", NotebookLoads.phrase(List.of(), 3));
        assertEquals("a", NotebookLoads.phrase(List.of("a"), 3));
        assertEquals("a and b", NotebookLoads.phrase(List.of("a", "b"), 3));
        assertEquals("a, b and c", NotebookLoads.phrase(List.of("a", "b", "c"), 3));
        assertEquals("a, b, c and 2 more", NotebookLoads.phrase(List.of("a", "b", "c", "d", "e"), 3));
    }
}

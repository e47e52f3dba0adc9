package org.jodide.it;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Plugin chunks register languages from their JSON, as in Iodide, with a plugin the site serves. */
class PluginIT {
    @RegisterExtension
    static final SiteExtension SITE = new SiteExtension();

    private static final String PLUGIN = "%% plugin\n{\n"
            + "  \"languageId\": \"rpn\", \"displayName\": \"RPN calculator\",\n"
            + "  \"url\": \"examples/plugins/rpn.js\", \"module\": \"rpn\", \"evaluator\": \"evaluate\",\n"
            + "  \"pluginType\": \"language\"\n}\n";

    private NotebookPage page;

    @BeforeEach
    void openNotebook() {
        page = SITE.notebookPage().open();
    }

    @Test
    void aPluginChunkRegistersALanguageWhoseChunksThenRun() {
        page.replaceText(PLUGIN + "%% rpn\n3 4 + 2 *\n%% rpn\n1 +\n");
        page.click("run-all");
        NotebookPage.ConsoleEntry registered = page.awaitEntry(0);
        assertNull(registered.error());
        assertTrue(registered.output().contains("Registered the language RPN calculator"), registered.output());
        assertEquals("14", page.awaitEntry(1).value());
        NotebookPage.ConsoleEntry failing = page.awaitEntry(2);
        assertEquals("error", failing.state());
        assertTrue(failing.error().contains("\"+\" needs two numbers"), failing.error());
    }

    @Test
    void aFetchPluginLineLoadsThePluginsJsonAndRegistersIt() {
        page.replaceText("%% fetch\nplugin: examples/plugins/rpn.json\n%% rpn\n2 3 *\n");
        page.click("run-all");
        NotebookPage.ConsoleEntry fetch = page.awaitEntry(0);
        assertNull(fetch.error(), fetch.output());
        assertTrue(fetch.output().contains("registered the language rpn"), fetch.output());
        assertEquals("6", page.awaitEntry(1).value());
    }

    @Test
    void aPluginWhoseScriptIsMissingSaysSo() {
        page.replaceText(PLUGIN.replace("rpn.js", "missing.js") + "%% rpn\n1 2 +\n");
        page.click("run-all");
        NotebookPage.ConsoleEntry registered = page.awaitEntry(0);
        assertEquals("error", registered.state());
        assertTrue(registered.error().contains("could not be loaded"), registered.error());
        assertEquals(1, page.consoleEntries().size(), "Run All stopped at the failing plugin");
    }

    @Test
    void anInvalidPluginChunkReportsItsProblemsWithPositions() {
        page.replaceText("%% plugin\n{\"languageId\": \"x\"}\n");
        NotebookPage.ConsoleEntry entry = page.runWithShiftEnter();
        assertEquals("error", entry.state());
        assertTrue(entry.error().contains("line 2:"), entry.error());
    }

    @Test
    void aChunkOfAnUnregisteredLanguageExplainsWhatIsMissing() {
        page.replaceText("%% rpn\n1 2 +\n");
        NotebookPage.ConsoleEntry entry = page.runWithShiftEnter();
        assertTrue(entry.error().contains("No language plugin named rpn"), entry.error());
    }
}

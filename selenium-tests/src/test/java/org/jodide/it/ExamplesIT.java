package org.jodide.it;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every notebook of examples/ opens by link and runs end to end without an error. */
class ExamplesIT {
    @RegisterExtension
    static final SiteExtension SITE = new SiteExtension();

    @ParameterizedTest
    @ValueSource(strings = {"city-report.iomd", "python-basics.iomd", "rpn-plugin.iomd"})
    void exampleOpensByLinkAndRunsWithoutError(String name) throws IOException {
        String expected = Files.readString(Path.of("../examples", name));
        WebDriver driver = SITE.browser().driver();
        NotebookPage page = SITE.notebookPage();
        driver.get(SITE.server().uri() + "?notebook=examples/" + name);
        // Until CodeMirror has started from the page's textarea, its API is not there yet (a loaded machine).
        new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(JavascriptException.class)
                .until(d -> expected.equals(page.editorText()));

        int chunks = (int) expected.lines().filter(line -> line.startsWith("%%") && !line.startsWith("%% md")
                && !line.startsWith("%% css")).count();
        page.click("run-all");
        for (int i = 0; i < chunks; i++) {
            NotebookPage.ConsoleEntry entry = page.awaitEntry(i);
            assertEquals("done", entry.state(), name + " entry " + i + ": " + entry.error() + "\n" + entry.output());
        }
        List<?> notes = driver.findElements(By.cssSelector("#console .console-note"));
        assertEquals(0, notes.size(), "no run was stopped");
    }

    @org.junit.jupiter.api.Test
    void aMissingNotebookSaysSoAndKeepsTheEditorUsable() {
        WebDriver driver = SITE.browser().driver();
        NotebookPage page = SITE.notebookPage();
        driver.get(SITE.server().uri() + "?notebook=examples/nope.iomd");
        String note = new WebDriverWait(driver, Duration.ofSeconds(10)).until(d ->
                d.findElements(By.cssSelector("#console .console-note")).stream().map(e -> e.getText())
                        .filter(t -> t.contains("nope.iomd")).findFirst().orElse(null));
        assertEquals(true, note.contains("HTTP 404"), note);
        page.type("%% js\n1+2");
        assertEquals("3", page.runWithShiftEnter().value());
    }
}

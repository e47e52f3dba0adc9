package org.jodide.it;

import org.jodide.site.SiteServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pages a documentation generator wrote (docs/embed.md, "Pages a generator wrote"): the script tag's
 * {@code data-jodide-selector} names the code blocks that become cells, and each block's language
 * comes from the generator's classes. The pages are real output, kept in
 * {@code src/test/resources/org/jodide/it/generated-docs} with their sources: Sphinx 5.3 and MkDocs
 * 1.4 with Material, as Debian bookworm has them. The cells hold the code without the line numbers
 * the generators wrote into it, sessions become doctest cells, shell blocks stay as they were, and
 * the cells run in order with Run all cells above.
 */
class EmbedSelectorIT {
    @RegisterExtension
    static final SiteExtension SITE = new SiteExtension();

    @TempDir
    static Path hostRoot;
    private static SiteServer host;

    @BeforeAll
    static void startTheDocumentationSite() throws IOException {
        Files.writeString(hostRoot.resolve("index.html"), "documentation site");
        Files.writeString(hostRoot.resolve("sphinx.html"), page(generated("sphinx.html"), "div[class*=\"highlight-\"]"));
        Files.writeString(hostRoot.resolve("mkdocs.html"), page(generated("mkdocs.html"), "div.highlight"));
        Files.writeString(hostRoot.resolve("nbsphinx.html"), page(generated("nbsphinx.html"), ".nbinput .input_area")
                .replace(" defer>", " data-jodide-output-selector=\".nboutput\" defer>"));
        Files.writeString(hostRoot.resolve("commonmark.html"), page("<h1>Plain</h1>\n"
                + "<pre><code class=\"language-python\">total = 6 * 7\nprint(total)\n</code></pre>\n"
                + "<pre><code class=\"language-text\">left as it is</code></pre>\n"
                + "<pre class=\"note\">no language</pre>\n", "pre:has(> code)"));
        Files.writeString(hostRoot.resolve("bad-selector.html"), page("<script>window.consoleErrors = [];"
                + " const error = console.error; console.error = (...parts) => { window.consoleErrors.push(parts.join(' ')); error(...parts); };"
                + "</script>\n<pre data-iomd=\"py\">x = 1</pre>\n"
                + "<pre><code class=\"language-python\">y = 2</code></pre>\n", "pre:::nonsense"));
        host = SiteServer.start(hostRoot, 0);
    }

    @AfterAll
    static void stopTheDocumentationSite() {
        if (host != null) {
            host.close();
        }
    }

    private static String generated(String name) throws IOException {
        try (InputStream in = EmbedSelectorIT.class.getResourceAsStream("generated-docs/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String page(String body, String selector) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Generated</title></head>\n"
                + "<body><main>\n" + body + "</main>\n<script src=\"" + SITE.uri() + "embed.js\" data-jodide-selector='"
                + selector + "' defer></script>\n</body></html>\n";
    }

    @Test
    void sphinxCodeBlocksBecomeCellsAndRunInOrder() {
        EmbeddedCells cells = EmbeddedCells.open(driver(), host.uri() + "sphinx.html", 5);
        assertEquals(List.of("py", "py", "pycon", "js", "py"), languages(cells));
        assertEquals("rate = 0.05\nyears = 10", cells.cell(0).code());
        assertEquals("def grow(amount):\n    return amount * (1 + rate) ** years\n\ngrow(100)", cells.cell(1).code(),
                "the code without Pygments' line numbers");
        assertEquals("sum([1, 2, 3])", cells.cell(2).code(), "a session holds the Python it stands for, as a pycon block");
        assertEquals(1L, script("return document.querySelectorAll('div.highlight-bash pre').length;"), "the shell block stays");

        EmbeddedCells.Cell last = cells.cell(4);
        last.runAbove();
        last.awaitState(NotebookPage.PYTHON, "done", "error");
        assertEquals("done", last.state(), last.describe());
        assertEquals("default block 0.05\n", last.stdout());
        assertTrue(cells.cell(1).value().startsWith("162.889"), cells.cell(1).describe());
        assertEquals("6", cells.cell(2).value(), cells.cell(2).describe());
        assertTrue(cells.cell(3).value().replaceAll("\\s", "").endsWith("[1,4,9]"), cells.cell(3).describe());
    }

    @Test
    void mkdocsMaterialCodeBlocksBecomeCellsWithoutTheirLineNumberTable() {
        EmbeddedCells cells = EmbeddedCells.open(driver(), host.uri() + "mkdocs.html", 5);
        assertEquals(List.of("py", "py", "pycon", "pycon", "js"), languages(cells),
                "a python block holding a >>> session is a doctest cell");
        assertEquals("def grow(amount):\n    return amount * (1 + rate) ** years\n\ngrow(100)", cells.cell(1).code(),
                "the code of the table's code column, not its line numbers");
        assertEquals("[n * n for n in range(3)]", cells.cell(3).code(), "a session holds the Python it stands for");
        assertEquals(1L, script("return document.querySelectorAll('div.language-bash pre').length;"), "the shell block stays");

        EmbeddedCells.Cell session = cells.cell(3);
        session.run();
        session.awaitState(NotebookPage.PYTHON, "done", "error");
        assertEquals("[0, 1, 4]", session.value(), session.describe());
    }

    /**
     * A page made from a notebook shows each cell's output after its code: with
     * {@code data-jodide-output-selector} a cell's output from the page goes when the cell runs and its
     * live output takes the place, as Thebe's output selector does; the prompts ("[1]:") stay text.
     */
    @Test
    void nbsphinxOutputsGiveWayToLiveOnesAsTheirCellsRun() {
        EmbeddedCells cells = EmbeddedCells.open(driver(), host.uri() + "nbsphinx.html", 4);
        assertEquals(List.of("py", "py", "py", "py"), languages(cells));
        assertEquals("rate = 0.05\nyears = 10\nprint('rate set')", cells.cell(0).code());
        assertEquals(List.of("[1]:", "[2]:", "[3]:", "[4]:"), script(
                "return [...document.querySelectorAll('.nbinput .prompt')].map((prompt) => prompt.textContent.trim());"));
        assertEquals(List.of("rate set", "growing 100", "162.8894626777442", "265.33"), shownPageOutputs());

        EmbeddedCells.Cell grow = cells.cell(1);
        grow.runAbove();
        grow.awaitState(NotebookPage.PYTHON, "done", "error");
        assertEquals("done", grow.state(), grow.describe());
        assertEquals("growing 100\n", grow.stdout());
        assertTrue(grow.value().startsWith("162.889"), grow.describe());
        assertEquals("rate set\n", cells.cell(0).stdout());
        assertEquals(List.of("265.33"), shownPageOutputs(), "the outputs of the cells that ran went, a cell's two with it");

        EmbeddedCells.Cell last = cells.cell(3);
        last.runAbove();
        last.awaitState(NotebookPage.PYTHON, "done", "error");
        assertEquals("265.33", last.value(), last.describe());
        assertEquals(List.of(), shownPageOutputs());
    }

    /** The texts of the outputs nbsphinx wrote that the page still shows. */
    private static Object shownPageOutputs() {
        return script("return [...document.querySelectorAll('.nboutput')].filter((output) => getComputedStyle(output).display !== 'none')"
                + ".map((output) => output.querySelector('.output_area').textContent.trim());");
    }

    @Test
    void commonMarkBlocksOfACellLanguageBecomeCellsAndOthersStay() {
        EmbeddedCells cells = EmbeddedCells.open(driver(), host.uri() + "commonmark.html", 1);
        assertEquals("total = 6 * 7\nprint(total)", cells.cell(0).code());
        assertEquals(List.of("left as it is", "no language"), script(
                "return [...document.querySelectorAll('main pre')].map((pre) => pre.textContent);"));
    }

    @Test
    void aSelectorTheBrowserRefusesIsSaidAndTheMarkedBlocksStillBecomeCells() {
        EmbeddedCells cells = EmbeddedCells.open(driver(), host.uri() + "bad-selector.html", 1);
        assertEquals("x = 1", cells.cell(0).code());
        String logged = (String) script("return window.consoleErrors.join('\\n');");
        assertTrue(logged.contains("data-jodide-selector=\"pre:::nonsense\" is not a CSS selector this browser can use"), logged);
    }

    private static List<String> languages(EmbeddedCells cells) {
        return IntStream.range(0, cells.count()).mapToObj(i -> cells.cell(i).language()).collect(Collectors.toList());
    }

    private static Object script(String script) {
        return ((JavascriptExecutor) driver()).executeScript(script);
    }

    private static WebDriver driver() {
        return SITE.browser().driver();
    }
}

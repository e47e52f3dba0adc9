package org.jodide.it;

import org.jodide.browser.BuiltSite;
import org.jodide.browser.HeadlessChromium;
import org.jodide.site.SiteServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The editor page's markdown renderer, which loads beside the application (markdown-engine.js):
 * the WebAssembly GC build where the browser has WebAssembly GC, the JavaScript build with
 * {@code ?markdown=js} or when the WebAssembly one cannot load, and markdown shown as its text,
 * with a message in the console (in an embedded notebook: in its status line), when neither loads.
 * A text/markdown output in the report is drawn by the editor's renderer. Both builds render every document of the
 * renderer's corpus (notebook-core's MarkdownRendererCorpusTest, frozen from the JVM) exactly as the
 * JVM does.
 */
class MarkdownEngineIT {
    private static final Path CORPUS = Path.of("../notebook-core/src/test/resources/org/jodide/core/markdown/corpus");
    private static final String NOTEBOOK = "%% md\n# Engine title\n\nSome *text* and a table:\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
            + "%% py\nx = 1\n";

    @TempDir
    static Path withoutWasm;
    @TempDir
    static Path withoutEither;
    private static SiteServer site;
    private static SiteServer jsOnly;
    private static SiteServer none;
    private static HeadlessChromium browser;

    @BeforeAll
    static void serve() throws IOException {
        Path root = BuiltSite.root().toAbsolutePath().normalize();
        site = SiteServer.start(root, 0);
        // A markdown.wasm that is not WebAssembly (as a browser without WebAssembly GC refuses the real one).
        SiteCopy.linkExcept(root, withoutWasm, Set.of("markdown.wasm"));
        try (InputStream wasm = Files.newInputStream(root.resolve("markdown.wasm"))) {
            Files.write(withoutWasm.resolve("markdown.wasm"), wasm.readNBytes(50_000));
        }
        jsOnly = SiteServer.start(withoutWasm, 0);
        SiteCopy.linkExcept(root, withoutEither, Set.of("markdown.wasm", "markdown.js"));
        Files.writeString(withoutEither.resolve("embedded.html"), "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>A notebook in a page</title><script src=\"embed.js\" defer></script></head><body>\n"
                + "<script type=\"text/iomd\">\n%% md\n# Embedded title\n%% py\nx = 1\n</script>\n</body></html>\n");
        none = SiteServer.start(withoutEither, 0);
        browser = HeadlessChromium.start();
    }

    @AfterAll
    static void stop() {
        browser.close();
        none.close();
        jsOnly.close();
        site.close();
    }

    @Test
    void theEditorRendersWithTheWebAssemblyBuildAndItRendersTheCorpusAsTheJvmDoes() throws IOException {
        NotebookPage page = new NotebookPage(browser.driver(), site.uri()).open();
        page.replaceText(NOTEBOOK);
        awaitReportHeading(page);
        assertEquals("wasm-gc", engineBuild(page));
        List<String> fetched = fetchedMarkdownFiles();
        assertTrue(fetched.contains("markdown.wasm"), fetched.toString());
        assertFalse(fetched.contains("markdown.js"), "the JavaScript build is not downloaded: " + fetched);
        rendersTheCorpusAsFrozen(page);
    }

    @Test
    void markdownEqualsJsChoosesTheJavascriptBuildWhichRendersTheCorpusAsTheJvmDoes() throws IOException {
        NotebookPage page = new NotebookPage(browser.driver(), site.uri()).openWith("?markdown=js");
        page.replaceText(NOTEBOOK);
        awaitReportHeading(page);
        assertEquals("js", engineBuild(page));
        assertFalse(fetchedMarkdownFiles().contains("markdown.wasm"), fetchedMarkdownFiles().toString());
        rendersTheCorpusAsFrozen(page);
    }

    @Test
    void aWebAssemblyBuildThatCannotLoadFallsBackToTheJavascriptBuild() {
        NotebookPage page = new NotebookPage(browser.driver(), jsOnly.uri()).open();
        page.replaceText(NOTEBOOK);
        awaitReportHeading(page);
        assertEquals("js", engineBuild(page));
        assertTrue(browser.driver().findElements(By.cssSelector("#console .console-fault")).isEmpty(),
                "a fallback that works is no fault");
    }

    @Test
    void withNeitherBuildMarkdownShowsAsTextWithTheReasonInTheConsoleAndTheTextIsKept() {
        NotebookPage page = new NotebookPage(browser.driver(), none.uri()).open();
        page.replaceText(NOTEBOOK);
        String fault = page.awaitConsoleFault("markdown renderer could not load");
        assertTrue(fault.contains("markdown.wasm") && fault.contains("markdown.js") && fault.contains("markdown shows as text"), fault);
        String shown = inReportWhen(page, d -> {
            List<org.openqa.selenium.WebElement> text = d.findElements(By.cssSelector("#report pre.markdown-unrendered"));
            return text.isEmpty() ? null : text.get(0).getText();
        });
        assertTrue(shown.startsWith("# Engine title"), shown);
        assertEquals(NOTEBOOK, page.editorText());
        // The rest of the notebook still works.
        assertEquals("42", page.runChunkWith(NOTEBOOK + "%% js\n6*7\n", "6*7").value());
    }

    /**
     * In both places Python runs: from the worker, and from the frame's main thread, where the editor's
     * answer can only come in once the run has let go of the frame's thread.
     */
    @ParameterizedTest
    @EnumSource(PythonMode.class)
    void aMarkdownOutputInTheReportIsDrawnByTheEditorsRenderer(PythonMode mode) {
        NotebookPage page = new NotebookPage(browser.driver(), site.uri()).openWith(mode.query(""));
        String notebook = "%% py\nclass Note:\n    def _repr_markdown_(self): return '# Shown *here*\\n\\n| a |\\n|---|\\n| 1 |'\n"
                + "display(Note())\n";
        page.runChunkWith(notebook, "display");
        String shown = inReportWhen(page, d -> (String) ((JavascriptExecutor) d).executeScript(
                "const host = document.querySelector('#report .report-output [data-mime-type=\"text/markdown\"] .isolated-output');"
                        + "const root = host && window.jodideReportLibs.isolatedRoot(host);"
                        + "const heading = root && root.querySelector('h1'), cell = root && root.querySelector('td');"
                        + "return heading && cell ? heading.textContent + '|' + cell.textContent : null;"));
        assertEquals("Shown here|1", shown);
    }

    @Test
    void anEmbeddedNotebookWithoutTheRendererShowsItsMarkdownAsTextAndSaysWhy() {
        WebDriver driver = browser.driver();
        driver.get(none.uri() + "embedded.html");
        String status = new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> (String) ((JavascriptExecutor) d).executeScript(
                "const box = document.querySelector('.jodide-notebook');"
                        + "const status = box && box.shadowRoot.querySelector('.jodide-notebook-status');"
                        + "return status && status.textContent.includes('could not load') ? status.textContent : null;"));
        assertTrue(status.contains("markdown.wasm") && status.contains("markdown shows as text"), status);
        String shown = (String) ((JavascriptExecutor) driver).executeScript(
                "const host = document.querySelector('.jodide-notebook').shadowRoot.querySelector('.isolated-output');"
                        + "const pre = host && window.jodideEmbed.reportLibs.isolatedRoot(host).querySelector('pre');"
                        + "return pre ? pre.textContent : null;");
        assertEquals("# Embedded title\n", shown);
    }

    private static void awaitReportHeading(NotebookPage page) {
        assertEquals("Engine title", inReportWhen(page, d -> {
            List<org.openqa.selenium.WebElement> headings = d.findElements(By.cssSelector("#report h1"));
            return headings.isEmpty() ? null : headings.get(0).getText();
        }));
    }

    private static <T> T inReportWhen(NotebookPage page, Function<WebDriver, T> condition) {
        return page.inReport(driver -> new WebDriverWait(driver, Duration.ofSeconds(30)).until(condition));
    }

    private static String engineBuild(NotebookPage page) {
        return (String) ((JavascriptExecutor) browser.driver()).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "window.jodidePageSupport.loadMarkdownEngine().then((engine) => done(engine.build), (e) => done('failed: ' + e.message));");
    }

    /** The markdown files the page downloaded, by name. */
    @SuppressWarnings("unchecked")
    private static List<String> fetchedMarkdownFiles() {
        return (List<String>) ((JavascriptExecutor) browser.driver()).executeScript(
                "return performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname.split('/').pop())"
                        + ".filter((name) => name.startsWith('markdown'));");
    }

    /** Every corpus document, rendered by the page's engine, is the HTML frozen from the JVM. */
    @SuppressWarnings("unchecked")
    private static void rendersTheCorpusAsFrozen(NotebookPage page) throws IOException {
        List<Path> documents;
        try (Stream<Path> files = Files.list(CORPUS)) {
            documents = files.filter(file -> file.toString().endsWith(".md") && !file.endsWith("NOTICE.md")).sorted().toList();
        }
        assertTrue(documents.size() >= 10, "the corpus: " + documents);
        List<String> sources = new ArrayList<>();
        for (Path document : documents) {
            sources.add(Files.readString(document, StandardCharsets.UTF_8));
        }
        Map<String, Object> rendered = (Map<String, Object>) ((JavascriptExecutor) browser.driver()).executeAsyncScript(
                "const [sources, done] = arguments;"
                        + "window.jodidePageSupport.loadMarkdownEngine().then("
                        + "  (engine) => done({html: sources.map((source) => engine.render(source))}),"
                        + "  (e) => done({failure: e.message}));", sources);
        assertFalse(rendered.containsKey("failure"), String.valueOf(rendered.get("failure")));
        List<String> html = (List<String>) rendered.get("html");
        for (int i = 0; i < documents.size(); i++) {
            String frozen = documents.get(i).getFileName().toString().replaceFirst("\\.md$", ".html");
            assertEquals(Files.readString(CORPUS.resolve(frozen), StandardCharsets.UTF_8), html.get(i), frozen);
        }
    }
}

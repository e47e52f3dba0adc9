package org.jodide.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Export HTML (issue "Share"): the toolbar's Export HTML downloads one page holding the report with
 * its outputs as shown and the notebook's source, which the browser opens from disk ({@code file://})
 * with nothing else: the printed line, a {@code _repr_html_} table (in its declarative shadow root,
 * styled by its own CSS), the markdown, what a js chunk added, a canvas as a picture; nothing in it
 * runs (an output's {@code onerror} does not fire, no script element), it loads nothing, and its
 * "Open in Jodide to run" link opens the same text on the site; fenced code stays highlighted and
 * a task list keeps its checkboxes, as the report showed them. The download is real: Chromium saves
 * it into a folder of the test's, and the test opens that file.
 */
class ExportHtmlIT {
    @RegisterExtension
    static final SiteExtension SITE = new SiteExtension();

    @TempDir
    static Path downloads;

    private static final Duration SHORT = Duration.ofSeconds(10);

    /** Each output that could run code sets window.exportPwned when it does. */
    private static final String NOTEBOOK = "%% md\n# Export check\n\nSome *markdown* and"
            + " <img src=\"x\" onerror=\"window.exportPwned = 'markdown'\">.\n\n"
            + "![site icon](SITE/favicon.svg)\n\n"
            + "```python\ndef area(r):\n    return 3.14 * r * r\n```\n\n"
            + "- [x] measured\n- [ ] plotted\n\n"
            + "```mermaid\nsequenceDiagram\n    Reader->>Report: opens\n```\n"
            + "%% py\nprint('printed by \\x1b[32mpython\\x1b[0m 42')\n"
            + "%% py\nclass Table:\n"
            + "    def _repr_html_(self):\n"
            + "        return ('<style>td { color: rgb(0, 128, 0); }</style>'\n"
            + "                '<table><tr><th>city</th><th>pop</th></tr><tr><td>Lyon</td><td>522250</td></tr></table>')\n"
            + "Table()\n"
            + "%% py\nclass Evil:\n"
            + "    def _repr_html_(self):\n"
            + "        return '<img src=x onerror=\"window.exportPwned = 1\"><b onclick=\"window.exportPwned = 2\">evil</b>'\n"
            + "Evil()\n"
            + "%% js\nconst note = document.createElement('p');\n"
            + "note.id = 'added-by-js';\nnote.textContent = 'added by javascript';\n"
            + "const canvas = document.createElement('canvas');\ncanvas.width = 40;\ncanvas.height = 20;\n"
            + "canvas.getContext('2d').fillRect(0, 0, 40, 20);\n"
            + "document.getElementById('report').append(note, canvas);\n"
            + "'done'\n";

    private NotebookPage page;
    /** The notebook, its image from the site (which serves it) named absolutely. */
    private final String notebook = NOTEBOOK.replace("SITE/", SITE.server().uri().resolve("/").toString());

    @BeforeAll
    static void downloadIntoTheTestsFolder() {
        SITE.browser().downloadInto(downloads);
    }

    @BeforeEach
    void freshPage() throws IOException {
        page = SITE.notebookPage().clearLocalStorage();
        try (Stream<Path> files = Files.list(downloads)) {
            for (Path file : files.collect(Collectors.toList())) {
                Files.delete(file);
            }
        }
    }

    private WebDriver driver() {
        return SITE.browser().driver();
    }

    @Test
    void theExportedPageShowsTheOutputsFromDiskRunsNothingAndLinksBackToTheNotebook() throws IOException {
        page.open();
        // The report dark: its diagram is drawn dark, and keeps a dark ground in the light exported page.
        page.click("theme-dark");
        page.replaceText(notebook);
        page.click("run-all");
        assertEquals("\"done\"", page.awaitEntry(3).value(), "the js chunk, last, ran");
        new WebDriverWait(driver(), SHORT).until(d -> page.inReport(
                x -> !x.findElements(By.cssSelector("#report code.language-python .tok-keyword")).isEmpty()));
        new WebDriverWait(driver(), Duration.ofSeconds(60)).until(d -> page.inReport(
                x -> !x.findElements(By.cssSelector("#report .report-diagram[data-look=dark]")).isEmpty()));

        Path file = export("notebook.html");
        String html = Files.readString(file, StandardCharsets.UTF_8);
        assertFalse(html.toLowerCase(Locale.ROOT).contains("<script"), "the page holds no script element");
        assertTrue(html.contains("http-equiv=\"Content-Security-Policy\""), "the page forbids scripts to the browser too");

        driver().get(file.toUri().toString());
        assertEquals("Export check", driver().getTitle());
        WebElement report = driver().findElement(By.id("report"));
        assertEquals("Export check", report.findElement(By.tagName("h1")).getText());
        assertEquals("Export-check", report.findElement(By.tagName("h1")).getDomAttribute("id"),
                "headings keep the ids that links to them name");
        assertTrue(report.getText().contains("printed by python 42"), report.getText());
        assertEquals("rgba(15, 122, 40, 1)", report.findElement(By.cssSelector(".report-output-stdout span")).getCssValue("color"),
                "printed text keeps the colour its escape codes gave it");
        assertEquals("added by javascript", driver().findElement(By.id("added-by-js")).getText());
        WebElement keyword = report.findElement(By.cssSelector("code.language-python .tok-keyword"));
        assertEquals("def", keyword.getText());
        assertEquals("rgba(119, 0, 136, 1)", keyword.getCssValue("color"), "fenced code keeps the report's highlighting");
        assertEquals(List.of("true", "false"), report.findElements(By.cssSelector("li.task-list-item input[type=checkbox]"))
                .stream().map(box -> String.valueOf(box.isSelected())).collect(Collectors.toList()), "a task list keeps its checkboxes");

        WebElement cell = shadowElements("td").stream().filter(td -> td.getText().equals("Lyon")).findFirst()
                .orElseThrow(() -> new AssertionError("no table cell Lyon in the exported outputs"));
        assertTrue(cell.isDisplayed());
        assertEquals("rgba(0, 128, 0, 1)", cell.getCssValue("color"), "the output's own <style> applies inside its root");
        assertEquals(List.of("city", "pop", "Lyon", "522250"), shadowElements("th, td").stream().map(WebElement::getText)
                .collect(Collectors.toList()));
        assertTrue(shadowElements("b").stream().anyMatch(b -> b.getText().equals("evil")), "the hostile output shows, defused");
        List<WebElement> labels = shadowElements("svg text");
        assertEquals(List.of("Reader", "Report", "opens"), labels.stream().map(WebElement::getText).map(String::strip)
                .filter(text -> !text.isEmpty()).distinct().sorted().collect(Collectors.toList()), "the Mermaid diagram, as drawn");
        assertTrue(labels.get(0).isDisplayed());
        // Its boxes are drawn through a drop-shadow filter, which must keep its feDropShadow to draw them at all.
        Object filters = page.script("return [...document.querySelectorAll('.isolated-output')].flatMap(host =>"
                + " [...host.shadowRoot.querySelectorAll('[filter^=\"url(#\"]')].map(element => {"
                + "   const filter = host.shadowRoot.getElementById(element.getAttribute('filter').slice(5, -1));"
                + "   return filter ? filter.children.length : 0; }));");
        assertTrue(!((List<?>) filters).isEmpty() && ((List<?>) filters).stream().allMatch(count -> ((Number) count).intValue() > 0),
                "each box's filter draws: " + filters);
        assertEquals("rgba(30, 31, 34, 1)", report.findElement(By.cssSelector(".report-diagram")).getCssValue("background-color"),
                "drawn dark, on its dark ground in the light page");

        WebElement picture = driver().findElement(By.cssSelector("#report img[alt='canvas']"));
        assertEquals(40L, ((Number) page.script("return arguments[0].naturalWidth;", picture)).longValue(),
                "the canvas is kept as a picture that loads from the page itself");

        assertEquals(Boolean.TRUE, page.script("return window.exportPwned === undefined;"), "nothing in the page ran");
        assertEquals(0L, ((Number) page.script("const all = [document, ...Array.from(document.querySelectorAll('*'),"
                + " e => e.shadowRoot).filter(Boolean)];"
                + "return all.reduce((n, root) => n + root.querySelectorAll('script, [onerror], [onclick], iframe').length, 0);"))
                .longValue(), "no script, no handler attribute, no frame, in the page or its shadow roots");
        WebElement remote = driver().findElement(By.cssSelector("#report img[alt='site icon']"));
        new WebDriverWait(driver(), SHORT).until(d -> Boolean.TRUE.equals(page.script("return arguments[0].complete;", remote)));
        assertEquals(0L, ((Number) page.script("return arguments[0].naturalWidth;", remote)).longValue(),
                "an image from a server is not loaded: the page reaches no network");
        assertEquals(notebook, page.script("return document.getElementById('notebook-source').textContent;"),
                "the source is the notebook's exact text");
        // The notebook's hostile images (above) have no alt text, as their author wrote them.
        AxeAudit.assertPasses(driver(), "the exported page", "image-alt");

        String link = driver().findElement(By.id("open-in-jodide")).getDomAttribute("href");
        assertTrue(link.startsWith(SITE.server().uri() + "#iomd=") || link.startsWith(SITE.server().uri() + "index.html#iomd="), link);
        driver().get(link);
        page.awaitAppReady();
        new WebDriverWait(driver(), SHORT).until(d -> page.editorText().equals(notebook));
    }

    @Test
    void aLinkedNotebookNotYetRunExportsItsMarkdownOnly() throws IOException {
        String notebook = "%% md\n# Shared, not run\n\n<img src=x onerror=\"window.exportPwned = 'linked'\">\n"
                + "%% py\nprint('never printed')\n";
        driver().get("about:blank");
        page.openWith("#iomd=" + ShareLinkIT.linkData(notebook));
        new WebDriverWait(driver(), SHORT).until(d -> page.editorText().equals(notebook));
        page.inReport(d -> new WebDriverWait(d, SHORT).until(r -> !r.findElements(By.cssSelector("#report h1")).isEmpty()));

        driver().get(export("notebook.html").toUri().toString());
        assertEquals("Shared, not run", driver().findElement(By.cssSelector("#report h1")).getText());
        assertFalse(driver().findElement(By.id("report")).getText().contains("never printed"));
        assertEquals(Boolean.TRUE, page.script("return window.exportPwned === undefined;"));
        assertEquals(notebook, page.script("return document.getElementById('notebook-source').textContent;"));
    }

    @Test
    void anExportedPageOpensAsTheNotebookItWasExportedFrom() {
        String notebook = "%% md\n# Tom & Jerry <3\n\n%% py\nprint(1 < 2 and 'a&b')\n\n%% code\nkept as written\n";
        page.open();
        page.replaceText(notebook);
        Path file = export("notebook.html");
        page.replaceText("%% md\n# Mine\n");
        driver().findElement(By.id("open-file")).sendKeys(file.toString());
        new WebDriverWait(driver(), SHORT).until(d -> page.editorText().equals(notebook));
        assertTrue(page.awaitNote("Opened notebook.html, a web page holding a notebook").contains("Save writes it as an .iomd file (never over the .html)."));
    }

    /** Clicks Export HTML and waits for Chromium to have saved {@code name} in the downloads folder. */
    private Path export(String name) {
        page.click("export-html");
        Path file = downloads.resolve(name);
        new WebDriverWait(driver(), SHORT).until(d -> Files.isRegularFile(file) && noPartialDownload());
        return file;
    }

    private static boolean noPartialDownload() {
        try (Stream<Path> files = Files.list(downloads)) {
            return files.noneMatch(f -> f.getFileName().toString().endsWith(".crdownload"));
        } catch (IOException e) {
            return false;
        }
    }

    /** The elements matching {@code css} inside the exported page's shadow roots (the outputs'). */
    private List<WebElement> shadowElements(String css) {
        return driver().findElements(By.cssSelector(".isolated-output")).stream()
                .map(WebElement::getShadowRoot)
                .flatMap(root -> ((SearchContext) root).findElements(By.cssSelector(css)).stream())
                .collect(Collectors.toList());
    }
}

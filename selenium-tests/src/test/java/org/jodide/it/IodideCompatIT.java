package org.jodide.it;

import org.jodide.site.SiteServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Notebooks written for Iodide (in the style of iodide-project/iodide-examples) work: the
 * {@code iodide} global writes into the report at the running chunk's place, buttons with
 * {@code onclick} in markdown work once the notebook is trusted (and are sanitized before),
 * alert and prompt work, {@code ?view=report} runs the notebook (asking first for one opened from
 * a link), and emoji shortcodes render. A page Iodide saved, in its first format as the gallery's
 * are (docs/iodide.md), opens converted and runs. Notebooks "from elsewhere" are served by a second
 * {@link SiteServer} on another port.
 */
class IodideCompatIT {
    @RegisterExtension
    static final SiteExtension SITE = new SiteExtension();

    private static final Duration SHORT = Duration.ofSeconds(10);

    /** A gallery-style notebook: a button in markdown calls a function that a js chunk defines. */
    static final String GALLERY = "%% md\n"
            + "# Counter :arrow_forward:\n\n"
            + "<button id=\"bump\" onclick=\"bump()\">Bump</button>\n"
            + "<button id=\"inline\" onclick=\"document.getElementById('count').textContent = 'handler ran'\">Inline</button>\n"
            + "<span id=\"count\">0</span>\n\n"
            + "%% js\n"
            + "function bump() {\n"
            + "  const count = document.getElementById('count');\n"
            + "  count.textContent = String(Number(count.textContent) + 1);\n"
            + "}\n"
            + "iodide.output.text('hello from iodide.output');\n"
            + "const box = iodide.output.element('div');\n"
            + "box.id = 'made-by-code';\n"
            + "box.textContent = 'filled by the chunk';\n"
            + "%% md\n"
            + "## After the code\n";

    /**
     * A page Iodide saved, in its first format, as the pages of Iodide's gallery
     * (iodide-project/iodide-examples) are: settings in a meta chunk, a plugin chunk that loaded
     * Python, a resource chunk, a code chunk with its language in JSON, a chunk kept out of Run All.
     */
    static final String IODIDE_PAGE = "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"UTF-8\">\n"
            + "<title>Squares - iodide</title>\n"
            + "<link rel=\"stylesheet\" type=\"text/css\" href=\"https://iodide.io/dist/iodide.pyodide-20180605.css\">\n"
            + "</head>\n<body>\n<script id=\"jsmd\" type=\"text/jsmd\">\n"
            + "%% meta\n{\n  \"title\": \"Squares\",\n  \"lastExport\": \"2018-05-04T17:13:00.489Z\"\n}\n\n"
            + "%% md\n# Squares, from Python and JavaScript\n\n"
            + "%% plugin\n{\n  \"languageId\": \"py\",\n  \"displayName\": \"python\",\n"
            + "  \"url\": \"https://iodide.io/pyodide-demo/pyodide.js\",\n  \"module\": \"pyodide\",\n"
            + "  \"evaluator\": \"runPython\",\n  \"pluginType\": \"language\"\n}\n\n"
            + "%% resource\nsquares.js\n\n"
            + "%% code {\"language\":\"py\"}\nimport sys\nsquares = [n * n for n in range(1, 4)]\nf'{sys.version_info.major}: {squares}'\n\n"
            + "%% js\nsquareAll([1, 2, 3]).join(' ')\n\n"
            + "%% js {\"skipInRunAll\":true}\nwindow.skippedChunkRan = 'it ran'\n\n"
            + "%% js\n\n" + "%% raw\n" + Data.ROWS + "</script>\n<div id='page'></div>\n"
            + "<script src='https://iodide.io/dist/iodide.pyodide-20180605.js'></script>\n</body>\n</html>\n";

    /**
     * Data kept in a raw chunk, as the gallery's eviction notebook keeps 680 KB of it: a page this
     * size overflowed the stack of the browser build's regex engine when the notebook was searched
     * for with a regular expression.
     */
    private static final class Data {
        static final String ROWS = rows();

        private static String rows() {
            StringBuilder rows = new StringBuilder("date,neighborhood,count\n");
            for (int i = 0; rows.length() < 600_000; i++) {
                rows.append("2018-").append(1 + i % 12).append('-').append(1 + i % 28).append(",Mission,").append(i % 97).append('\n');
            }
            return rows.toString();
        }
    }

    /** What {@link #IODIDE_PAGE} opens as. */
    static final String IODIDE_PAGE_OPENED = "%% raw\n{\n  \"title\": \"Squares\",\n  \"lastExport\": \"2018-05-04T17:13:00.489Z\"\n}\n\n"
            + "%% md\n# Squares, from Python and JavaScript\n\n"
            + "%% plugin\n{\n  \"languageId\": \"py\",\n  \"displayName\": \"python\",\n"
            + "  \"url\": \"https://iodide.io/pyodide-demo/pyodide.js\",\n  \"module\": \"pyodide\",\n"
            + "  \"evaluator\": \"runPython\",\n  \"pluginType\": \"language\"\n}\n\n"
            + "%% fetch\njs: squares.js\n\n"
            + "%% py\nimport sys\nsquares = [n * n for n in range(1, 4)]\nf'{sys.version_info.major}: {squares}'\n\n"
            + "%% js\nsquareAll([1, 2, 3]).join(' ')\n\n"
            + "%% js skipRunAll\nwindow.skippedChunkRan = 'it ran'\n\n"
            + "%% js\n\n" + "%% raw\n" + Data.ROWS;

    /** Iodide's way of reading Python from JavaScript: pyimport of a global, synchronously (its python.html example). */
    static final String PYIMPORT = "%% md\n# Decoding\n%% py\nsecret = 'khoor'\n"
            + "decoded = ''.join(chr(ord(c) - 3) for c in secret)\n"
            + "%% js\nvar fromPython = pyodide.pyimport('decoded')\nfromPython + ' ' + pyodide.globals.get('secret')\n";

    /** Runs at once when shown in the report view (if trusted): its only output is in the report. */
    static final String AUTO = "%% md\n# Report view\n%% js\niodide.output.text('ran in the report view');\n";

    @TempDir
    static Path elsewhere;
    private static SiteServer otherServer;

    private NotebookPage page;

    @BeforeAll
    static void serveNotebooksFromElsewhere() throws IOException {
        Files.writeString(elsewhere.resolve("gallery.iomd"), GALLERY, StandardCharsets.UTF_8);
        Files.writeString(elsewhere.resolve("auto.iomd"), AUTO, StandardCharsets.UTF_8);
        Files.writeString(elsewhere.resolve("squares.html"), IODIDE_PAGE, StandardCharsets.UTF_8);
        Files.writeString(elsewhere.resolve("squares.js"), "function squareAll(xs) { return xs.map(x => x * x); }\n",
                StandardCharsets.UTF_8);
        Files.writeString(elsewhere.resolve("squares.jsmd"), IODIDE_PAGE.substring(IODIDE_PAGE.indexOf("%% meta"),
                IODIDE_PAGE.indexOf("</script>")), StandardCharsets.UTF_8);
        Files.writeString(elsewhere.resolve("code-first.iomd"), "%% py\n1 + 1\n%% md\n## Second\n", StandardCharsets.UTF_8);
        Files.writeString(elsewhere.resolve("pyimport.iomd"), PYIMPORT, StandardCharsets.UTF_8);
        Files.writeString(elsewhere.resolve("prose.html"), "<!DOCTYPE html><title>Prose</title><p>No notebook here.</p>"
                + "<script>var x = 1;</script>", StandardCharsets.UTF_8);
        Files.writeString(elsewhere.resolve("index.html"), "<!DOCTYPE html><title>Notebooks</title>", StandardCharsets.UTF_8);
        otherServer = SiteServer.start(elsewhere, 0);
    }

    @AfterAll
    static void stopOtherServer() {
        if (otherServer != null) {
            otherServer.close();
        }
    }

    @BeforeEach
    void freshPage() {
        page = SITE.notebookPage().clearLocalStorage();
    }

    private WebDriver driver() {
        return SITE.browser().driver();
    }

    private String linkTo(String file) {
        return otherServer.uri().resolve(file).toString();
    }

    private <T> T inReportWhen(Function<WebDriver, T> condition) {
        return page.inReport(driver -> new WebDriverWait(driver, NotebookPage.PYTHON).until(condition));
    }

    @Test
    void anIodideNotebookFromALinkWorksAfterRun() {
        page.openWith("?notebook=" + linkTo("gallery.iomd"));
        inReportWhen(d -> d.findElement(By.id("bump")).isDisplayed());
        assertTrue(inReportWhen(d -> d.findElement(By.cssSelector("#report h1")).getText()).contains("\u25b6"),
                "the :arrow_forward: shortcode renders as the emoji");

        // Untrusted: the handlers are gone and clicking does nothing.
        String handler = page.inReport(d -> d.findElement(By.id("inline")).getDomAttribute("onclick"));
        assertNull(handler, "the onclick attribute is removed");
        page.inReport(d -> {
            d.findElement(By.id("inline")).click();
            return null;
        });
        awaitKernelIdle();
        assertEquals("0", page.inReport(d -> d.findElement(By.id("count")).getText()), "no handler ran before Run");

        page.click("run-all");
        String text = inReportWhen(d -> d.findElement(By.cssSelector(".report-output .iodide-output-text")).getText());
        assertEquals("hello from iodide.output", text);
        assertEquals("filled by the chunk", inReportWhen(d -> d.findElement(By.id("made-by-code")).getText()));
        List<String> order = page.inReport(d -> d.findElements(By.cssSelector("#report > *")).stream()
                .map(element -> element.getDomAttribute("class")).toList());
        assertEquals(List.of("report-chunk", "report-output", "report-chunk"), order,
                "the output sits between the markdown before and after its chunk");

        page.inReport(d -> {
            d.findElement(By.id("bump")).click();
            d.findElement(By.id("bump")).click();
            return null;
        });
        assertEquals("2", inReportWhen(d -> {
            String count = d.findElement(By.id("count")).getText();
            return count.equals("0") ? null : count;
        }), "the onclick button runs the notebook's function once trusted");
    }

    @Test
    void aPageIodideSavedOpensConvertedAndRunsAllWithTheBuiltInPython() {
        page.openWith("?notebook=" + linkTo("squares.html"));
        new WebDriverWait(driver(), SHORT).until(d -> page.editorText().equals(IODIDE_PAGE_OPENED));
        assertTrue(page.awaitNote("Opened squares.html, a web page holding a notebook, as an .iomd notebook").contains("never over the .html"));
        assertTrue(page.awaitNote("Written for Iodide: `%% code {\"language\":\"py\"}` became `%% py` (line 23)")
                .endsWith("."));
        page.awaitNote("Written for Iodide: `%% resource` became `%% fetch` (line 20)");
        page.awaitNote("The plugin chunk on line 10 defines the language py, which Jodide has built in: it loads nothing here.");
        assertTrue(driver().findElement(By.id("trust-banner")).isDisplayed(), "a page from elsewhere is untrusted");
        inReportWhen(d -> d.findElement(By.cssSelector("#report h1")).getText().equals("Squares, from Python and JavaScript"));

        page.click("run-all");
        NotebookPage.ConsoleEntry plugin = page.awaitEntry(0);
        assertEquals("done", plugin.state(), "the plugin chunk does not stop Run All");
        assertTrue(plugin.output().contains("The language py is built into Jodide: this plugin chunk (python,"
                + " https://iodide.io/pyodide-demo/pyodide.js) loads nothing."), plugin.output());
        assertEquals("done", page.awaitEntry(1).state(), "the resource chunk, now a fetch chunk, loaded squares.js");
        assertEquals("'3: [1, 4, 9]'", page.awaitEntry(2).value(), "Jodide's own Python ran the code chunk");
        assertEquals("\"1 4 9\"", page.awaitEntry(3).value(), "the script the resource chunk named is there");
        awaitKernelIdle();
        assertEquals(5, page.consoleEntries().size(), "the chunk kept out of Run All did not run (the empty js chunk after it did)");
        assertNull(page.inReport(d -> ((JavascriptExecutor) d).executeScript("return window.skippedChunkRan;")));
    }

    @Test
    void aNotebookFromALinkTakesTheMarkdownOfTheNotebookBeforeItOutOfTheReport() {
        // The page shows its own notebook (markdown first) until the linked one has come.
        page.openWith("?notebook=" + linkTo("code-first.iomd"));
        inReportWhen(d -> d.findElement(By.cssSelector("#report h2")).getText().equals("Second"));
        assertEquals(List.of("Second"), page.inReport(d -> d.findElements(By.cssSelector("#report h1, #report h2")).stream()
                .map(WebElement::getText).toList()), "where the first chunk is no longer markdown, the old markdown is gone");
    }

    @Test
    void aJsmdFileOrADroppedPageOpensConvertedAndAPageWithoutANotebookIsRefusedKeepingTheText() {
        page.open();
        page.replaceText("%% md\n# Mine\n");
        driver().findElement(By.id("open-file")).sendKeys(elsewhere.resolve("prose.html").toString());
        String refused = page.awaitNote("Could not open prose.html: the page holds no notebook");
        assertTrue(refused.endsWith("add it with Files. The text shown is unchanged."), refused);
        assertEquals("%% md\n# Mine\n", page.editorText());

        page.dropFile("squares.html", IODIDE_PAGE);
        new WebDriverWait(driver(), SHORT).until(d -> page.editorText().equals(IODIDE_PAGE_OPENED));
        assertTrue(page.awaitNote("Opened squares.html, a web page holding a notebook, as an .iomd notebook")
                .contains("never over the .html"));
        page.replaceText("%% md\n# Mine\n");

        driver().findElement(By.id("open-file")).sendKeys(elsewhere.resolve("squares.jsmd").toString());
        new WebDriverWait(driver(), SHORT).until(d -> page.editorText().equals(IODIDE_PAGE_OPENED));
        assertTrue(page.awaitNote("Opened squares.jsmd, an Iodide notebook, as an .iomd notebook").contains("never over the .jsmd"));
        page.awaitNote("Written for Iodide: `%% meta` became `%% raw` (line 1).");
    }

    @Test
    void runningAChunkAgainReplacesWhatItWrote() {
        page.open();
        page.replaceText("%% js\niodide.output.text('run at ' + (window.runs = (window.runs || 0) + 1));\n");
        page.putCursorAt(3);
        assertEquals("done", page.runWithShiftEnter().state());
        page.putCursorAt(3);
        assertEquals("done", page.runWithShiftEnter().state());
        List<String> texts = page.inReport(d -> d.findElements(By.cssSelector(".iodide-output-text")).stream()
                .map(WebElement::getText).toList());
        assertEquals(List.of("run at 2"), texts);
    }

    /**
     * Values show as Iodide showed them: by the renderers the notebook added, or by their own
     * iodideRender(); a handler may render an element (a drawn canvas shows as its picture). In the
     * console and in the report, in place of the value; a renderer that throws is named.
     */
    @Test
    void valuesShowAsTheirRenderersAndIodideRenderSay() {
        page.open();
        page.replaceText("%% js\n"
                + "class Point { constructor(x, y) { this.x = x; this.y = y; }\n"
                + "  iodideRender() { return `<b class=\"point\">(${this.x}, ${this.y})</b>`; } }\n"
                + "new Point(3, 4)\n"
                + "%% js\n"
                + "iodide.addOutputHandler({\n"
                + "  shouldHandle: (value) => typeof value === 'object' && 'lat' in value,\n"
                + "  render: (value) => { const map = document.createElement('canvas'); map.width = 3; map.height = 2;\n"
                + "    map.getContext('2d').fillRect(0, 0, 3, 2); return map; },\n"
                + "});\n"
                + "({lat: 37.38, lon: -122.06})\n"
                + "%% js\n"
                + "iodide.addOutputRenderer({ shouldRender: (value) => value === 13, render: () => { throw new Error('unlucky'); } });\n"
                + "13\n"
                + "%% js\n"
                + "iodide\n");
        page.click("run-all");
        NotebookPage.ConsoleEntry point = page.awaitEntry(0);
        assertNull(point.value(), "the rich form replaces the value's description");
        WebElement display = point.element().findElement(By.cssSelector(".console-display"));
        assertEquals("text/html", display.getDomAttribute("data-mime-type"));
        assertEquals("(3, 4)", page.isolatedContent(display).findElement(By.cssSelector("b.point")).getText());

        NotebookPage.ConsoleEntry map = page.awaitEntry(1);
        assertNull(map.value());
        WebElement picture = page.isolatedContent(map.element().findElement(By.cssSelector(".console-display")))
                .findElement(By.tagName("img"));
        assertTrue(picture.getDomAttribute("src").startsWith("data:image/png;base64,"), "the canvas as drawn");
        assertEquals(3L, ((Number) page.script("return arguments[0].naturalWidth;", picture)).longValue());

        NotebookPage.ConsoleEntry unlucky = page.awaitEntry(2);
        assertEquals("13", unlucky.value(), "a renderer that throws is passed over");
        assertTrue(unlucky.output().contains("Output renderer 2 failed: Error: unlucky"), unlucky.output());

        NotebookPage.ConsoleEntry api = page.awaitEntry(3);
        assertTrue(api.value().contains("\"VERSION\":\"jodide\""), "the iodide global shows as its description: " + api.value());
        assertEquals("", api.output().strip(), "its names that throw when read are not a renderer that failed");

        assertEquals(List.of("(3, 4)"), page.inReport(d -> ((JavascriptExecutor) d).executeScript(
                "return [...document.querySelectorAll('.report-output .isolated-output')]"
                        + ".flatMap(host => [...window.jodideReportLibs.isolatedRoot(host).querySelectorAll('b.point')])"
                        + ".map(b => b.textContent);")), "the report shows the rendered value at the chunk's place");
    }

    /**
     * An array of records (rows as JSON or d3.csvParse give them) shows as a table, as in Iodide's data
     * table (and marimo's for a list of dicts), in the console and in the report: a column per key,
     * the values as text (markup in them stays text), and a caption with the counts; a Python list of
     * dicts read by a js chunk too. Other values keep their description.
     */
    @Test
    void anArrayOfRecordsShowsAsATable() {
        page.open();
        page.replaceText("%% js\n"
                + "[{city: 'Oslo', rain: 763}, {city: 'Rome', rain: 798, note: '<img src=x onerror=\"window.hostile = 1\">'}]\n"
                + "%% js\n"
                + "[1, 2, 3]\n"
                + "%% py\n"
                + "rain = [{'city': 'Lima', 'mm': 16}, {'city': 'Quito', 'mm': None}]  # None is undefined in JavaScript: an empty cell\n"
                + "%% js\n"
                + "jodide.python.get('rain')\n");
        page.click("run-all");
        NotebookPage.ConsoleEntry rows = page.awaitEntry(0);
        assertNull(rows.value(), "the table replaces the value's description");
        WebElement table = page.isolatedContent(rows.element().findElement(By.cssSelector(".console-display")))
                .findElement(By.cssSelector("table.jodide-records"));
        assertEquals("2 rows × 3 columns", table.findElement(By.tagName("caption")).getText());
        assertEquals(List.of("city|rain|note", "Oslo|763|", "Rome|798|<img src=x onerror=\"window.hostile = 1\">"), rowsOf(table));
        assertTrue(table.findElements(By.tagName("img")).isEmpty(), "markup in a value stays text");
        assertEquals("[1,2,3]", page.awaitEntry(1).value(), "an array of numbers keeps its description");
        NotebookPage.ConsoleEntry fromPython = page.awaitEntry(3);
        assertNull(fromPython.value(), "a Python list of dicts read by a js chunk is an array of records");
        assertEquals(List.of("city|mm", "Lima|16", "Quito|"), rowsOf(page.isolatedContent(fromPython.element()
                .findElement(By.cssSelector(".console-display")))));

        assertEquals(List.of("2 rows × 3 columns", "2 rows × 2 columns"), page.inReport(d -> ((JavascriptExecutor) d).executeScript(
                "return [...document.querySelectorAll('.report-output .isolated-output')]"
                        + ".flatMap(host => [...window.jodideReportLibs.isolatedRoot(host).querySelectorAll('table.jodide-records caption')])"
                        + ".map(caption => caption.textContent);")), "the report shows each table at its chunk's place");
        assertNull(page.inReport(d -> ((JavascriptExecutor) d).executeScript("return window.hostile;")), "nothing in a value ran");
    }

    /** The rows of the table in {@code output}, each its cells' text joined by "|" (an empty cell stays empty). */
    private static List<String> rowsOf(WebElement output) {
        return output.findElements(By.tagName("tr")).stream().map(row -> String.join("|", row.findElements(By.cssSelector("th, td"))
                .stream().map(cell -> cell.getDomProperty("textContent")).toList())).toList();
    }

    /**
     * Iodide's notebooks loaded packages from a js chunk before using them from Python; with Python in
     * the worker, where py chunks load what they import, that settles at once and the notebook goes on.
     */
    @Test
    void loadingPackagesFromAJsChunkAsIodideDidGoesOn() {
        page.open();
        page.replaceText("%% js\npyodide.loadPackage(['numpy', 'pandas'])\n%% py\n6 * 7\n");
        page.click("run-all");
        NotebookPage.ConsoleEntry loading = page.awaitEntry(0);
        assertEquals("done", loading.state());
        assertNull(loading.value(), "the promise settles with nothing, as a py chunk's imports load the packages");
        assertEquals("42", page.awaitEntry(1).value());
    }

    /**
     * A notebook whose js chunks reach Python synchronously, as Iodide's did, opens with Python on
     * the report's own thread (a worker cannot answer them), says so, and runs: its
     * {@code pyodide.pyimport("decoded")} reads the global, as Iodide's Pyodide did. The next
     * notebook that does not need it runs Python in a worker again.
     */
    @Test
    void aNotebookWhoseJsChunksReachPythonSynchronouslyRunsPythonOnTheReportsThread() {
        page.openWith("?notebook=" + linkTo("pyimport.iomd"));
        String note = page.awaitNote("call Python synchronously");
        assertTrue(note.contains("(line 7: pyodide.pyimport)") && note.contains("Stop restarts the kernel"), note);
        assertTrue(driver().getCurrentUrl().contains("python=main"), driver().getCurrentUrl());
        page.click("run-all");
        NotebookPage.ConsoleEntry javascript = page.awaitEntry(1);
        assertEquals("\"hello khoor\"", javascript.value(), javascript.error());

        // A reload keeps python=main in the address, still as the notebook's choice, not the user's.
        driver().navigate().refresh();
        page.awaitAppReady();
        page.dropFile("plain.iomd", "%% py\n6 * 7\n");
        page.awaitNote("Python runs in a worker again");
        assertFalse(driver().getCurrentUrl().contains("python="), driver().getCurrentUrl());
        assertEquals("42", page.runChunkWith("%% py\n6 * 7\n", "6 * 7").value());
    }

    @Test
    void iodideCallsJodideLacksSayWhichCall() {
        page.open();
        page.replaceText("%% js\niodide.environment.get('API_KEY')\n");
        page.putCursorAt(3);
        NotebookPage.ConsoleEntry entry = page.runWithShiftEnter();
        assertEquals("error", entry.state());
        assertTrue(entry.error().contains("iodide.environment.get is not supported in Jodide"), entry.error());
    }

    @Test
    void alertShowsAndPromptsAnswerReachesTheCode() {
        page.open();
        page.replaceText("%% js\nalert('Hello from the notebook');\n"
                + "window.answer = confirm('Go on?') ? prompt('Your name?') : 'declined';\n"
                + "window.answer\n");
        page.putCursorAt(3);
        int before = page.consoleEntries().size();
        page.pressShiftEnter();
        WebDriverWait wait = new WebDriverWait(driver(), SHORT);
        Alert alert = wait.until(ExpectedConditions.alertIsPresent());
        assertEquals("Hello from the notebook", alert.getText());
        alert.accept();
        Alert confirm = wait.until(ExpectedConditions.alertIsPresent());
        assertEquals("Go on?", confirm.getText());
        confirm.accept();
        Alert prompt = wait.until(ExpectedConditions.alertIsPresent());
        assertEquals("Your name?", prompt.getText());
        prompt.sendKeys("Ada");
        prompt.accept();
        assertEquals("\"Ada\"", page.awaitEntry(before).value());
    }

    @Test
    void markdownOfAnUntrustedNotebookStaysSanitized() {
        page.openWith("?notebook=" + linkTo("gallery.iomd"));
        inReportWhen(d -> d.findElement(By.id("inline")).isDisplayed());
        page.inReport(d -> {
            d.findElement(By.id("inline")).click();
            return null;
        });
        Object handlers = page.inReport(d -> ((JavascriptExecutor) d).executeScript(
                "return document.querySelectorAll('#report [onclick]').length;"));
        assertEquals(0L, handlers);
        assertEquals("0", page.inReport(d -> d.findElement(By.id("count")).getText()));
    }

    @Test
    void reportViewRunsATrustedNotebookAtOnce() {
        page.open();
        page.replaceText(AUTO);
        new WebDriverWait(driver(), SHORT).until(d -> "kept".equals(
                d.findElement(By.id("save-status")).getDomAttribute("data-state")));

        page.reopenWith("?view=report");
        assertEquals("ran in the report view",
                inReportWhen(d -> d.findElement(By.cssSelector(".iodide-output-text")).getText()));
        assertTrue(driver().findElements(By.id("trust-banner")).isEmpty(), "a trusted notebook asks nothing");
    }

    @Test
    void reportViewWaitsForTheReadersClickOnANotebookFromALink() {
        page.openWith("?view=report&notebook=" + linkTo("auto.iomd"));
        WebElement banner = new WebDriverWait(driver(), SHORT).until(d -> d.findElement(By.id("trust-banner")));
        assertTrue(banner.isDisplayed());
        assertTrue(banner.getText().startsWith("This notebook runs code"), banner.getText());
        inReportWhen(d -> d.findElement(By.cssSelector("#report h1")).isDisplayed());
        awaitKernelIdle();
        boolean nothingRan = page.inReport(d -> d.findElements(By.cssSelector(".iodide-output-text")).isEmpty());
        assertTrue(nothingRan, "nothing ran before the click");

        driver().findElement(By.id("trust-run")).click();
        assertEquals("ran in the report view",
                inReportWhen(d -> d.findElement(By.cssSelector(".iodide-output-text")).getText()));
        new WebDriverWait(driver(), SHORT).until(d -> d.findElements(By.id("trust-banner")).isEmpty());
    }

    @Test
    void reportViewOfALinkThatDoesNotLoadRunsNothingAndSaysWhy() {
        page.open();
        String pageText = page.editorText();

        page.openWith("?view=report&notebook=" + linkTo("missing.iomd"));
        WebElement error = new WebDriverWait(driver(), SHORT).until(d -> d.findElement(By.id("load-error-banner")));
        assertTrue(error.isDisplayed());
        assertTrue(error.getText().contains("missing.iomd") && error.getText().contains("HTTP 404"), error.getText());
        assertTrue(driver().findElements(By.id("trust-banner")).isEmpty(), "no Run button for a notebook that is not there");
        awaitKernelIdle();
        assertTrue(page.consoleEntries().isEmpty(), "the page's own text did not run");
        assertEquals(pageText, page.editorText(), "the editor keeps its text");
    }

    @Test
    void emojiShortcodesRender() {
        page.open();
        page.replaceText("%% md\nRun :arrow_forward: then :+1: but not `:smile:`\n");
        assertEquals("Run \u25b6 then \ud83d\udc4d but not :smile:",
                inReportWhen(d -> d.findElement(By.cssSelector("#report p")).getText()));
    }

    /** Python has loaded and nothing is queued: by now an automatic run would have happened. */
    private void awaitKernelIdle() {
        page.awaitKernelState("idle", NotebookPage.PYTHON);
    }
}

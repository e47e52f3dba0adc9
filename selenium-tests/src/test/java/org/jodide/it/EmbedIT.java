package org.jodide.it;

import org.jodide.browser.DirectDevTools;
import org.jodide.site.SiteServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cells embedded in a documentation page of another site with one script tag
 * ({@code <script src="SITE/embed.js" defer>}): the page's {@code <pre data-iomd="py|js|pycon">}
 * blocks become runnable, editable cells that share one Python kernel, and the page's own scripts,
 * globals and styles are left alone. The documentation page is served from a second
 * {@link SiteServer} (another port: another origin), cross-origin isolated as that server serves
 * everything, so Stop can interrupt Python in its worker.
 *
 * <p>The tests share one load of the documentation page, and so one kernel, in the order below
 * (Pyodide loads once per page); each runs the cells it needs that have not run yet, so any of them
 * also passes alone. The last one loads another page, for a fresh kernel.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmbedIT {
    @RegisterExtension
    static final SiteExtension SITE = new SiteExtension();

    /** The documentation page's cells, by their index in the page (document order). */
    private static final int DEFINES_X = 0;
    private static final int PRINTS_TWICE_X = 1;
    private static final int DIVIDES_BY_ZERO = 2;
    private static final int DOCTEST = 3;
    private static final int LOOPS = 4;
    private static final int PRINTS_X = 5;
    private static final int JAVASCRIPT = 6;
    private static final int DOCS_CELLS = 7;

    /**
     * The documentation page's blocks. The doctest's expected output ({@code item 1}, …) is not valid
     * Python: left in the code, it would fail. The loop ends by itself after 60 s: a loop that nothing
     * stops would keep a core busy (and could hang WebDriver) if Stop did not work, see
     * docs/architecture.md, "A worker ends with its frame".
     */
    private static final String DOCS_BLOCKS = ""
            + "<p>Define a variable:</p>\n"
            + "<pre data-iomd=\"py\">x = 21</pre>\n"
            + "<p>Use it in another block:</p>\n"
            + "<pre data-iomd=\"py\">print(x * 2)\nx * 2</pre>\n"
            + "<p>An error:</p>\n"
            + "<pre data-iomd=\"py\">def f():\n    return 1/0\nf()</pre>\n"
            + "<p>A doctest session:</p>\n"
            + "<pre data-iomd=\"pycon\">&gt;&gt;&gt; a = [1, 2, 3]\n"
            + "&gt;&gt;&gt; for n in a:\n"
            + "...     print(f'item {n}')\n"
            + "item 1\nitem 2\nitem 3\n"
            + "&gt;&gt;&gt; sum(a)\n6\n</pre>\n"
            + "<p>A loop that runs until stopped:</p>\n"
            + "<pre data-iomd=\"py\">import time\ngive_up = time.time() + 60\nwhile time.time() &lt; give_up: pass</pre>\n"
            + "<p>The variable again:</p>\n"
            + "<pre data-iomd=\"py\">print(x)</pre>\n"
            + "<p>JavaScript:</p>\n"
            + "<pre data-iomd=\"js\">const six = await Promise.resolve(6);\nconsole.log('logged', six);\nsix * 7</pre>\n";

    /**
     * The globals the test's own driver puts on a page at its first element lookup (chromedriver's and
     * Selenium's scripts; seen with Selenium 4.49 and chromedriver 156): not the embed's.
     */
    private static final List<String> WEBDRIVER_GLOBALS = List.of("ret_nodes", "se_exportedFunctionSymbol");

    /**
     * A page whose third cell needs the two before it, run in order; then a variable whose repr counts
     * its calls ({@link NotebookPage#WORKSPACE_PROBE}), and a cell that reads the count.
     */
    private static final String RUN_ABOVE_BLOCKS = ""
            + "<pre data-iomd=\"py\">x = 20</pre>\n"
            + "<pre data-iomd=\"py\">x = x + 1</pre>\n"
            + "<pre data-iomd=\"py\">print('\\x1b[1m' + str(x * 2) + '\\x1b[0m')</pre>\n"
            + "<pre data-iomd=\"py\">" + NotebookPage.WORKSPACE_PROBE.replaceFirst("^%% py\n", "").strip() + "</pre>\n"
            + "<pre data-iomd=\"py\">Probe.previews</pre>\n";
    private static final int RUN_ABOVE_CELLS = 5;
    private static final int DEFINES_PROBE = 3;
    private static final int READS_PREVIEWS = 4;

    /**
     * A page with a strict Content-Security-Policy that allows only the Jodide site's scripts and
     * frames (docs/embed.md, "A page with a Content-Security-Policy"): a value, a rich HTML display.
     * It notes every violation the browser reports.
     */
    private static final String CSP_BLOCKS = ""
            + "<pre data-iomd=\"py\">1 + 1</pre>\n"
            + "<pre data-iomd=\"py\">class Badge:\n    def _repr_html_(self):\n        return '&lt;b&gt;rich&lt;/b&gt;'\nBadge()</pre>\n";

    /** A notebook on the strict page: its policy refuses WebAssembly and fetches from the site. */
    private static final String CSP_NOTEBOOK = "<script type=\"text/iomd\">\n%% md\n# Strict *markdown*\n%% py\nx = 1\n</script>\n";

    /**
     * On a page that is not cross-origin isolated, Stop restarts Python: a loop, then a cell that needs
     * x. The loop ends by itself after 6 s: the frame that Stop removed goes on running it, and the new
     * frame, in the same process, starts only after it (StopFallbackIT sees the same in the editor).
     */
    private static final String PLAIN_BLOCKS = ""
            + "<pre data-iomd=\"py\">x = 21</pre>\n"
            + "<pre data-iomd=\"py\">import time\ngive_up = time.time() + 6\nwhile time.time() &lt; give_up: pass</pre>\n"
            + "<pre data-iomd=\"py\">print(x)</pre>\n";

    /**
     * A page of notebooks: one written in the page (markdown with math, a py chunk, a css chunk that
     * must not restyle the page), one fetched from the page's site that needs the first one's variable
     * (one kernel for the page), one whose URL is missing, a markdown block with hostile HTML, and a
     * cell that asks for a line with {@code input()}.
     */
    private static final String NOTEBOOK_BLOCKS = ""
            + "<script type=\"text/iomd\">\n"
            + "%% md\n"
            + "# Growth *rates*\n"
            + "Compound growth is $(1 + r)^n$.\n"
            + "%% py\n"
            + "rate = 0.05\n"
            + "%% css\n"
            + "body { background: rgb(0, 0, 255); }\n"
            + "</script>\n"
            + "<p>Between the notebooks.</p>\n"
            + "<div data-iomd-src=\"growth.iomd\"></div>\n"
            + "<div data-iomd-src=\"missing.iomd\"></div>\n"
            + "<pre data-iomd=\"md\">**Hostile** &lt;img src=x onerror=\"window.hostileRan = 1\"&gt;"
            + "&lt;script&gt;window.hostileRan = 2&lt;/script&gt;</pre>\n"
            + "<pre data-iomd=\"py\">name = input('Your name? ')\nprint('Hello, ' + name)</pre>\n";

    /** The notebook the page fetches: it uses {@code rate}, which the page's first notebook defines. */
    private static final String GROWTH_NOTEBOOK = "%% md\n## Ten years\n%% py\nprint(round(100 * (1 + rate) ** 10, 2))\n";

    /** A page whose script tag chooses MicroPython for its cells. */
    private static final String MICROPYTHON_BLOCKS = ""
            + "<pre data-iomd=\"py\">import sys\nname = sys.implementation.name\nprint('running on', name)</pre>\n"
            + "<pre data-iomd=\"py\">name.upper()</pre>\n";

    private static final Duration SHORT = Duration.ofSeconds(10);

    /** A page whose second cell names what the first defines: completion and help come from the page's kernel. */
    private static final String NAMES_BLOCKS = ""
            + "<pre data-iomd=\"py\">def circle_area(r):\n    \"\"\"The area of a circle of radius r.\"\"\"\n"
            + "    return 3.14159 * r * r</pre>\n"
            + "<pre data-iomd=\"py\">circle_ar</pre>\n";

    private static Path hostRoot;
    private static SiteServer host;
    /** The same documentation site without cross-origin isolation (a plain static host). */
    private static SiteServer plainHost;
    private static String docsUrl;
    private static String runAboveUrl;

    @BeforeAll
    static void startTheDocumentationSite() throws IOException {
        hostRoot = Files.createTempDirectory("jodide-embedding-host-");
        // SiteServer serves a folder with an index.html only.
        Files.writeString(hostRoot.resolve("index.html"), "documentation site");
        Files.writeString(hostRoot.resolve("docs.html"), hostPage("Embedded cells", DOCS_BLOCKS));
        Files.writeString(hostRoot.resolve("run-above.html"), hostPage("Run all cells above", RUN_ABOVE_BLOCKS));
        Files.writeString(hostRoot.resolve("csp.html"), strictPolicyPage(CSP_BLOCKS));
        Files.writeString(hostRoot.resolve("csp-notebook.html"), strictPolicyPage(CSP_NOTEBOOK));
        Files.writeString(hostRoot.resolve("plain.html"), hostPage("A page that is not isolated", PLAIN_BLOCKS));
        Files.writeString(hostRoot.resolve("notebooks.html"), hostPage("Notebooks in a page", NOTEBOOK_BLOCKS));
        Files.writeString(hostRoot.resolve("growth.iomd"), GROWTH_NOTEBOOK);
        Files.writeString(hostRoot.resolve("names.html"), hostPage("Names in cells", NAMES_BLOCKS));
        Files.writeString(hostRoot.resolve("micropython.html"), hostPage("Cells on MicroPython", MICROPYTHON_BLOCKS)
                .replace("embed.js\" defer>", "embed.js\" data-jodide-python=\"micropython\" defer>"));
        host = SiteServer.start(hostRoot, 0);
        plainHost = SiteServer.start(hostRoot, 0, SiteServer.Isolation.NONE);
        docsUrl = host.uri() + "docs.html";
        runAboveUrl = host.uri() + "run-above.html";
    }

    /** A page whose policy allows scripts and frames of the Jodide site only (and its own script, by nonce). */
    private static String strictPolicyPage(String blocks) {
        String site = SITE.uri().toString().replaceAll("/$", "");
        return "<!DOCTYPE html>\n"
                + "<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Strict policy</title>\n"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'nonce-host' " + site
                + "; frame-src " + site + "\">\n"
                + "<script nonce=\"host\">\n"
                + "  window.cspViolations = [];\n"
                + "  document.addEventListener('securitypolicyviolation', (event) =>"
                + " window.cspViolations.push(event.violatedDirective + ' ' + event.blockedURI));\n"
                + "</script>\n"
                + "<script src=\"" + SITE.uri() + "embed.js\" defer></script>\n"
                + "</head><body>\n" + blocks + "</body></html>\n";
    }

    @AfterAll
    static void stopTheDocumentationSite() throws IOException {
        if (host != null) {
            host.close();
        }
        if (plainHost != null) {
            plainHost.close();
        }
        try (var files = Files.list(hostRoot)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(hostRoot);
    }

    /**
     * A documentation page holding {@code blocks}, with what the embed must leave alone: a global
     * ({@code hostValue}), a button whose handler counts clicks ({@code hostClicks}), styles that would
     * hide or restyle the cells' buttons, code and boxes if they reached them, a plain {@code <pre>} that
     * is no cell, and a spacer that makes the page scroll. The last inline script notes the window's
     * own property names before the deferred embed script runs ({@code hostGlobalsBefore}).
     */
    private static String hostPage(String title, String blocks) {
        return "<!DOCTYPE html>\n"
                + "<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title + "</title>\n"
                + "<style>\n"
                + "  p, pre, div { font-family: monospace !important; color: rgb(255, 0, 0) !important;"
                + " border: 5px solid red !important; }\n"
                + "  button { display: none !important; }\n"
                + "  #host-button { display: inline-block !important; }\n"
                + "</style>\n"
                + "<script>\n"
                + "  window.hostValue = 42;\n"
                + "  window.hostClicks = 0;\n"
                + "</script>\n"
                + "<script src=\"" + SITE.uri() + "embed.js\" defer></script>\n"
                + "</head><body>\n"
                + "<h1>" + title + "</h1>\n"
                + "<p id=\"host-paragraph\">The documentation's own text.</p>\n"
                + "<button id=\"host-button\" type=\"button\">Host button</button>\n"
                + "<button id=\"host-hidden-button\" type=\"button\">Hidden by the host's styles</button>\n"
                + "<pre id=\"host-pre\">plain = 'a block of the page, no cell'</pre>\n"
                + blocks
                + "<div id=\"spacer\" style=\"height: 3000px\">The end of the page.</div>\n"
                + "<script>\n"
                + "  document.getElementById('host-button').addEventListener('click', () => { window.hostClicks += 1; });\n"
                + "  window.hostGlobalsBefore = null;\n"
                + "  window.hostGlobalsBefore = Object.getOwnPropertyNames(window);\n"
                + "</script>\n"
                + "</body></html>\n";
    }

    private static WebDriver driver() {
        return SITE.browser().driver();
    }

    /** The documentation page, loaded once for the tests that share it (again if a test left it). */
    private static EmbeddedCells docs() {
        if (docsUrl.equals(driver().getCurrentUrl())) {
            return new EmbeddedCells(driver()).awaitCells(DOCS_CELLS);
        }
        return EmbeddedCells.open(driver(), docsUrl, DOCS_CELLS);
    }

    /** Runs {@code x = 21} unless it ran already in this page's kernel. */
    private static void defineX(EmbeddedCells cells) {
        EmbeddedCells.Cell definesX = cells.cell(DEFINES_X);
        if ("idle".equals(definesX.state())) {
            definesX.runAndAwait();
        }
        assertEquals("done", definesX.state(), definesX.describe());
    }

    @Test
    @Order(1)
    void eachMarkedBlockBecomesACellWithItsButtonsAndALinkThatOpensThePagesCellsInJodide() {
        EmbeddedCells cells = docs();
        assertEquals(List.of("py", "py", "py", "pycon", "py", "py", "js"),
                IntStream.range(0, cells.count()).mapToObj(i -> cells.cell(i).language()).toList());
        assertEquals(0L, cells.script("return document.querySelectorAll('pre[data-iomd]').length;"),
                "every marked block was replaced by its cell");
        assertEquals("plain = 'a block of the page, no cell'", cells.script("return document.getElementById('host-pre').textContent;"),
                "an unmarked <pre> stays as it was");

        EmbeddedCells.Cell first = cells.cell(DEFINES_X);
        assertEquals("idle", first.state(), "nothing runs before the reader asks: " + first.describe());
        assertEquals(List.of("Run", "Stop", "Run all cells above", "Restart", "Open in Jodide"),
                first.controls().stream().map(control -> control.getDomProperty("textContent").strip()).toList());
        assertTrue(first.code().contains("x = 21"), first.describe());

        String index = SITE.uri() + "index.html#iomd=";
        String href;
        try {
            href = new WebDriverWait(driver(), Duration.ofSeconds(20)).until(d -> {
                String link = first.openLink().getDomAttribute("href");
                return link != null && link.startsWith(index) ? link : null;
            });
        } catch (TimeoutException e) {
            throw new AssertionError("\"Open in Jodide\" should link to " + index + "…, links to "
                    + first.openLink().getDomAttribute("href"), e);
        }
        String notebook = LinkedNotebooks.carried(href);
        assertTrue(notebook.contains("%% py\nx = 21\n%% py\nprint(x * 2)\nx * 2\n"),
                "the link carries the page's cells as a notebook: " + notebook);
    }

    @Test
    @Order(2)
    void twoCellsShareOneKernelSoALaterCellSeesAVariableAnEarlierOneDefined() {
        EmbeddedCells cells = docs();
        defineX(cells);
        EmbeddedCells.Cell printsTwiceX = cells.cell(PRINTS_TWICE_X).runAndAwait();
        assertEquals("done", printsTwiceX.state(), printsTwiceX.describe());
        assertTrue(printsTwiceX.stdout().contains("42"), "printed 42: " + printsTwiceX.describe());
        assertEquals("42", printsTwiceX.value().strip(), "shows the value 42: " + printsTwiceX.describe());
        // Python started from the files this page handed its frame, and ran: the documentation site's
        // own storage got nothing (no Cache Storage, IndexedDB, service worker or localStorage of its origin).
        Object stored = ((JavascriptExecutor) driver()).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "Promise.all([caches.keys(), indexedDB.databases(), navigator.serviceWorker.getRegistrations()])"
                + ".then(([names, databases, workers]) => done({caches: names, databases: databases.map((d) => d.name),"
                + " workers: workers.length, localStorage: localStorage.length}), (error) => done(String(error)));");
        assertEquals(Map.of("caches", List.of(), "databases", List.of(), "workers", 0L, "localStorage", 0L), stored,
                "the embedding page's storage");
    }

    /** A js cell may await at its top level, and what it logs on the console is its printed output. */
    @Test
    @Order(2)
    void aJavascriptCellAwaitsAtItsTopLevelAndPrintsWhatItLogs() {
        EmbeddedCells.Cell javascript = docs().cell(JAVASCRIPT).runAndAwait();
        assertEquals("done", javascript.state(), javascript.describe());
        assertEquals("logged 6\n", javascript.stdout(), javascript.describe());
        assertEquals("42", javascript.value().strip(), javascript.describe());
    }

    @Test
    @Order(3)
    void anErrorShowsItsPythonTracebackInTheCellWithTheCellsOwnLineNumbers() {
        EmbeddedCells.Cell divides = docs().cell(DIVIDES_BY_ZERO).runAndAwait();
        assertEquals("error", divides.state(), divides.describe());
        String traceback = divides.error();
        assertTrue(traceback.contains("ZeroDivisionError"), "the traceback names the error: " + divides.describe());
        assertTrue(traceback.contains("line 2"), "the traceback names the cell's line 2 (return 1/0): " + divides.describe());
        assertTrue(traceback.contains("File \"py cell 3\", line 2, in f"),
                "the traceback names the cell by its place in the page (the third): " + divides.describe());
    }

    @Test
    @Order(4)
    void aDoctestSessionRunsAsItsCodeWithoutPromptsOrExpectedOutput() {
        EmbeddedCells.Cell doctest = docs().cell(DOCTEST).runAndAwait();
        assertEquals("done", doctest.state(), doctest.describe());
        assertEquals("6", doctest.value().strip(), "the session's last expression, sum(a): " + doctest.describe());
        assertTrue(doctest.stdout().contains("item 1\nitem 2\nitem 3"), "the loop printed: " + doctest.describe());

        String code = doctest.code();
        assertTrue(code.contains("sum(a)") && code.contains("print(f'item {n}')"), "the cell shows the session's code: " + doctest.describe());
        assertFalse(code.contains(">>>") || code.contains("..."), "the prompts are stripped: " + doctest.describe());
        assertFalse(code.contains("item 1"), "the expected output is stripped: " + doctest.describe());
    }

    @Test
    @Order(5)
    void stopEndsARunawayCellWithKeyboardInterruptAndKeepsTheVariablesWhileThePageStaysScrollable() {
        EmbeddedCells cells = docs();
        assertEquals(Boolean.TRUE, cells.script("return self.crossOriginIsolated;"),
                "the documentation page is cross-origin isolated, so Stop can interrupt Python in its worker");
        defineX(cells);
        EmbeddedCells.Cell loop = cells.cell(LOOPS);
        loop.run();
        assertEquals("running", loop.awaitState(NotebookPage.PYTHON, "running", "done", "error"), loop.describe());

        // The page is the reader's while Python runs: it scrolls, its scripts run and it paints.
        cells.script("window.scrollTo(0, 0);");
        long before = System.nanoTime();
        Number scrolled = (Number) cells.script("window.scrollTo(0, 1500); return window.scrollY;");
        long scriptMillis = (System.nanoTime() - before) / 1_000_000;
        assertEquals(1500, scrolled.intValue(), "the page scrolls while a cell runs");
        assertTrue(scriptMillis < 5_000, "a page script answered in " + scriptMillis + " ms while a cell ran");
        assertEquals(Boolean.TRUE, ((JavascriptExecutor) driver()).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; requestAnimationFrame(() => done(true));"),
                "the page paints while a cell runs");
        assertEquals("running", loop.state(), "the loop is still running: " + loop.describe());

        assertTrue(loop.stopButton().isDisplayed(),
                "a running cell shows Stop, whatever the page's `button { display: none }`: " + loop.describe());
        long clicked = System.nanoTime();
        loop.stop();
        loop.awaitState(Duration.ofSeconds(30), "done", "error");
        System.out.println("Stop to the embedded cell's error state, as the test sees it: "
                + (System.nanoTime() - clicked) / 1_000_000 + " ms");
        assertEquals("error", loop.state(), "Stop ended the loop (it would end by itself after 60 s): " + loop.describe());
        assertTrue(loop.error().contains("KeyboardInterrupt"), "Stop raised KeyboardInterrupt: " + loop.describe());
        assertFalse(loop.error().contains("restarted"), "Stop interrupted, it did not restart the kernel: " + loop.describe());

        EmbeddedCells.Cell printsX = cells.cell(PRINTS_X).runAndAwait();
        assertEquals("done", printsX.state(), printsX.describe());
        assertTrue(printsX.stdout().contains("21"), "x survived the Stop: " + printsX.describe());
    }

    @Test
    @Order(6)
    void thePagesOwnScriptsGlobalsAndStylesAreLeftAloneAndItsStylesDoNotReachTheCells() {
        EmbeddedCells cells = docs();
        defineX(cells);

        assertEquals(42L, cells.script("return window.hostValue;"), "the page's global keeps its value");
        // A frame in the page's own tree would add an index ("0") to window's own properties and shift
        // the page's window.frames: the kernel's frame must not (one in a shadow tree does not).
        @SuppressWarnings("unchecked")
        List<String> added = (List<String>) cells.script("const before = new Set(window.hostGlobalsBefore);"
                + "return Object.getOwnPropertyNames(window).filter(name => !before.has(name) && !arguments[0].includes(name));",
                WEBDRIVER_GLOBALS);
        assertEquals(List.of("jodideEmbed"), added, "the only global the embed adds");

        long clicks = (Long) cells.script("return window.hostClicks;");
        driver().findElement(By.id("host-button")).click();
        assertEquals(clicks + 1, cells.script("return window.hostClicks;"), "the page's own click handler still runs");

        assertEquals(List.of("rgb(255, 0, 0)", "monospace"), cells.script(
                "const style = getComputedStyle(document.getElementById('host-paragraph')); return [style.color, style.fontFamily];"),
                "the page's styles still apply to the page");
        assertFalse(driver().findElement(By.id("host-hidden-button")).isDisplayed(), "the page's button rule hides the page's buttons");

        for (int i = 0; i < cells.count(); i++) {
            EmbeddedCells.Cell cell = cells.cell(i);
            // Stop shows only while a cell runs (the runaway loop's test clicks it then).
            for (WebElement control : List.of(cell.runButton(), cell.runAboveButton(), cell.restartButton(), cell.openLink())) {
                assertTrue(control.isDisplayed(), "the page's `button { display: none }` does not reach the cell's "
                        + control.getDomProperty("textContent").strip() + ": " + cell.describe());
            }
        }
    }

    @Test
    @Order(7)
    void runAllCellsAboveOnAFreshPageRunsTheEarlierCellsInOrderThenThisOne() {
        EmbeddedCells cells = EmbeddedCells.open(driver(), runAboveUrl, RUN_ABOVE_CELLS);
        for (int i = 0; i < RUN_ABOVE_CELLS; i++) {
            assertEquals("idle", cells.cell(i).state(), "nothing ran on the fresh page: " + cells.cell(i).describe());
        }
        EmbeddedCells.Cell last = cells.cell(2);
        last.runAbove();

        // x = 20, then x = x + 1: only both, in this order, make the last cell print 42.
        for (int i = 0; i < 2; i++) {
            EmbeddedCells.Cell above = cells.cell(i);
            above.awaitState(NotebookPage.PYTHON, "done", "error");
            assertEquals("done", above.state(), "the cell above ran: " + above.describe());
        }
        try {
            last.awaitState(Duration.ofSeconds(30), "done", "error");
        } catch (AssertionError e) {
            throw new AssertionError("after the cells above, the cell whose \"Run all cells above\" was clicked runs too: "
                    + e.getMessage(), e);
        }
        assertEquals("done", last.state(), last.describe());
        assertEquals("42\n", last.stdout(), "the cells above ran in order before it: " + last.describe());
        assertEquals("700", cells.script("return getComputedStyle(arguments[0].shadowRoot.querySelector('.out-stdout span')).fontWeight;", last.host()),
                "its escape codes print it in bold: " + last.describe());
    }

    /**
     * A page of cells has no workspace pane, so its kernel lists no variables: a listing previews
     * every global (docs/architecture.md, "The workspace is listed when runs pause"), work nobody
     * would see. After the runs have paused for ten times the quiet time a listing waits for, a
     * variable whose repr counts its calls was never previewed.
     */
    @Test
    @Order(8)
    void aPageOfCellsListsNoVariablesSoNoReprRunsUnseen() throws InterruptedException {
        EmbeddedCells cells = runAboveUrl.equals(driver().getCurrentUrl())
                ? new EmbeddedCells(driver()).awaitCells(RUN_ABOVE_CELLS)
                : EmbeddedCells.open(driver(), runAboveUrl, RUN_ABOVE_CELLS);
        EmbeddedCells.Cell probe = cells.cell(DEFINES_PROBE).runAndAwait();
        assertEquals("done", probe.state(), probe.describe());
        NotebookPage.waitLongerThanAListingWould();
        EmbeddedCells.Cell previews = cells.cell(READS_PREVIEWS).runAndAwait();
        assertEquals("done", previews.state(), previews.describe());
        assertEquals("0", previews.value().strip(), "no listing previewed the variable: " + previews.describe());
    }

    @Test
    @Order(9)
    void aPageWithAStrictPolicyThatAllowsTheSiteRunsCellsAndShowsRichOutput() {
        EmbeddedCells cells = EmbeddedCells.open(driver(), host.uri() + "csp.html", 2);
        EmbeddedCells.Cell sum = cells.cell(0).runAndAwait();
        assertEquals("2", sum.value().strip(), sum.describe());
        EmbeddedCells.Cell badge = cells.cell(1).runAndAwait();
        assertEquals("done", badge.state(), badge.describe());
        assertEquals(1L, cells.script("return arguments[0].shadowRoot"
                + ".querySelectorAll('.jodide-output [data-mime-type=\"text/html\"]').length;", badge.host()),
                "the rich display shows as HTML: " + badge.describe());
        @SuppressWarnings("unchecked")
        List<String> violations = (List<String>) cells.script("return window.cspViolations;");
        // The page's fetches of Pyodide's files for the kernel's frame are refused (no connect-src): the frame fetches them itself.
        assertEquals(List.of(), violations.stream().filter(violation -> !violation.startsWith("connect-src " + SITE.uri())).toList(),
                "the embed needs nothing else the policy does not allow (script-src and frame-src of the site)");
        assertEquals(List.of(), cells.script("return performance.getEntriesByType('resource')"
                + ".map((e) => new URL(e.name).pathname.split('/').pop()).filter((name) => name.startsWith('markdown'));"),
                "a page of cells that shows no markdown does not download the markdown renderer");
    }

    /**
     * On a page that is not isolated Python runs on the kernel frame's own thread. The page (another
     * process) stays scrollable, but chromedriver waits for every frame of the page, so while the loop
     * runs the page is driven through DevTools directly ({@link DirectDevTools}), as a user's input
     * would reach it.
     */
    @Test
    @Order(10)
    void onAPageThatIsNotIsolatedStopRestartsPythonAndSaysSoWhileThePageStaysScrollable() throws InterruptedException {
        EmbeddedCells cells = EmbeddedCells.open(driver(), plainHost.uri() + "plain.html", 3);
        assertEquals(Boolean.FALSE, cells.script("return window.crossOriginIsolated;"), "the plain page is not isolated");
        cells.cell(0).runAndAwait();
        String loop = "document.querySelectorAll('.jodide-cell')[1]";
        try (DirectDevTools devTools = new DirectDevTools(SITE.browser().driver())) {
            devTools.evaluate(loop + ".shadowRoot.querySelector('.jodide-run').click()");
            devTools.awaitTrue(loop + ".dataset.state === 'running'", NotebookPage.PYTHON);
            assertTrue(((String) devTools.evaluate(loop + ".shadowRoot.querySelector('.jodide-stop').title")).contains("restarting"),
                    "the Stop button says it restarts Python");
            devTools.evaluate("window.scrollTo(0, 1500)");
            assertTrue(((Number) devTools.evaluate("window.scrollY")).doubleValue() > 0,
                    "the page scrolls while Python loops (on the frame's thread, in another process)");
            devTools.evaluate(loop + ".shadowRoot.querySelector('.jodide-stop').click()");
            devTools.awaitTrue(loop + ".dataset.state === 'error'", NotebookPage.PYTHON);
        }
        EmbeddedCells.Cell stopped = cells.cell(1);
        assertTrue(stopped.error().contains("variables are lost"), "the cell says Python restarted: " + stopped.describe());
        EmbeddedCells.Cell needsX = cells.cell(2).runAndAwait();
        assertTrue(needsX.error().contains("NameError"), "a restarted Python has no x: " + needsX.describe());
    }

    /**
     * Notebooks in a page: their markdown renders (math too, with KaTeX's style sheet from the Jodide
     * site), their code chunks become cells of the page's one kernel, a chunk that does not run in a
     * page says so and leaves the page alone, a missing notebook says why where it would be, hostile
     * markdown is sanitized, {@code input()} asks in the cell, and "Open in Jodide" on a notebook
     * carries the whole notebook.
     */
    @Test
    @Order(11)
    void notebooksInAPageRenderTheirMarkdownAndRunTheirCodeInThePagesKernel() {
        EmbeddedCells cells = EmbeddedCells.open(driver(), host.uri() + "notebooks.html", 3);
        assertEquals(List.of("py", "py", "py"), IntStream.range(0, 3).mapToObj(i -> cells.cell(i).language()).toList());
        assertEquals(4L, cells.script("return document.querySelectorAll('.jodide-notebook').length;"),
                "each notebook (in the page, fetched, missing, markdown) has its box");

        // The markdown, rendered in an isolated root (reportLibs.isolatedRoot reaches into it) once the
        // site's markdown renderer has loaded (the first markdown to show loads it).
        String markdown = "const box = document.querySelectorAll('.jodide-notebook')[arguments[0]];"
                + "return Array.from(box.shadowRoot.querySelectorAll('.isolated-output'))"
                + ".map(host => window.jodideEmbed.reportLibs.isolatedRoot(host));";
        @SuppressWarnings("unchecked")
        List<WebElement> first = new WebDriverWait(driver(), Duration.ofSeconds(20)).until(d -> {
            List<WebElement> shown = (List<WebElement>) cells.script(markdown, 0);
            return shown.isEmpty() ? null : shown;
        });
        assertEquals(List.of("markdown-runtime.js", "markdown.wasm"), cells.script("return performance.getEntriesByType('resource')"
                + ".map((e) => new URL(e.name).pathname.split('/').pop()).filter((name) => name.startsWith('markdown')).sort();"),
                "the page renders markdown with the WebAssembly build, loaded from the site");
        assertEquals(1, first.size(), "the first notebook's md chunk renders once");
        assertEquals("Growth rates", cells.script("return arguments[0].querySelector('h1').textContent;", first.get(0)));
        assertEquals("rates", cells.script("return arguments[0].querySelector('h1 em').textContent;", first.get(0)));
        assertEquals(Boolean.TRUE, cells.script("return !!arguments[0].querySelector('.katex');", first.get(0)),
                "the math renders with KaTeX");
        assertEquals(SITE.uri() + "katex/katex.min.css", cells.script(
                "return arguments[0].getRootNode().querySelector('link[rel=stylesheet]').href;", first.get(0)),
                "KaTeX's style sheet comes from the Jodide site, not the page's folder");
        String notes = (String) cells.script("return document.querySelector('.jodide-notebook').shadowRoot"
                + ".querySelector('.jodide-notebook-note').textContent;");
        assertTrue(notes.contains("%% css") && notes.contains("does not run"), "the css chunk is named, not applied: " + notes);
        assertEquals("rgba(0, 0, 0, 0)", cells.script("return getComputedStyle(document.body).backgroundColor;"),
                "the notebook's css chunk does not restyle the page");

        // The fetched notebook needs the first one's rate: one kernel for the page.
        @SuppressWarnings("unchecked")
        List<WebElement> fetched = (List<WebElement>) cells.script(markdown, 1);
        assertEquals("Ten years", cells.script("return arguments[0].querySelector('h2').textContent;", fetched.get(0)));
        assertEquals("done", cells.cell(0).runAndAwait().state(), cells.cell(0).describe());
        EmbeddedCells.Cell growth = cells.cell(1).runAndAwait();
        assertEquals("done", growth.state(), growth.describe());
        assertTrue(growth.stdout().contains("162.89"), "the fetched notebook's cell used rate: " + growth.describe());

        String missing = (String) cells.script("return document.querySelectorAll('.jodide-notebook')[2].shadowRoot"
                + ".querySelector('.jodide-notebook-status').textContent;");
        assertTrue(missing.contains("missing.iomd could not be read") && missing.contains("404"),
                "a missing notebook says why where it would be: " + missing);

        @SuppressWarnings("unchecked")
        List<WebElement> hostile = (List<WebElement>) cells.script(markdown, 3);
        assertEquals("Hostile", cells.script("return arguments[0].querySelector('strong').textContent;", hostile.get(0)));
        assertEquals(Boolean.TRUE, cells.script("return !arguments[0].querySelector('script, [onerror]');", hostile.get(0)),
                "the markdown's script and handler are sanitized away: "
                        + cells.script("return arguments[0].innerHTML;", hostile.get(0)));
        assertEquals(null, cells.script("return window.hostileRan;"), "no hostile code ran");

        // input(): the cell asks, the reader answers in the cell.
        EmbeddedCells.Cell asks = cells.cell(2);
        asks.run();
        WebElement field = new WebDriverWait(driver(), NotebookPage.PYTHON).until(d -> {
            List<WebElement> found = asks.host().getShadowRoot().findElements(By.cssSelector(".out-question input"));
            return found.isEmpty() ? null : found.get(0);
        });
        assertTrue(asks.output().contains("Your name?"), "the prompt shows: " + asks.describe());
        field.sendKeys("Ada\n");
        asks.awaitState(NotebookPage.PYTHON, "done", "error");
        assertEquals("done", asks.state(), asks.describe());
        assertTrue(asks.stdout().contains("Hello, Ada"), "input() got the line typed in the cell: " + asks.describe());

        // Open in Jodide on the first notebook: the whole notebook, its markdown and chunks that do not run here too.
        WebElement open = (WebElement) cells.script("return document.querySelector('.jodide-notebook').shadowRoot.querySelector('.jodide-open');");
        String index = SITE.uri() + "index.html#iomd=";
        String href = new WebDriverWait(driver(), Duration.ofSeconds(20)).until(d -> {
            String link = open.getDomAttribute("href");
            return link != null && link.startsWith(index) ? link : null;
        });
        String notebook = LinkedNotebooks.carried(href);
        assertTrue(notebook.startsWith("%% md\n# Growth *rates*\n") && notebook.contains("%% py\nrate = 0.05\n")
                && notebook.contains("%% css\nbody { background: rgb(0, 0, 255); }\n"),
                "the link carries the notebook: " + notebook);
        assertFalse(notebook.contains("Ten years"), "and that notebook only: " + notebook);
    }

    /**
     * A page whose policy allows the site's scripts but not WebAssembly (no {@code 'wasm-unsafe-eval'},
     * no {@code connect-src}) renders its notebooks' markdown with the JavaScript build, the same HTML.
     */
    @Test
    @Order(13)
    void aPageWhosePolicyRefusesWebAssemblyRendersMarkdownWithTheJavascriptBuild() {
        EmbeddedCells cells = EmbeddedCells.open(driver(), host.uri() + "csp-notebook.html", 1);
        String heading = new WebDriverWait(driver(), Duration.ofSeconds(20)).until(d -> (String) cells.script(
                "const host = document.querySelector('.jodide-notebook').shadowRoot.querySelector('.isolated-output');"
                        + "const heading = host && window.jodideEmbed.reportLibs.isolatedRoot(host).querySelector('h1');"
                        + "return heading ? heading.innerHTML : null;"));
        assertEquals("Strict <em>markdown</em>", heading);
        assertEquals("", cells.script("return document.querySelector('.jodide-notebook').shadowRoot"
                + ".querySelector('.jodide-notebook-status').textContent;"), "a fallback that works is no fault");
        @SuppressWarnings("unchecked")
        List<String> loaded = (List<String>) cells.script("return performance.getEntriesByType('resource')"
                + ".map((e) => new URL(e.name).pathname.split('/').pop()).filter((name) => name.startsWith('markdown'));");
        assertTrue(loaded.contains("markdown.js"), "the JavaScript build: " + loaded);
    }

    /** A page whose script tag says {@code data-jodide-python="micropython"} runs its cells with MicroPython, in one kernel. */
    @Test
    @Order(12)
    void aPageWhoseScriptChoosesMicroPythonRunsItsCellsThere() {
        EmbeddedCells cells = EmbeddedCells.open(driver(), host.uri() + "micropython.html", 2);
        assertEquals("MicroPython", cells.cell(0).find(".jodide-language").getDomProperty("textContent"),
                "the cell's badge names the page's Python");
        EmbeddedCells.Cell first = cells.cell(0).runAndAwait();
        assertEquals("done", first.state(), first.describe());
        assertTrue(first.stdout().contains("running on micropython"), first.describe());
        EmbeddedCells.Cell second = cells.cell(1).runAndAwait();
        assertEquals("'MICROPYTHON'", second.value().strip(), "the cells share MicroPython's variables: " + second.describe());
    }

    /**
     * A cell's editor highlights its Python, and completes names and shows help on them (Shift+Tab) as the notebook's editor does,
     * from the page's kernel: before any cell has run it says there is no kernel yet; once the cell
     * defining a function ran, the next cell completes its name and shows its docstring.
     */
    @Test
    @Order(14)
    void aCellCompletesNamesAndShowsHelpFromThePagesKernelOnceACellHasRun() {
        EmbeddedCells cells = EmbeddedCells.open(driver(), host.uri() + "names.html", 2);
        // The cells' languages arrive after their editors start (lazy-languages.js): then `def` is a styled keyword.
        new WebDriverWait(driver(), Duration.ofSeconds(30)).until(d -> (Boolean) cells.script(
                "return Array.from(arguments[0].shadowRoot.querySelectorAll('.cm-content span'))"
                        + ".some(span => span.textContent === 'def' && getComputedStyle(span).color !== getComputedStyle(span.parentElement).color);",
                cells.cell(0).host()));
        EmbeddedCells.Cell asking = cells.cell(1);
        WebElement code = new WebDriverWait(driver(), Duration.ofSeconds(30)).until(d -> {
            List<WebElement> found = asking.host().getShadowRoot().findElements(By.cssSelector(".cm-content"));
            return found.isEmpty() ? null : found.get(0);
        });
        code.click();
        code.sendKeys(Keys.chord(Keys.CONTROL, Keys.END));
        code.sendKeys(Keys.chord(Keys.SHIFT, Keys.TAB));
        assertEquals("No help yet: names come from the page's Python once a cell has run.",
                awaitShadowText(asking, ".cm-context-help"),
                "before any cell ran, there is no kernel to ask");
        code.sendKeys(Keys.ESCAPE);

        EmbeddedCells.Cell defining = cells.cell(0).runAndAwait();
        assertEquals("done", defining.state(), defining.describe());
        code.click();
        code.sendKeys(Keys.chord(Keys.CONTROL, Keys.END));
        code.sendKeys(Keys.chord(Keys.CONTROL, Keys.SPACE));
        String options = awaitShadowText(asking, ".cm-tooltip-autocomplete");
        assertTrue(options.contains("circle_area"), "completed from the kernel: " + options);
        code.sendKeys(Keys.ENTER);
        new WebDriverWait(driver(), SHORT).until(d -> asking.code().startsWith("circle_area"));
        code.sendKeys(Keys.chord(Keys.CONTROL, Keys.END));
        if (!asking.code().endsWith("(")) {
            code.sendKeys("(");
        }
        code.sendKeys(Keys.chord(Keys.SHIFT, Keys.TAB));
        String help = awaitShadowText(asking, ".cm-context-help");
        assertTrue(help.contains("The area of a circle of radius r."), help);
        assertTrue(help.contains("circle_area(r)"), "the signature: " + help);
    }

    /**
     * The kernel's frame has an opaque origin, which the browser gives no HTTP cache from one visit to
     * the next: the page fetches Pyodide's big files and the package index's files for it
     * (page/handed-frame.js: answerEmbeddedFrame), so that a revisit downloads neither again (the
     * site and the index, which send validators, are asked only whether they changed). The page's
     * script tag names the index ({@code data-jodide-package-index}).
     */
    @Test
    @Order(15)
    void aRevisitTakesPyodideAndThePackagesFromThePagesCacheInsteadOfDownloadingThemAgain(@TempDir Path index) throws Exception {
        try (SiteServer packages = LocalPackageIndex.serve(index)) {
            Files.writeString(hostRoot.resolve("packages.html"), hostPage("Packages", "<pre data-iomd=\"py\">" + LocalPackageIndex.CODE + "</pre>\n")
                    .replace("embed.js\" defer>", "embed.js\" data-jodide-package-index=\"" + packages.uri() + "\" defer>"));
            String url = host.uri() + "packages.html";
            EmbeddedCells.Cell first = EmbeddedCells.open(driver(), url, 1).cell(0).runAndAwait();
            assertEquals(LocalPackageIndex.GREETING_VALUE, first.value().strip(), first.describe());
            int siteDownloads = SITE.server().downloadedPaths().size();
            List<String> packageDownloads = packages.downloadedPaths();
            assertTrue(packageDownloads.contains("/" + LocalPackageIndex.WHEEL), packageDownloads.toString());

            EmbeddedCells.Cell second = EmbeddedCells.open(driver(), url, 1).cell(0).runAndAwait();
            assertEquals(LocalPackageIndex.GREETING_VALUE, second.value().strip(), second.describe());
            List<String> downloadedAgain = SITE.server().downloadedPaths();
            downloadedAgain = downloadedAgain.subList(siteDownloads, downloadedAgain.size());
            for (String big : List.of("/pyodide/pyodide.asm.wasm", "/pyodide/python_stdlib.zip", "/pyodide/python-snapshot.gz")) {
                assertFalse(downloadedAgain.contains(big), big + " was downloaded again: " + downloadedAgain);
            }
            List<String> asked = packages.answeredRequests();
            assertEquals(packageDownloads, packages.downloadedPaths(), "nothing of the index was downloaded again: " + asked);
            assertTrue(asked.contains("GET /" + LocalPackageIndex.WHEEL + " 304"), "the revisit asked whether the wheel changed: " + asked);
        }
    }

    /**
     * A documentation page has no console: what a cell's code prints or throws after its run ended
     * (a js timer's log and error, a Python task's print) shows under the cell it came from (a js
     * cell by its stack; Python's under the cell that ran last), and goes when that cell runs again
     * (the run after it shows only its own).
     */
    @Test
    @Order(16)
    void whatACellPrintsOrThrowsAfterItsRunShowsUnderIt() throws IOException {
        Files.writeString(hostRoot.resolve("later.html"), hostPage("Later", ""
                + "<pre data-iomd=\"js\">setTimeout(() => {\n  console.log('logged later');\n  throw new Error('thrown later');\n}, 100);\n'scheduled'</pre>\n"
                + "<pre data-iomd=\"py\">import asyncio\nasync def later():\n    await asyncio.sleep(0.1)\n    print('printed later')\n"
                + "task = asyncio.ensure_future(later())\n'started'</pre>\n"));
        EmbeddedCells cells = EmbeddedCells.open(driver(), host.uri() + "later.html", 2);
        EmbeddedCells.Cell timer = cells.cell(0).runAndAwait();
        assertEquals("done", timer.state(), timer.describe());
        new WebDriverWait(driver(), NotebookPage.PYTHON).withMessage(timer::describe).until(d -> timer.output().contains("thrown later"));
        assertEquals("logged later\n", timer.stdout(), timer.describe());
        assertTrue(timer.output().contains("Uncaught Error: thrown later"), timer.describe());

        EmbeddedCells.Cell task = cells.cell(1).runAndAwait();
        assertEquals("done", task.state(), task.describe());
        new WebDriverWait(driver(), NotebookPage.PYTHON).withMessage(task::describe).until(d -> task.stdout().contains("printed later"));
        assertFalse(timer.output().contains("printed later"), timer.describe());

        // The new run sets its timer again, which logs and throws once more 100 ms after the run: read
        // after that (a loaded machine may take longer than 100 ms to read), the output holds this
        // run's once, not the last run's as well.
        timer.runAndAwait();
        new WebDriverWait(driver(), NotebookPage.PYTHON).withMessage(timer::describe).until(d -> timer.output().contains("thrown later"));
        assertEquals("logged later\n", timer.stdout(), "a new run starts its output afresh: " + timer.describe());
        assertEquals(1, timer.output().split("Uncaught Error: thrown later", -1).length - 1, timer.describe());
    }

    /** The text of {@code cssSelector} in {@code cell}'s shadow root, once there. */
    private String awaitShadowText(EmbeddedCells.Cell cell, String cssSelector) {
        return new WebDriverWait(driver(), SHORT).until(d -> {
            List<WebElement> found = cell.host().getShadowRoot().findElements(By.cssSelector(cssSelector));
            String text = found.isEmpty() ? "" : found.get(0).getDomProperty("textContent");
            return text == null || text.isEmpty() ? null : text;
        });
    }
}

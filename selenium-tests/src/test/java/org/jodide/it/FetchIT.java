package org.jodide.it;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** fetch chunks: data lands in JS globals that Python reads; each failing line says why, on its line. */
class FetchIT {
    @RegisterExtension
    static final SiteExtension SITE = new SiteExtension();

    private NotebookPage page;

    @BeforeEach
    void openNotebook() {
        page = SITE.notebookPage().open();
    }

    @ParameterizedTest
    @EnumSource(PythonMode.class)
    void everyDataKindLandsInANamedVariableThatPythonAndJavascriptRead(PythonMode mode) {
        page = mode.open(SITE);
        page.replaceText("%% fetch\n"
                + "json: cities = examples/data/cities.json // a table\n"
                + "text: about = examples/data/about.txt\n"
                + "bytes: raw = examples/data/about.txt\n"
                + "arrayBuffer: buffer = examples/data/about.txt\n"
                + "blob: file = examples/data/about.txt\n"
                + "%% py\n"
                + "from js import cities, about, raw, buffer\n"
                + "rows = cities.to_py()\n"
                + "(len(rows), rows[0]['city'], about.split()[0], raw.to_bytes()[:11], buffer.byteLength)\n"
                + "%% js\n"
                + "file instanceof Blob && file.size === buffer.byteLength\n");
        page.click("run-all");
        NotebookPage.ConsoleEntry fetch = page.awaitEntry(0);
        assertNull(fetch.error(), fetch.output());
        assertTrue(fetch.output().contains("✓ line 2: json: cities = examples/data/cities.json"), fetch.output());
        NotebookPage.ConsoleEntry python = page.awaitEntry(1);
        assertNull(python.error());
        assertEquals("(5, 'Lagos', 'Populations', b'Populations', 68)", python.value());
        assertEquals("true", page.awaitEntry(2).value());
    }

    /**
     * Python reads a file by a relative URL as a js chunk would, next to the page: pyfetch, open_url
     * and js.fetch. In the worker they failed ("Failed to parse URL"): its base URL is a blob: URL.
     */
    @ParameterizedTest
    @EnumSource(PythonMode.class)
    void pythonFetchesARelativeUrlAsTheFrameDoes(PythonMode mode) {
        page = mode.open(SITE);
        page.replaceText("%% py\n"
                + "import js\nfrom pyodide.http import pyfetch, open_url\n"
                + "text = await (await pyfetch('examples/data/about.txt')).string()\n"
                + "through_js = await (await js.fetch('examples/data/about.txt')).text()\n"
                + "(text.split()[0], open_url('examples/data/about.txt').read() == text, through_js == text)\n");
        NotebookPage.ConsoleEntry python = page.runWithShiftEnter();
        assertEquals("('Populations', True, True)", python.value(), python.error());
    }

    @Test
    void aFailingLineShowsItsErrorTheOthersStillLoadAndLaterChunksWait() {
        page.replaceText("%% fetch\n"
                + "text: missing = examples/data/no-such-file.txt\n"
                + "text: about = examples/data/about.txt\n"
                + "json: broken = examples/data/about.txt\n"
                + "%% py\nprint('must not run')\n");
        page.click("run-all");
        NotebookPage.ConsoleEntry fetch = page.awaitEntry(0);
        assertEquals("error", fetch.state());
        String output = fetch.output();
        assertTrue(output.contains("✗ line 2: text: missing = examples/data/no-such-file.txt — HTTP 404"), output);
        assertTrue(output.contains("✓ line 3: text: about"), output);
        assertTrue(output.contains("✗ line 4: json: broken = examples/data/about.txt — bad JSON"), output);
        assertTrue(fetch.error().contains("2 of 3 fetch lines failed"), fetch.error());
        new WebDriverWait(SITE.browser().driver(), Duration.ofSeconds(10)).until(d ->
                d.findElements(By.cssSelector("#console .console-note")).size() == 1);
        assertEquals(1, page.consoleEntries().size(), "the py chunk after the failed fetch did not run");

        page.replaceText("%% js\nabout.length > 10 && typeof missing === 'undefined'\n");
        assertEquals("true", page.runWithShiftEnter().value());
    }

    @Test
    void linesAreReportedInLineOrderWhateverOrderTheyFinishIn() throws java.io.IOException {
        com.sun.net.httpserver.HttpServer slow = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        slow.createContext("/slow.txt", exchange -> {
            try {
                Thread.sleep(1500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = "late".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
            exchange.getResponseHeaders().set("Cross-Origin-Resource-Policy", "cross-origin");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        slow.start();
        try {
            page.replaceText("%% fetch\n"
                    + "text: late = http://127.0.0.1:" + slow.getAddress().getPort() + "/slow.txt\n"
                    + "text: about = examples/data/about.txt\n");
            NotebookPage.ConsoleEntry fetch = page.runWithShiftEnter();
            assertNull(fetch.error(), fetch.output());
            String output = fetch.output();
            int slowLine = output.indexOf("✓ line 2: text: late");
            int fastLine = output.indexOf("✓ line 3: text: about");
            assertTrue(slowLine >= 0 && fastLine > slowLine, "line 2, slow, is reported before line 3:\n" + output);
            String took = fetch.element().findElement(By.cssSelector(".console-time")).getDomAttribute("title");
            assertTrue(took.matches("Ran .*, took (1\\.[5-9]|[2-9]\\.\\d) s"), "timed in the frame until the slow line settled: " + took);
        } finally {
            slow.stop(0);
        }
    }

    @Test
    void badLinesGetADiagnosticWithLineAndColumnAndGoodLinesStillWork() {
        page.replaceText("%% fetch\nwget: x = a.txt\ntext: 1bad = a.txt\ntext: fine = examples/data/about.txt\n");
        NotebookPage.ConsoleEntry fetch = page.runWithShiftEnter();
        assertEquals("error", fetch.state());
        String output = fetch.output();
        assertTrue(output.contains("✗ line 2:1:"), output);
        assertTrue(output.contains("✗ line 3:"), output);
        assertTrue(output.contains("✓ line 4: text: fine"), output);
        assertTrue(fetch.error().contains("2 fetch lines are invalid"), fetch.error());
    }

    @Test
    void scriptAndStylesheetLinesAddThemToTheReport() {
        page.replaceText("%% fetch\njs: examples/data/bar-chart.js\ncss: examples/data/report.css\n"
                + "%% js\nconst box = document.createElement('div'); document.getElementById('report').appendChild(box);\n"
                + "drawBarChart(box, [{label: 'a', value: 2}, {label: 'b', value: 1}]);\n"
                + "getComputedStyle(box.firstChild).whiteSpace\n");
        page.click("run-all");
        assertNull(page.awaitEntry(0).error());
        assertEquals("\"nowrap\"", page.awaitEntry(1).value(), "the stylesheet applies to what the script drew");
    }
}

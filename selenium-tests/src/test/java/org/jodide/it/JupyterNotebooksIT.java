package org.jodide.it;

import org.jodide.site.SiteServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Jupyter notebooks in and out (docs/ipynb.md): an .ipynb picked with Open… or named by
 * {@code ?notebook=} opens as .iomd and runs (markdown with an attached image, Python cells starting
 * with IPython's cell magics {@code %%time} and {@code %%html}, a {@code %%javascript} cell as a js chunk); a broken one is refused saying where, the text
 * kept; Download .ipynb gives a notebook that Jupyter's nbformat validates and that opens again
 * as the same text.
 */
class JupyterNotebooksIT {
    @RegisterExtension
    static final SiteExtension SITE = new SiteExtension();

    private static final Duration SHORT = Duration.ofSeconds(10);
    /** A red pixel, as Jupyter attaches a pasted image to a markdown cell. */
    private static final String PIXEL = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==";
    /** In the style of a tutorial notebook saved by JupyterLab: outputs kept, a pasted image, magics. */
    private static final String ANALYSIS = """
            {
             "cells": [
              {
               "attachments": {
                "pixel.png": {
                 "image/png": "PIXEL"
                }
               },
               "cell_type": "markdown",
               "id": "3f1c",
               "metadata": {},
               "source": [
                "# Rainfall\\n",
                "Monthly totals, computed in the browser.\\n",
                "![pixel](attachment:pixel.png)"
               ]
              },
              {
               "cell_type": "code",
               "execution_count": 1,
               "id": "8a2d",
               "metadata": {},
               "outputs": [
                {
                 "data": {"text/plain": ["45"]},
                 "execution_count": 1,
                 "metadata": {},
                 "output_type": "execute_result"
                }
               ],
               "source": [
                "%%time\\n",
                "total = sum(range(10))\\n",
                "total"
               ]
              },
              {
               "cell_type": "code",
               "execution_count": 2,
               "id": "5e61",
               "metadata": {},
               "outputs": [],
               "source": [
                "%%html\\n",
                "<b class=\\"from-html\\">bold</b> in HTML"
               ]
              },
              {
               "cell_type": "code",
               "execution_count": null,
               "id": "c9e0",
               "metadata": {"tags": ["remove-output"]},
               "outputs": [],
               "source": [
                "%%javascript\\n",
                "document.body.dataset.fromJupyter = 'yes';"
               ]
              },
              {
               "cell_type": "raw",
               "id": "d4b7",
               "metadata": {},
               "source": ["Not run."]
              }
             ],
             "metadata": {
              "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
              "language_info": {"name": "python", "version": "3.11.4"}
             },
             "nbformat": 4,
             "nbformat_minor": 5
            }
            """.replace("PIXEL", PIXEL);
    private static final String OPENED = "%% md\n# Rainfall\nMonthly totals, computed in the browser.\n![pixel](data:image/png;base64,"
            + PIXEL + ")\n\n%% py\n\\%%time\ntotal = sum(range(10))\ntotal\n\n%% py\n\\%%html\n<b class=\"from-html\">bold</b> in HTML\n\n%% js hideOutput\n"
            + "document.body.dataset.fromJupyter = 'yes';\n\n%% raw\nNot run.\n";

    @TempDir
    static Path files;
    /**
     * Another site that lets pages read its files (CORS), as GitHub's raw files do, and embed them
     * (CORP: the isolated report's frame shows no picture of another site without it).
     */
    private static SiteServer elsewhere;

    /** A script in cells as VS Code and Jupytext write them (docs/percent.md). */
    private static final String SCRIPT = "import math\n\n# %% [markdown]\n# # Circles\n# Areas, in the browser.\n\n"
            + "# %% Areas\nradii = [1, 2, 3]\n[round(math.pi * r * r, 2) for r in radii]\n";
    private static final String SCRIPT_AS_IOMD = "%% py\nimport math\n\n%% md\n# Circles\nAreas, in the browser.\n\n"
            + "%% py\n# Areas\nradii = [1, 2, 3]\n[round(math.pi * r * r, 2) for r in radii]\n";

    private NotebookPage page;

    @BeforeAll
    static void writeFiles() throws IOException {
        Files.writeString(files.resolve("rainfall.ipynb"), ANALYSIS);
        Files.writeString(files.resolve("broken.ipynb"), "{\n \"nbformat\": 4,\n \"cells\": [{\"cell_type\": \"code\", \"source\": 7}]\n}\n");
        Files.writeString(files.resolve("index.html"), "<!DOCTYPE html><title>Notebooks</title>");
        Files.writeString(files.resolve("circles.py"), SCRIPT);
        Files.createDirectories(files.resolve("img"));
        Files.write(files.resolve("img/pixel.png"), java.util.Base64.getDecoder().decode(PIXEL));
        Files.writeString(files.resolve("pictures.ipynb"), "{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {},"
                + " \"cells\": [{\"cell_type\": \"markdown\", \"id\": \"p\", \"metadata\": {}, \"source\":"
                + " \"![md pixel](img/pixel.png) <img alt=\\\"html pixel\\\" src=\\\"img/pixel.png\\\"> [next](next.ipynb) [top](#top)\"}]}");
        elsewhere = SiteServer.start(files, 0, SiteServer.Isolation.CROSS_ORIGIN_ISOLATED);
    }

    @AfterAll
    static void stopServer() {
        if (elsewhere != null) {
            elsewhere.close();
        }
    }

    @BeforeEach
    void freshPage() {
        page = SITE.notebookPage().clearLocalStorage();
    }

    private WebDriver driver() {
        return SITE.browser().driver();
    }

    @Test
    void aPickedIpynbOpensAsIomdAndRuns() {
        page.open();
        driver().findElement(By.id("open-file")).sendKeys(files.resolve("rainfall.ipynb").toString());
        new WebDriverWait(driver(), SHORT).until(d -> page.editorText().equals(OPENED));
        assertTrue(page.awaitNote("Opened rainfall.ipynb, a Jupyter notebook").contains("Download .ipynb"));
        assertTrue(page.awaitNote("The outputs saved in the .ipynb show under 1 chunk").contains("until they run again"));
        assertTrue(driver().findElement(By.id("trust-banner")).isDisplayed(), "a file from elsewhere is untrusted");
        WebElement saved = new WebDriverWait(driver(), SHORT).until(d -> d.findElement(By.cssSelector(".chunk-output[data-state='done']")));
        assertEquals("Saved output", saved.findElement(By.cssSelector(".chunk-output-toggle")).getText());
        assertTrue(saved.getText().contains("45"), saved.getText());
        assertEquals("45", page.inReport(d -> new WebDriverWait(d, SHORT).until(r ->
                r.findElement(By.cssSelector("#report .report-output")).getText().strip())), "the saved value in the report");
        String ipynb = page.offeredDownload(() -> page.click("download-ipynb")).get(1);
        assertTrue(ipynb.contains("\"execution_count\": 1,\n   \"id\": \"jodide-2\"") && ipynb.contains("\"45\""),
                "Download .ipynb keeps the saved outputs: " + ipynb);
        String exported = page.offeredDownload(() -> page.click("export-html")).get(1);
        assertTrue(exported.matches("(?s).*>45</.*") && exported.contains("Rainfall"), "Export HTML keeps the saved output too");

        page.click("run-all");
        NotebookPage.ConsoleEntry python = page.awaitEntry(0);
        assertEquals("45", python.value());
        assertTrue(python.element().getText().contains("Wall time:"), python.element().getText());
        NotebookPage.ConsoleEntry html = page.awaitEntry(1);
        WebElement display = html.element().findElement(By.cssSelector(".console-display[data-mime-type='text/html']"));
        assertEquals("bold", page.isolatedContent(display).findElement(By.cssSelector("b.from-html")).getText());
        page.awaitEntry(2);
        assertEquals("yes", page.inReport(d -> new WebDriverWait(d, SHORT).until(r ->
                r.findElement(By.tagName("body")).getDomAttribute("data-from-jupyter"))));
        Object pixelWidth = page.inReport(d -> new WebDriverWait(d, SHORT).until(r -> page.script(
                "const img = document.querySelector('#report img[alt=pixel]');"
                        + " return img && img.complete && img.naturalWidth > 0 ? img.naturalWidth : null;")));
        assertEquals(1L, ((Number) pixelWidth).longValue(), "the attached image shows in the report");
    }

    /** Outputs saved in a file from elsewhere are shown sanitized: nothing in them runs, in the editor or in the report. */
    @Test
    void hostileSavedOutputsRunNothing() throws IOException {
        String hostile = """
                {"nbformat": 4, "nbformat_minor": 5, "metadata": {},
                 "cells": [{"cell_type": "code", "id": "h", "metadata": {}, "execution_count": 1, "source": "shown()",
                  "outputs": [
                   {"output_type": "display_data", "metadata": {}, "data": {"text/html": [
                     "<b class=\\"kept\\">kept</b><script>window.parent.pwned = 'script'; window.pwned = 'script'</script>",
                     "<img src=\\"x\\" onerror=\\"window.pwned = 'onerror'; try { window.parent.pwned = 'onerror' } catch (e) {}\\">",
                     "<a href=\\"javascript:window.pwned = 'link'\\" id=\\"evil-link\\">link</a>"]}},
                   {"output_type": "display_data", "metadata": {}, "data": {"application/javascript": "window.pwned = 'js'",
                     "text/plain": "<IPython.core.display.Javascript object>"}},
                   {"output_type": "display_data", "metadata": {}, "data": {"image/svg+xml":
                     "<svg xmlns=\\"http://www.w3.org/2000/svg\\"><script>window.pwned = 'svg'</script><circle r=\\"4\\" onload=\\"window.pwned = 'svg onload'\\"/></svg>"}}
                  ]}]}
                """;
        Files.writeString(files.resolve("hostile.ipynb"), hostile);
        page.open();
        driver().findElement(By.id("open-file")).sendKeys(files.resolve("hostile.ipynb").toString());
        WebElement saved = new WebDriverWait(driver(), SHORT).until(d -> d.findElement(By.cssSelector(".chunk-output[data-state='done']")));
        WebElement html = saved.findElement(By.cssSelector(".chunk-output-display[data-mime-type='text/html']"));
        assertEquals("kept", page.isolatedContent(html).findElement(By.cssSelector("b.kept")).getText(), "the harmless part shows");
        assertEquals(Boolean.TRUE, page.script("return !arguments[0].querySelector('script, [onerror], [onload], a[href^=javascript]');",
                page.isolatedContent(html)), "scripts, handlers and javascript: links are taken out");
        assertTrue(saved.getText().contains("<IPython.core.display.Javascript object>"), "JavaScript output shows as its text: " + saved.getText());
        page.inReport(d -> new WebDriverWait(d, SHORT).until(r -> !r.findElements(By.cssSelector("#report .report-output .isolated-output")).isEmpty()));
        assertEquals(null, page.script("return window.pwned === undefined ? null : window.pwned;"), "nothing ran in the editor page");
        assertEquals(null, (Object) page.inReport(d -> page.script("return window.pwned === undefined ? null : window.pwned;")),
                "nothing ran in the report's frame");
    }

    /** A printed line with no place to break (2 ** 2000) wraps in the report instead of widening it. */
    @Test
    void aLongUnbrokenLineWrapsInTheReport() {
        page.open();
        page.replaceText("%% md\n# Powers\n%% py\nprint(2 ** 2000)\n");
        page.click("run-all");
        String printed = page.awaitEntry(0).output();
        assertTrue(printed.startsWith("11481306952742545242") && printed.strip().length() == 603, printed);
        Object overflow = page.inReport(d -> page.script("return document.documentElement.scrollWidth - document.documentElement.clientWidth;"));
        assertEquals(0L, ((Number) overflow).longValue(), "the report is no wider than its frame");
    }

    @Test
    void aBrokenIpynbIsRefusedSayingWhereAndTheTextKept() {
        page.open();
        page.replaceText("%% md\n# Mine\n");
        driver().findElement(By.id("open-file")).sendKeys(files.resolve("broken.ipynb").toString());
        String note = page.awaitNote("Could not open broken.ipynb: not a Jupyter notebook that can be read");
        assertTrue(note.contains("line 3, column 44: cell 1's source must be a string or an array of strings, not a number"), note);
        assertEquals("%% md\n# Mine\n", page.editorText());
    }

    @Test
    void anIpynbUrlOpensAsIomd() {
        page.openWith("?notebook=" + elsewhere.uri().resolve("rainfall.ipynb"));
        new WebDriverWait(driver(), SHORT).until(d -> page.editorText().equals(OPENED));
        page.awaitNote("Opened rainfall.ipynb, a Jupyter notebook");
        List<String> saved = page.offeredDownload(() -> page.click("download-notebook"));
        assertEquals("rainfall.iomd", saved.get(0), "Save and Download name it .iomd");
    }

    /** A notebook opened from elsewhere shows the pictures beside it, and links to its neighbours, as on the site that holds it. */
    @Test
    void relativeUrlsInMarkdownResolveAgainstTheNotebooksAddress() {
        page.openWith("?notebook=" + elsewhere.uri().resolve("pictures.ipynb"));
        for (String alt : List.of("md pixel", "html pixel")) {
            Object width = page.inReport(d -> new WebDriverWait(d, SHORT).until(r -> page.script(
                    "const img = document.querySelector('#report img[alt=\"' + arguments[0] + '\"]');"
                            + " return img && img.complete && img.naturalWidth > 0 ? img.naturalWidth : null;", alt)));
            assertEquals(1L, ((Number) width).longValue(), alt + " loads from beside the notebook");
        }
        assertEquals(List.of(elsewhere.uri().resolve("next.ipynb").toString(), "#top"), page.inReport(d ->
                d.findElements(By.cssSelector("#report a")).stream().map(a -> a.getDomAttribute("href")).toList()));
    }

    @Test
    void downloadIpynbGivesANotebookJupyterReadsThatOpensAgainAsTheSameText() throws IOException, InterruptedException {
        String notebook = "python: micropython\n\n%% md\n# Sales\n\n%% py skipRunAll\n\\%%timeit\nsum([3.5, 4.25])\n\n"
                + "%% css\nh1 { color: navy; }\n\n%% js\nconsole.log('é ✓');\n";
        page.open();
        page.replaceText(notebook);
        List<String> offered = page.offeredDownload(() -> page.click("download-ipynb"));
        assertEquals("notebook.ipynb", offered.get(0));
        String ipynb = offered.get(1);
        assertTrue(ipynb.startsWith("{\n \"cells\": [\n"), ipynb);
        assertTrue(ipynb.contains("\"%%timeit\\n\""), "escapes are removed: " + ipynb);
        Path downloaded = files.resolve("downloaded.ipynb");
        Files.writeString(downloaded, ipynb);
        assertValidForJupyter(downloaded);

        page.replaceText("%% md\nother\n");
        driver().findElement(By.id("open-file")).sendKeys(downloaded.toString());
        new WebDriverWait(driver(), SHORT).until(d -> page.editorText().equals(notebook));
    }

    @Test
    void downloadIpynbKeepsTheOutputsOfEachChunksLatestRun() throws IOException, InterruptedException {
        String notebook = "%% md\n# Run\n\n%% py\nprint('hello')\nfor i in range(3): print(f'{i}/2', end='\\r')\n"
                + "from IPython.display import HTML, display\ndisplay(HTML('<b>bold</b>'))\n6 * 7\n\n"
                + "%% js\n'from js'\n\n%% py\n1/0\n";
        page.open();
        page.replaceText(notebook);
        page.click("run-all");
        assertEquals("42", page.awaitEntry(0).value());
        page.awaitEntry(1);
        assertTrue(page.awaitEntry(2).error().contains("ZeroDivisionError"));
        Path downloaded = files.resolve("with-outputs.ipynb");
        Files.writeString(downloaded, page.offeredDownload(() -> page.click("download-ipynb")).get(1));
        assertValidForJupyter(downloaded);
        String outputs = python("import nbformat, sys\nnb = nbformat.read(sys.argv[1], as_version=4)\n"
                + "for cell in nb.cells[1:]:\n"
                + "    print(cell.execution_count, [(o.output_type, o.get('text') or o.get('data') or o.get('ename')) for o in cell.outputs])",
                downloaded);
        assertEquals("1 [('stream', 'hello\\n2/2'), ('display_data', {'text/html': '<b>bold</b>'}),"
                + " ('execute_result', {'text/plain': '42'})]\n"
                + "2 [('execute_result', {'text/plain': '\"from js\"'})]\n"
                + "3 [('error', 'ZeroDivisionError')]", outputs);
    }

    /**
     * The outputs saved in a picked .ipynb are kept with the notebook in this browser: after edits
     * and a reload they show again under the chunk still as it was, and Download .ipynb has them.
     */
    @Test
    void savedOutputsShowAgainAfterAReloadUnderTheirChunk() {
        page.open();
        driver().findElement(By.id("open-file")).sendKeys(files.resolve("rainfall.ipynb").toString());
        new WebDriverWait(driver(), SHORT).until(d -> page.editorText().equals(OPENED));
        page.awaitNote("The outputs saved in the .ipynb show under 1 chunk");
        String edited = "%% md\nA chunk added above.\n\n" + OPENED;
        page.replaceText(edited);
        new WebDriverWait(driver(), SHORT).until(d -> "kept".equals(d.findElement(By.id("save-status")).getDomAttribute("data-state")));

        driver().get(driver().getCurrentUrl());
        page.awaitAppReady();
        new WebDriverWait(driver(), SHORT).until(d -> page.editorText().equals(edited));
        WebElement saved = new WebDriverWait(driver(), SHORT).until(d -> d.findElement(By.cssSelector(".chunk-output[data-state='done']")));
        assertEquals("Saved output", saved.findElement(By.cssSelector(".chunk-output-toggle")).getText());
        assertTrue(saved.getText().contains("45"), saved.getText());
        page.awaitNote("The outputs kept with this notebook in this browser show under 1 chunk");
        String ipynb = page.offeredDownload(() -> page.click("download-ipynb")).get(1);
        assertTrue(ipynb.contains("\"45\""), "Download .ipynb has the saved output again: " + ipynb);
    }

    /** A Python script in "# %%" cells opens as a notebook, picked or by address, and runs. */
    @Test
    void aPythonScriptInCellsOpensAsANotebookAndRuns() {
        page.open();
        driver().findElement(By.id("open-file")).sendKeys(files.resolve("circles.py").toString());
        new WebDriverWait(driver(), SHORT).until(d -> page.editorText().equals(SCRIPT_AS_IOMD));
        assertTrue(page.awaitNote("Opened circles.py, a Python script in cells").contains("never over the .py"));
        assertEquals("circles.iomd", page.offeredDownload(() -> page.click("download-notebook")).get(0));
        page.click("run-all");
        page.awaitEntry(0);
        assertEquals("[3.14, 12.57, 28.27]", page.awaitEntry(1).value());
        assertEquals("Circles", page.inReport(d -> new WebDriverWait(d, SHORT).until(r -> r.findElement(By.cssSelector("#report h1")).getText())));

        page.openWith("?notebook=" + elsewhere.uri().resolve("circles.py"));
        new WebDriverWait(driver(), SHORT).until(d -> page.editorText().equals(SCRIPT_AS_IOMD));
    }

    /**
     * Download .py gives a script in cells that Python itself runs (its magics are comments), and
     * that opens again, dropped onto the editor, as the notebook it was written from.
     */
    @Test
    void downloadPyGivesAScriptThatPythonRunsAndThatOpensAgainAsTheSameNotebook() throws IOException, InterruptedException {
        String notebook = "Written by hand.\n\n%% md\n# Totals\n\n%% py hideOutput\n\\%%time\nvalues = [3.5, 4.25]\n"
                + "total = sum(values)\nprint('total', total)\n\n%% js\ndocument.title = 'x';\n\n%% css\nh1 { color: navy; }\n\n"
                + "%% fetch\ntext: t = data.txt\n";
        page.open();
        page.replaceText(notebook);
        List<String> offered = page.offeredDownload(() -> page.click("download-py"));
        assertEquals("notebook.py", offered.get(0));
        String script = offered.get(1);
        assertTrue(script.startsWith("# ---\n# jupyter:\n"), script);
        assertTrue(script.contains("\n# %% tags=[\"remove-output\"]\n# %%time\nvalues = [3.5, 4.25]\n"), script);
        Path downloaded = files.resolve("downloaded.py");
        Files.writeString(downloaded, script);
        assertEquals("total 7.75", python(Files.readString(downloaded), downloaded), "the script runs as Python");

        page.replaceText("%% md\nother\n");
        page.dropFile("totals.py", script);
        new WebDriverWait(driver(), SHORT).until(d -> page.editorText().equals(notebook));
        assertTrue(page.awaitNote("Opened totals.py, a Python script in cells").contains("Download .py gives it as a script in cells again"));
    }

    /**
     * An .ipynb dropped onto the editor opens as Open… opens it; an output in a JSON type (a Plotly
     * figure) shows its HTML form and goes back into Download .ipynb as a JSON value, as Jupyter wrote it.
     */
    @Test
    void aDroppedIpynbOpensAndKeepsItsJsonOutputsAsJson() throws IOException, InterruptedException {
        String figure = """
                {"nbformat": 4, "nbformat_minor": 5, "metadata": {},
                 "cells": [{"cell_type": "code", "id": "f", "metadata": {}, "execution_count": 3, "source": "fig",
                  "outputs": [{"output_type": "display_data", "metadata": {}, "data": {
                   "application/vnd.plotly.v1+json": {"data": [{"type": "bar", "x": [1, 2.5], "name": "é"}], "layout": {"title": null}},
                   "text/html": ["<div class=\\"plot\\">a figure</div>"]}}]}]}
                """;
        page.open();
        page.dropFile("figure.ipynb", figure);
        new WebDriverWait(driver(), SHORT).until(d -> page.editorText().equals("%% py\nfig\n"));
        page.awaitNote("Opened figure.ipynb, a Jupyter notebook");
        WebElement saved = new WebDriverWait(driver(), SHORT).until(d -> d.findElement(By.cssSelector(".chunk-output[data-state='done']")));
        WebElement html = saved.findElement(By.cssSelector(".chunk-output-display[data-mime-type='text/html']"));
        assertEquals("a figure", page.isolatedContent(html).findElement(By.cssSelector("div.plot")).getText());

        Path downloaded = files.resolve("figure-again.ipynb");
        Files.writeString(downloaded, page.offeredDownload(() -> page.click("download-ipynb")).get(1));
        assertValidForJupyter(downloaded);
        assertEquals("True [1, 2.5] é None", python("import nbformat, sys\nnb = nbformat.read(sys.argv[1], as_version=4)\n"
                + "plot = nb.cells[0].outputs[0].data['application/vnd.plotly.v1+json']\n"
                + "print(isinstance(plot, dict), plot['data'][0]['x'], plot['data'][0]['name'], plot['layout']['title'])", downloaded));
    }

    /** Jupyter's own nbformat (Debian's python3-nbformat, which .ci/run installs with the Jupyter server) validates the file. */
    private static void assertValidForJupyter(Path ipynb) throws IOException, InterruptedException {
        assertEquals("valid", python("import nbformat, sys; nbformat.validate(nbformat.read(sys.argv[1], as_version=4)); print('valid')", ipynb));
    }

    /** What {@code script} prints, run by Debian's Python (which has nbformat) on {@code file}. */
    private static String python(String script, Path file) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("/usr/bin/python3", "-c", script, file.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), output);
        return output;
    }
}

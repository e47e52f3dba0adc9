package org.jodide.it;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Print (Ctrl+P, the toolbar's Print): the report with its outputs, printed on its own as a
 * document, not the page's panes. The page printed is checked three ways: in the hidden frame it is
 * printed from (its content, the frame's sandbox, the browser asked to print it: its window heard
 * {@code beforeprint}); on paper, the same page printed to PDF by Chromium and read back with
 * poppler's {@code pdftotext} (every printed line once, over several pages, no panes); and the
 * browser's own Print of the notebook page, which gives the note saying how to print the report.
 * Ctrl+P, Alt+H and Ctrl+S pressed in the report act as on the page; a key made up by notebook code does not.
 */
class PrintReportIT {
    @RegisterExtension
    static final SiteExtension SITE = new SiteExtension();

    @TempDir
    static Path pdfs;

    private static final Duration SHORT = Duration.ofSeconds(10);
    private static final int LINES = 150;

    /**
     * Each output that could run code in the printed page sets printPwned where it runs. The bars are
     * styled by the stylesheet a fetch chunk loads from the site (the example's), the heading by a
     * style element a js chunk adds.
     */
    private static final String NOTEBOOK = "%% md\n# Print check\n\nSome *markdown* and"
            + " <img src=\"x\" onerror=\"parent.printPwned = 'markdown'\">.\n\n<div class=\"bar\">Lagos</div>\n"
            + "%% fetch\ncss: SITE/examples/data/report.css\n"
            + "%% js\nconst style = document.createElement('style');\n"
            + "style.textContent = 'h1 { color: rgb(0, 100, 0); }';\ndocument.head.append(style);\n"
            + "%% py\nfor i in range(" + LINES + "):\n    print(f'line {i} of the printed output')\n"
            + "%% py\nclass Table:\n"
            + "    def _repr_html_(self):\n"
            + "        return '<table><tr><th>city</th></tr><tr><td>Lyon</td></tr></table>'"
            + " + '<img src=x onerror=\"parent.printPwned = 1\">'\n"
            + "Table()\n"
            + "%% js\nconst canvas = document.createElement('canvas');\ncanvas.width = 40;\ncanvas.height = 20;\n"
            + "canvas.getContext('2d').fillRect(0, 0, 40, 20);\n"
            + "document.getElementById('report').append(canvas);\n'drawn'\n";

    /** Counts the prints the browser was asked for, and keeps the printed page's text, as the print frame hears them. */
    private static final String WATCH_PRINTS = "window.printsAsked = 0;"
            + "new MutationObserver((changes) => { for (const change of changes) for (const node of change.addedNodes) {"
            + "  if (node.localName !== 'iframe' || !node.classList.contains('print-frame')) continue;"
            + "  node.addEventListener('load', () => node.contentWindow.addEventListener('beforeprint', () => {"
            + "    window.printsAsked++; window.printedText = node.contentDocument.body.textContent; }));"
            + "} }).observe(document.body, { childList: true });";

    private NotebookPage page;
    /** The notebook, the site's stylesheet named absolutely. */
    private final String notebook = NOTEBOOK.replace("SITE/", SITE.server().uri().resolve("/").toString());

    @BeforeEach
    void freshPage() {
        page = SITE.notebookPage().clearLocalStorage().open();
    }

    private ChromeDriver driver() {
        return SITE.browser().driver();
    }

    @Test
    void printGivesTheReportAloneAsADocumentOverSeveralPagesAndRunsNothing() throws Exception {
        page.replaceText(notebook);
        page.click("run-all");
        assertEquals("\"drawn\"", page.awaitEntry(4).value(), "the js chunk, last, ran");
        page.script(WATCH_PRINTS);
        String pageTitle = driver().getTitle();

        page.click("print-report");
        new WebDriverWait(driver(), SHORT).until(d -> ((Number) page.script("return window.printsAsked;")).intValue() == 1);

        assertEquals("allow-same-origin allow-modals", page.script(
                "return document.querySelector('iframe.print-frame').getAttribute('sandbox');"),
                "the printed page's frame runs no script");
        String printed = (String) page.script("return window.printedText;");
        assertTrue(printed.contains("Print check"), printed);
        assertTrue(printed.contains("line 0 of the printed output") && printed.contains("line " + (LINES - 1) + " of"), printed);
        assertFalse(printed.contains("Open in Jodide") || printed.contains("Notebook source"),
                "no export bar, no source: the report alone");
        assertEquals(Boolean.TRUE, page.script("const doc = document.querySelector('iframe.print-frame').contentDocument;"
                + "const cells = [...doc.querySelectorAll('*')].filter(e => e.shadowRoot)"
                + "  .flatMap(e => [...e.shadowRoot.querySelectorAll('td')]).map(td => td.textContent);"
                + "const canvas = doc.querySelector('img[alt=canvas]');"
                + "return cells.includes('Lyon') && canvas.complete && canvas.naturalWidth === 40;"),
                "the rich output in its shadow root, and the canvas as a decoded picture, before printing");
        assertEquals(List.of("rgb(108, 142, 191)", "rgb(0, 100, 0)"), page.script(
                "const doc = document.querySelector('iframe.print-frame').contentDocument;"
                        + "const view = doc.defaultView;"
                        + "return [view.getComputedStyle(doc.querySelector('.bar')).backgroundColor,"
                        + " view.getComputedStyle(doc.querySelector('h1')).color];"),
                "the styles a fetch chunk loaded and a js chunk added print too");
        assertEquals(Boolean.TRUE, page.script("return window.printPwned === undefined"
                + " && document.querySelector('iframe.print-frame').contentWindow.printPwned === undefined;"),
                "nothing in the printed page ran");
        assertEquals(pageTitle, driver().getTitle(), "the page's title is its own again");
        assertFalse(page.string("document.getElementById('print-report').disabled").equals("true"));

        Path printedPage = pdfs.resolve("printed.html");
        Files.writeString(printedPage, (String) page.script(
                "return document.querySelector('iframe.print-frame').srcdoc;"), StandardCharsets.UTF_8);

        // What the browser's own Print menu gives on the notebook page: the note, not the panes.
        String menuPrint = pdfText(printToPdf("menu.pdf"));
        assertTrue(menuPrint.contains("press Ctrl+P"), menuPrint);
        assertFalse(menuPrint.contains("Run all") || menuPrint.contains("Print check"), menuPrint);
        assertEquals(0L, ((Number) page.script("return document.querySelectorAll('iframe.print-frame').length;")).longValue(),
                "once the browser has printed, the printed page's frame is gone");

        // On paper: the printed page as Chromium prints it.
        driver().get(printedPage.toUri().toString());
        assertEquals("Print check", driver().getTitle());
        String paper = pdfText(printToPdf("report.pdf"));
        int pages = paper.split("\f", -1).length - 1;
        assertTrue(pages >= 2, "the printed lines go on over pages: " + pages + " page(s)\n" + paper);
        for (int i = 0; i < LINES; i++) {
            assertEquals(1, count(paper, "line " + i + " of the printed output"), "line " + i + " is printed once, whole");
        }
        assertTrue(paper.contains("Print check") && paper.contains("Lyon"), paper);
        assertFalse(paper.contains("Run all"), "no toolbar on paper");
    }

    @Test
    void printHelpAndSaveKeysPressedInTheReportActAsOnThePageAndMadeUpKeysDoNot() {
        page.replaceText("%% md\n# Keys in the report\n%% js\n"
                + "document.dispatchEvent(new KeyboardEvent('keydown', { key: 'p', code: 'KeyP', ctrlKey: true, bubbles: true }));\n"
                + "'made up'\n");
        page.click("run-all");
        assertEquals("\"made up\"", page.awaitEntry(0).value());
        page.script(WATCH_PRINTS);
        assertEquals(0L, ((Number) page.script("return document.querySelectorAll('iframe.print-frame').length;")).longValue(),
                "a key event made up by notebook code prints nothing");

        page.inReport(d -> {
            d.findElement(By.cssSelector("#report h1")).click();
            new Actions(d).keyDown(Keys.CONTROL).sendKeys("p").keyUp(Keys.CONTROL).perform();
            return null;
        });
        new WebDriverWait(driver(), SHORT).until(d -> ((Number) page.script("return window.printsAsked;")).intValue() == 1);
        assertTrue(((String) page.script("return window.printedText;")).contains("Keys in the report"));

        page.inReport(d -> {
            new Actions(d).keyDown(Keys.ALT).sendKeys("h").keyUp(Keys.ALT).perform();
            return null;
        });
        new WebDriverWait(driver(), SHORT).until(d -> Boolean.TRUE.equals(
                page.script("return document.getElementById('help-dialog').open;")));
        assertTrue(driver().findElement(By.id("help-dialog")).getDomProperty("textContent").contains("Print the report"));
        page.script("document.getElementById('help-dialog').close();");

        // Ctrl+S in the report saves the notebook as on the page (here, where no file can be chosen, a download).
        page.script("window.showSaveFilePicker = undefined;");
        List<String> saved = page.offeredDownload(() -> page.inReport(d -> {
            d.findElement(By.cssSelector("#report h1")).click();
            new Actions(d).keyDown(Keys.CONTROL).sendKeys("s").keyUp(Keys.CONTROL).perform();
            return null;
        }));
        assertEquals("notebook.iomd", saved.get(0));
        assertTrue(saved.get(1).startsWith("%% md\n# Keys in the report\n"), saved.get(1));
    }

    private Path printToPdf(String name) throws IOException {
        Path file = pdfs.resolve(name);
        Files.write(file, Base64.getDecoder().decode(driver().print(new PrintOptions()).getContent()));
        return file;
    }

    /** The PDF's text, pages ended by form feeds, as poppler-utils' pdftotext reads it. */
    private static String pdfText(Path pdf) throws IOException, InterruptedException {
        Process reader;
        try {
            reader = new ProcessBuilder("pdftotext", "-layout", pdf.toString(), "-").redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("pdftotext (Debian's poppler-utils, which .ci/run installs) reads the printed PDF", e);
        }
        String text = new String(reader.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(reader.waitFor(30, TimeUnit.SECONDS) && reader.exitValue() == 0, "pdftotext: " + text);
        return text;
    }

    private static int count(String text, String part) {
        Matcher matcher = Pattern.compile(Pattern.quote(part) + "(?!\\d)").matcher(text);
        int found = 0;
        while (matcher.find()) {
            found++;
        }
        return found;
    }
}

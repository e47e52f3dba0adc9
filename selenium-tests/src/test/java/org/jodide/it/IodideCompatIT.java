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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Notebooks written for Iodide (in the style of iodide-project/iodide-examples) work: the
 * {@code iodide} global writes into the report at the running chunk's place, buttons with
 * {@code onclick} in markdown work once the notebook is trusted (and are sanitized before),
 * alert and prompt work, {@code ?view=report} runs the notebook (asking first for one opened from
 * a link), and emoji shortcodes render. Notebooks "from elsewhere" are served by a second
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

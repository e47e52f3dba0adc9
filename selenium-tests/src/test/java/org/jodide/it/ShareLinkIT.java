package org.jodide.it;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Function;
import java.util.zip.Deflater;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A notebook carried in a link ({@code #iomd=}, issue "Share"): Copy link makes a link that opens
 * the same text elsewhere; a linked notebook runs nothing, and its CSS does not apply, until the
 * reader presses Run; a damaged or cut link says so and keeps the page; a long link is warned.
 * Links made here are made as the format says (raw deflate, base64url: {@link #linkData}), not by
 * the page's own code, so the format is checked from both sides.
 */
class ShareLinkIT {
    @RegisterExtension
    static final SiteExtension SITE = new SiteExtension();

    private static final Duration SHORT = Duration.ofSeconds(10);
    /** Would turn the report's heading this colour, and write into the report, if anything ran. */
    private static final String HOSTILE = "%% md\n# Shared with you\n"
            + "%% css\nh1 { color: rgb(1, 2, 3); }\n"
            + "%% js\niodide.output.text('the linked js ran');\n";

    private NotebookPage page;

    @BeforeEach
    void freshPage() {
        page = SITE.notebookPage().clearLocalStorage();
    }

    private WebDriver driver() {
        return SITE.browser().driver();
    }

    /** The page with {@code suffix} (a query and/or a fragment), loaded afresh (a new fragment alone would not reload it). */
    private void openFresh(String suffix) {
        driver().switchTo().defaultContent();
        driver().get("about:blank");
        page.openWith(suffix);
    }

    /** The notebook as link data: raw deflate of its UTF-8 bytes, base64url without padding. */
    static String linkData(String notebook) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        deflater.setInput(notebook.getBytes(StandardCharsets.UTF_8));
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
    }

    private <T> T inReportWhen(Function<WebDriver, T> condition) {
        return page.inReport(driver -> new WebDriverWait(driver, NotebookPage.PYTHON).until(condition));
    }

    /** The colour the linked CSS gives the heading, as the browser reports a computed colour. */
    private static final String LINKED_COLOUR = "rgba(1, 2, 3, 1)";

    private String headingColour() {
        return inReportWhen(d -> d.findElement(By.cssSelector("#report h1")).getCssValue("color"));
    }

    private WebElement copyLink() {
        page.click("copy-link");
        WebElement field = new WebDriverWait(driver(), SHORT).until(d -> {
            WebElement input = d.findElement(By.id("share-link"));
            String status = d.findElement(By.id("share-status")).getText();
            return input.isDisplayed() && !status.startsWith("Copying") && !status.isEmpty() ? input : null;
        });
        return field;
    }

    @Test
    void copyLinkMakesALinkThatOpensTheSameTextElsewhere() {
        String notebook = "%% md\n# Café ☕ — 𝛑\n\nTabs\tand trailing spaces   \n%% py\nprint('hi')\n%% js\n\"ünïcode\"\n";
        page.open();
        page.replaceText(notebook);
        WebElement field = copyLink();
        String link = field.getDomProperty("value");
        String status = driver().findElement(By.id("share-status")).getText();
        assertTrue(link.contains("#iomd="), link);
        assertTrue(status.contains(link.length() + " characters"), status);
        assertFalse(status.contains("longer than"), "a short link is not warned: " + status);

        driver().get("about:blank");
        driver().get(link);
        page.awaitAppReady();
        new WebDriverWait(driver(), SHORT).until(d -> page.editorText().equals(notebook));
        awaitKernelIdle();
        assertTrue(page.consoleEntries().isEmpty(), "opening a link runs nothing");
    }

    @Test
    void aLinkedNotebookRunsNothingAndAppliesNoCssUntilRun() {
        openFresh("?view=report#iomd=" + linkData(HOSTILE));
        WebElement banner = new WebDriverWait(driver(), SHORT).until(d -> d.findElement(By.id("trust-banner")));
        assertTrue(banner.isDisplayed());
        assertEquals(HOSTILE, page.editorText());
        assertEquals("Shared with you", inReportWhen(d -> d.findElement(By.cssSelector("#report h1")).getText()));
        awaitKernelIdle();
        assertNotEquals(LINKED_COLOUR, headingColour(), "the linked CSS waits for Run");
        boolean nothingRan = page.inReport(d -> d.findElements(By.cssSelector(".iodide-output-text")).isEmpty());
        assertTrue(nothingRan, "the linked js did not run");

        driver().findElement(By.id("trust-run")).click();
        assertEquals("the linked js ran", inReportWhen(d -> d.findElement(By.cssSelector(".iodide-output-text")).getText()));
        new WebDriverWait(driver(), SHORT).until(d -> LINKED_COLOUR.equals(headingColour()));
    }

    @Test
    void inTheExploreViewTheLinkedCssWaitsForTheFirstRunAndTheBannerNamesWhatItLoads() {
        // The fetch comes last: its file is missing, and a failed chunk skips the rest of a Run all.
        String notebook = HOSTILE + "%% fetch\ntext: notes = notes/readme.txt\n";
        openFresh("#iomd=" + linkData(notebook));
        new WebDriverWait(driver(), SHORT).until(d -> page.editorText().equals(notebook));
        String banner = new WebDriverWait(driver(), SHORT).until(d -> d.findElement(By.id("trust-banner"))).getText();
        assertTrue(banner.startsWith("Nothing in this notebook has run"), banner);
        assertTrue(banner.contains("When it runs, it loads " + SITE.server().uri().resolve("notes/readme.txt")), banner);
        assertEquals("Shared with you", inReportWhen(d -> d.findElement(By.cssSelector("#report h1")).getText()));
        awaitKernelIdle();
        assertNotEquals(LINKED_COLOUR, headingColour());

        page.click("run-all");
        new WebDriverWait(driver(), NotebookPage.PYTHON).until(d -> LINKED_COLOUR.equals(headingColour()));
        assertTrue(driver().findElements(By.id("trust-banner")).isEmpty(), "running trusts the notebook");
    }

    @Test
    void aLinkedNotebookTheReaderRanIsTrustedWhenOpenedAgain() {
        String link = "#iomd=" + linkData(HOSTILE);
        openFresh(link);
        new WebDriverWait(driver(), SHORT).until(d -> d.findElement(By.id("trust-banner")));
        page.click("run-all");
        new WebDriverWait(driver(), NotebookPage.PYTHON).until(d -> LINKED_COLOUR.equals(headingColour()));

        openFresh(link);
        String note = page.awaitNote("run this notebook");
        assertTrue(note.contains("trusted"), note);
        assertTrue(driver().findElements(By.id("trust-banner")).isEmpty(), "no banner for a notebook the reader ran");
        new WebDriverWait(driver(), NotebookPage.PYTHON).until(d -> LINKED_COLOUR.equals(headingColour()));
        assertTrue(page.consoleEntries().isEmpty(), "trusted is not run: the explore view runs nothing by itself");

        // Another notebook is a stranger again, and so is this one after the reader edited it before running.
        String other = HOSTILE + "%% md\nchanged\n";
        openFresh("#iomd=" + linkData(other));
        new WebDriverWait(driver(), SHORT).until(d -> d.findElement(By.id("trust-banner")));
        page.replaceText(other + "%% md\nedited before the run\n");
        page.click("run-all");
        new WebDriverWait(driver(), SHORT).until(d -> d.findElements(By.id("trust-banner")).isEmpty());
        openFresh("#iomd=" + linkData(other));
        assertTrue(new WebDriverWait(driver(), SHORT).until(d -> d.findElement(By.id("trust-banner"))).isDisplayed());
    }

    @Test
    void aCutLinkSaysWhatIsWrongAndKeepsThePage() {
        page.open();
        String pageText = page.editorText();
        String data = linkData(HOSTILE);

        openFresh("#iomd=" + data.substring(0, data.length() / 2));
        String note = page.awaitNote("Could not open");
        assertTrue(note.contains("the notebook in the link") && note.contains("cut short"), note);
        assertEquals(pageText, page.editorText(), "the editor keeps the page's text");

        openFresh("?view=report#iomd=not-a-notebook!");
        WebElement error = new WebDriverWait(driver(), SHORT).until(d -> d.findElement(By.id("load-error-banner")));
        assertTrue(error.getText().contains("does not carry a notebook"), error.getText());
        assertTrue(driver().findElements(By.id("trust-banner")).isEmpty());
    }

    @Test
    void aLinkLongerThanChatToolsAcceptIsWarned() {
        StringBuilder noise = new StringBuilder("%% md\n");
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 12_000; i++) {
            noise.append((char) ('!' + random.nextInt(90)));
        }
        page.open();
        page.replaceText(noise.append('\n').toString());
        copyLink();
        WebElement status = driver().findElement(By.id("share-status"));
        assertEquals("warning", status.getDomAttribute("data-state"));
        assertTrue(status.getText().contains("longer than 8000 characters"), status.getText());
        assertTrue(status.getText().contains("Download .iomd"), status.getText());
    }

    private void awaitKernelIdle() {
        page.awaitKernelState("idle", NotebookPage.PYTHON);
    }
}

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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Opening a notebook (issue "Share"): the toolbar's Open… reads the chosen file (untrusted, the
 * replaced text kept for Recover), a file that is not text is refused with the text kept, and a
 * {@code ?notebook=} URL that the page may not read (another site without CORS) or that is not
 * text says why in the console, the editor keeping its text.
 */
class OpenNotebookIT {
    @RegisterExtension
    static final SiteExtension SITE = new SiteExtension();

    private static final Duration SHORT = Duration.ofSeconds(10);
    private static final String PICKED = "%% md\n# Picked\n%% css\nh1 { color: rgb(1, 2, 3); }\n%% py\nprint('picked')\n";

    @TempDir
    static Path files;
    /** Another site that sends no headers at all: the editor page may not read its files (no CORS). */
    private static SiteServer noCors;

    private NotebookPage page;

    @BeforeAll
    static void writeFiles() throws IOException {
        Files.write(files.resolve("picked.iomd"), ("\ufeff" + PICKED).getBytes(StandardCharsets.UTF_8));
        Files.write(files.resolve("image.iomd"), new byte[] {(byte) 0x89, 'P', 'N', 'G', (byte) 0xff, 0, 1});
        // SiteServer serves only a built site (it checks for index.html).
        Files.writeString(files.resolve("index.html"), "<!DOCTYPE html><title>Notebooks</title>");
        noCors = SiteServer.start(files, 0, SiteServer.Isolation.BARE);
    }

    @AfterAll
    static void stopServer() {
        if (noCors != null) {
            noCors.close();
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
    void aPickedFileOpensUntrustedAndTheTextItReplacesIsKept() {
        page.open();
        page.replaceText("%% md\n# Mine\n");
        driver().findElement(By.id("open-file")).sendKeys(files.resolve("picked.iomd").toString());
        new WebDriverWait(driver(), SHORT).until(d -> page.editorText().equals(PICKED));
        assertTrue(page.awaitNote("Opened picked.iomd").contains("Notebooks list"));
        page.click("show-notebooks");
        WebElement kept = new WebDriverWait(driver(), SHORT).until(d -> d.findElements(
                By.cssSelector("tr.local-notebook[data-id='untitled']")).stream().findFirst().orElse(null));
        assertTrue(kept.getText().contains("written here"), "the replaced text is kept: " + kept.getText());
        driver().findElement(By.id("notebooks-close")).click();
        assertTrue(driver().findElement(By.id("trust-banner")).isDisplayed(), "a file from elsewhere is untrusted");
        assertTrue(page.consoleEntries().isEmpty(), "nothing ran");
    }

    @Test
    void aFileThatIsNotTextIsRefusedAndTheTextKept() {
        page.open();
        page.replaceText("%% md\n# Mine\n");
        driver().findElement(By.id("open-file")).sendKeys(files.resolve("image.iomd").toString());
        assertTrue(page.awaitNote("Could not open image.iomd").contains("not UTF-8 text"));
        assertEquals("%% md\n# Mine\n", page.editorText());
    }

    @Test
    void aNotebookUrlOnASiteWithoutCorsSaysWhyAndTheEditorKeepsItsText() {
        page.open();
        String pageText = page.editorText();
        page.openWith("?notebook=" + noCors.uri().resolve("picked.iomd"));
        String note = page.awaitNote("Could not open the notebook");
        assertTrue(note.contains("Access-Control-Allow-Origin"), note);
        assertEquals(pageText, page.editorText());
    }

    @Test
    void aNotebookUrlThatIsAnImageIsRefused() {
        page.openWith("?notebook=favicon.svg");
        String note = page.awaitNote("Could not open the notebook");
        assertTrue(note.contains("image/svg+xml file, not a notebook"), note);
    }
}

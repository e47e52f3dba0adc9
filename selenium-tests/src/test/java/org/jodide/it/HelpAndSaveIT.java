package org.jodide.it;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The keyboard shortcuts dialog (Alt+H, the "?" button), Download .iomd (the exact text as a
 * file) and dropping a file on the page. Each test starts with nothing kept (SaveAndAutosaveIT
 * tests keeping and saving).
 */
class HelpAndSaveIT {
    @RegisterExtension
    static final SiteExtension SITE = new SiteExtension();

    private static final Duration SHORT = Duration.ofSeconds(5);

    private NotebookPage page;

    @BeforeEach
    void nothingSaved() {
        page = SITE.notebookPage().clearLocalStorage().open();
    }

    @Test
    void altHOpensTheShortcutsAndEscapeClosesThemGivingTheFocusBack() {
        String text = "%% py\nx = 1\n";
        page.replaceText(text);
        page.editor().sendKeys(Keys.chord(Keys.ALT, "h"));
        awaitHelpOpen(true);
        assertTrue(activeElementIsIn("#help-dialog"), "the focus moves into the dialog");
        String shown = driver().findElement(By.id("help-dialog")).getDomProperty("textContent");
        for (String expected : List.of("Shift+Enter", "Ctrl+Enter", "Ctrl+Shift+Enter", "Ctrl+S", "Alt+H", "Ctrl+F",
                "Ctrl+Space", "Ctrl+Shift+[", "Ctrl+Alt+[", "Ctrl+Z", "Escape then Tab", "Run all chunks",
                "Run the chunk at the cursor and move to the next one", "Console input", "Earlier / later input")) {
            assertTrue(shown.contains(expected), "the help lists " + expected + ":\n" + shown);
        }

        activeElement().sendKeys(Keys.ESCAPE);
        awaitHelpOpen(false);
        assertTrue(activeElementIsIn("#notebook-editor"), "the focus is back in the editor");
        assertEquals(text, page.editorText(), "Alt+H typed nothing");
    }

    @Test
    void theHelpButtonOpensAModalDialogThatKeepsTheFocus() {
        WebElement button = driver().findElement(By.id("show-help"));
        assertEquals("Keyboard shortcuts", button.getDomAttribute("aria-label"));
        assertEquals("Alt+H", button.getDomAttribute("aria-keyshortcuts"));
        button.click();
        awaitHelpOpen(true);
        assertEquals(Boolean.TRUE, page.script("return document.getElementById('help-dialog').matches(':modal');"),
                "a modal dialog: the rest of the page is inert");
        for (int i = 0; i < 3; i++) {
            activeElement().sendKeys(Keys.TAB);
            assertFalse(activeElementOutsideTheDialog(), "Tab stays out of the page behind the dialog");
        }

        driver().findElement(By.id("help-close")).click();
        awaitHelpOpen(false);
        assertEquals("show-help", page.script("return document.activeElement.id;"), "the focus goes back to the button");

        activeElement().sendKeys(Keys.chord(Keys.ALT, "h"));
        awaitHelpOpen(true);
        activeElement().sendKeys(Keys.chord(Keys.ALT, "h"));
        awaitHelpOpen(false);
    }

    @Test
    void downloadGivesTheExactTextAsAFileNamedAfterTheNotebook() throws IOException {
        String text = "%% md\r\n# Café ☕\r\n%% py\nname = 'Zoë'\n\n";
        page.replaceText(text);
        assertEquals(List.of("notebook.iomd", text), download());

        String cityReport = Files.readString(Path.of("../examples/city-report.iomd"));
        page.openWith("?notebook=examples/city-report.iomd");
        new WebDriverWait(driver(), SHORT).until(d -> cityReport.equals(page.editorText()));
        assertEquals(List.of("city-report.iomd", cityReport), download());
    }

    @Test
    void aByteOrderMarkIsKeptWhenANotebookOpensByLink() {
        String text = "%% py\nname = 'Zoë'\n";
        String base64 = java.util.Base64.getEncoder().encodeToString(("\uFEFF" + text).getBytes(StandardCharsets.UTF_8));
        page.openWith("?notebook=" + java.net.URLEncoder.encode("data:text/plain;charset=utf-8;base64," + base64,
                StandardCharsets.UTF_8));
        new WebDriverWait(driver(), SHORT).until(d -> text.equals(page.editorText()));
        assertEquals("\uFEFF" + text, download().get(1),
                "Download gives back the bytes the notebook was opened with");
    }

    @Test
    void droppingANotebookFileOpensItAndTheAddressKeepsIt() {
        String dropped = "%% py\nprint('from a file')\n";
        page.dropFile("dropped.iomd", dropped);
        new WebDriverWait(driver(), SHORT).until(d -> dropped.equals(page.editorText()));
        page.awaitNote("Opened dropped.iomd.");
        assertTrue(driver().getCurrentUrl().contains("local=file"), "the address names the dropped notebook");

        driver().get(driver().getCurrentUrl());
        page.awaitAppReady();
        new WebDriverWait(driver(), SHORT).until(d -> dropped.equals(page.editorText()));
        assertTrue(driver().findElement(By.id("trust-banner")).isDisplayed(), "still untrusted: it was never run");
        page.replaceText(dropped + "# edited after the reload\n");
        new WebDriverWait(driver(), SHORT).until(d -> "kept".equals(d.findElement(By.id("save-status")).getDomAttribute("data-state")));
    }

    /** Clicks Download .iomd and returns the file name and the text it offered (intercepted in the page). */
    private List<String> download() {
        return page.offeredDownload(() -> page.click("download-notebook"));
    }

    private static void awaitHelpOpen(boolean open) {
        new WebDriverWait(driver(), SHORT).until(d -> open == Boolean.TRUE.equals(
                ((JavascriptExecutor) d).executeScript("return document.getElementById('help-dialog').open;")));
    }

    private static WebElement activeElement() {
        return driver().switchTo().activeElement();
    }

    private boolean activeElementIsIn(String selector) {
        return Boolean.TRUE.equals(page.script("return document.activeElement !== null"
                + " && document.activeElement.closest(arguments[0]) !== null;", selector));
    }

    private boolean activeElementOutsideTheDialog() {
        return Boolean.TRUE.equals(page.script("const active = document.activeElement;"
                + "return active !== null && active !== document.body && !active.closest('#help-dialog');"));
    }

    private static WebDriver driver() {
        return SITE.browser().driver();
    }
}

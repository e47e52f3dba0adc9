package org.jodide.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What an output may ask of the browser when its reader clicks it, as on any page, though the report
 * is a sandboxed frame of another origin (page/eval-frame.js, EVAL_FRAME_FEATURES): a "copy" button
 * writes the clipboard (the user pastes it in a chunk), a chart's "fullscreen" button fills the
 * screen. Without the frame's {@code allow}, both were refused by the permissions policy.
 */
class ReportFeaturesIT {
    @RegisterExtension
    static final SiteExtension SITE = new SiteExtension();

    private static final String NOTEBOOK = "%% js\nconst box = iodide.output.element('div');\n"
            + "const copy = document.createElement('button');\ncopy.id = 'copy';\ncopy.textContent = 'Copy';\n"
            + "copy.onclick = () => navigator.clipboard.writeText('copied from the report')\n"
            + "  .then(() => { copy.textContent = 'copied'; }, (e) => { copy.textContent = 'refused: ' + e; });\n"
            + "const full = document.createElement('button');\nfull.id = 'fullscreen';\nfull.textContent = 'Fullscreen';\n"
            + "full.onclick = () => box.requestFullscreen()\n"
            + "  .then(() => { full.textContent = 'fullscreen ' + (document.fullscreenElement === box); return document.exitFullscreen(); },\n"
            + "    (e) => { full.textContent = 'refused: ' + e; });\n"
            + "box.append(copy, full);\n'ready'\n%% md\nPaste here: \n";

    @Test
    void anOutputsCopyButtonWritesTheClipboardAndItsFullscreenButtonFillsTheScreen() {
        NotebookPage page = SITE.notebookPage().open();
        page.replaceText(NOTEBOOK);
        page.putCursorAt(0);
        NotebookPage.ConsoleEntry run = page.runWithShiftEnter();
        assertEquals("\"ready\"", run.value(), run.error());

        assertEquals("copied", clickInReport(page, "copy", "Copy"));
        page.putCursorAt(NOTEBOOK.length() - 1);
        page.editor().sendKeys(Keys.chord(Keys.CONTROL, "v"));
        new WebDriverWait(SITE.browser().driver(), Duration.ofSeconds(10)).withMessage(page::editorText)
                .until(d -> page.editorText().contains("Paste here: copied from the report"));

        assertEquals("fullscreen true", clickInReport(page, "fullscreen", "Fullscreen"));
        assertTrue(page.editorText().startsWith("%% js\nconst box"), "the notebook's text is kept");
    }

    /** Clicks the button {@code id} of the report and returns its text once it is no longer {@code before}. */
    private static String clickInReport(NotebookPage page, String id, String before) {
        return page.inReport(driver -> {
            WebElement button = driver.findElement(By.id(id));
            button.click();
            return new WebDriverWait(driver, Duration.ofSeconds(10))
                    .until(d -> before.equals(button.getText()) ? null : button.getText());
        });
    }
}

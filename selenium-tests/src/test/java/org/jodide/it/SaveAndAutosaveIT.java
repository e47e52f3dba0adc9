package org.jodide.it;

import org.jodide.browser.HeadlessChromium;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Never losing work: every edit is kept in the browser's IndexedDB within a second (Autosave),
 * a reload and a crashed browser give it back, a second tab on the same notebook is told, the
 * Notebooks list manages what is kept, and Save (Ctrl+S) writes the exact bytes to the file the
 * notebook came from (File System Access API) or where the user says, or downloads them.
 *
 * <p>The browser's file dialogs cannot be driven headless: the tests stand in for the user's
 * choice by giving {@code showOpenFilePicker}/{@code showSaveFilePicker} a real file handle of
 * the origin private file system, so the writes are real writes through the same API.
 */
class SaveAndAutosaveIT {
    @RegisterExtension
    static final SiteExtension SITE = new SiteExtension();

    private static final Duration SHORT = Duration.ofSeconds(5);
    private static final String MINE = "%% md\r\n# Café ☕\r\n%% py\nmine = 'kept'\n";

    private NotebookPage page;

    @BeforeEach
    void nothingKept() {
        page = SITE.notebookPage().clearLocalStorage().open();
        driver().switchTo().defaultContent();
    }

    /**
     * The outputs of runs are kept with the notebook a moment after the runs end: a reload shows them
     * again under their chunks ("Saved output") until the chunks run again; a chunk edited since
     * shows none.
     */
    @Test
    void theOutputsOfRunsAreKeptAndShowAgainAfterAReload() {
        String notebook = "%% md\n# Kept outputs\n\n%% py\nprint('printed before the reload')\n6 * 7\n\n%% py\nother = 1\nother\n";
        page.replaceText(notebook);
        awaitStatus(driver(), "kept");
        page.click("run-all");
        assertEquals("42", page.awaitEntry(0).value());
        assertEquals("1", page.awaitEntry(1).value());
        new WebDriverWait(driver(), SHORT).until(d -> keptOutputsHold("printed before the reload"));
        String edited = notebook.replace("other = 1", "other = 2");
        page.replaceText(edited);
        awaitStatus(driver(), "kept");

        driver().navigate().refresh();
        page.awaitAppReady();
        new WebDriverWait(driver(), SHORT).until(d -> edited.equals(page.editorText()));
        List<WebElement> shown = new WebDriverWait(driver(), SHORT).until(d -> {
            List<WebElement> done = d.findElements(By.cssSelector(".chunk-output[data-state='done']"));
            return done.isEmpty() ? null : done;
        });
        assertEquals(1, shown.size(), "only the chunk still as it ran shows its output");
        assertEquals("Saved output", shown.get(0).findElement(By.cssSelector(".chunk-output-toggle")).getText());
        assertTrue(shown.get(0).getText().contains("printed before the reload") && shown.get(0).getText().contains("42"),
                shown.get(0).getText());
        WebElement took = shown.get(0).findElement(By.cssSelector(".chunk-output-time"));
        assertTrue(took.getText().matches("(<1|\\d+) ms|\\d+(\\.\\d)? s"), "how long the saved run took: " + took.getText());
        // When it ran, as the browser's toLocaleString writes the date and time (the label keeps one formatter for that).
        String when = (String) ((JavascriptExecutor) driver()).executeScript("return new Date().toLocaleString();");
        String day = when.substring(0, when.indexOf(", "));
        assertTrue(took.getDomAttribute("title").matches("Ran \\Q" + day + "\\E, \\d{1,2}:\\d{2}:\\d{2}( [AP]M)?, took .*"),
                "when it ran, like " + when + ": " + took.getDomAttribute("title"));
        page.awaitNote("The outputs kept with this notebook in this browser show under 1 chunk");
    }

    /** Cleared outputs (Clear outputs) are cleared in what the browser keeps too: a reload shows none. */
    @Test
    void clearedOutputsDoNotComeBackAfterAReload() {
        String notebook = "%% py\nprint('printed, then cleared'.upper())\n6 * 7\n";
        page.replaceText(notebook);
        awaitStatus(driver(), "kept");
        page.click("run-all");
        assertEquals("42", page.awaitEntry(0).value());
        new WebDriverWait(driver(), SHORT).until(d -> keptOutputsHold("PRINTED, THEN CLEARED"));
        page.click("clear-outputs");
        new WebDriverWait(driver(), SHORT).until(d -> !keptOutputsHold("PRINTED, THEN CLEARED"));

        driver().navigate().refresh();
        page.awaitAppReady();
        assertEquals(notebook, page.editorText());
        assertTrue(driver().findElements(By.cssSelector(".chunk-output")).isEmpty(), "no saved output");
        assertTrue(page.inReport(d -> d.findElement(By.id("report")).getText()).isBlank(), "nothing in the report");
    }

    /** Whether the notebook kept in this browser, with its outputs, holds {@code text}. */
    private static boolean keptOutputsHold(String text) {
        return Boolean.TRUE.equals(((JavascriptExecutor) driver()).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "window.jodidePageSupport.loadLocalNotebook('untitled', (record) =>"
                        + " done(Boolean(record && record.jupyterSource && record.jupyterSource.includes(arguments[0]))));", text));
    }

    @Test
    void anEditIsKeptAtOnceAndAReloadBringsItBackUntilDiscarded() {
        String original = page.editorText();
        page.replaceText(MINE);
        awaitStatus(driver(), "kept");
        assertEquals("Kept in this browser", status(driver()).getText());

        page.reopen();
        assertEquals(MINE, page.editorText(), "the reload shows the kept text, CRLF and all");
        WebElement note = page.awaitNoteElement("Restored your changes to this notebook");
        assertEquals("Changes restored", status(driver()).getText());
        assertTrue(driver().findElements(By.id("trust-banner")).isEmpty(), "the user's own text stays trusted");

        note.findElement(By.id("discard-changes")).click();
        new WebDriverWait(driver(), SHORT).until(d -> original.equals(page.editorText()));
        page.awaitNote("Changes discarded");
        page.reopen();
        assertEquals(original, page.editorText());
        assertTrue(driver().findElements(By.id("discard-changes")).isEmpty());
    }

    @Test
    void leavingAsksFirstOnlyWhileTypedTextIsKeptNowhere() {
        // One script: the edit and the leaving, before the autosave's timer can fire.
        Object asked = page.script("const editor = " + NotebookPage.EDITOR + "; const view = editor.view;"
                + "view.dispatch({changes: {from: 0, insert: 'x'}, userEvent: 'input.type'});"
                + "const leaving = new Event('beforeunload', {cancelable: true});"
                + "window.dispatchEvent(leaving); return leaving.defaultPrevented;");
        assertEquals(Boolean.TRUE, asked, "typed a moment ago, kept nowhere yet: the browser asks");
        awaitStatus(driver(), "kept");
        assertEquals(Boolean.FALSE, leavingAsks(), "kept: nothing to ask");
    }

    @Test
    void aCrashedBrowserGivesTheTypedTextBack() {
        HeadlessChromium crashing = HeadlessChromium.start();
        HeadlessChromium restarted = null;
        try {
            NotebookPage before = new NotebookPage(crashing.driver(), SITE.server().uri()).open();
            before.type("%% py\ntyped = 'before the crash'\n");
            awaitStatus(crashing.driver(), "kept");
            Path profile = crashing.crash();

            restarted = HeadlessChromium.startOnProfile(profile);
            NotebookPage after = new NotebookPage(restarted.driver(), SITE.server().uri()).reopen();
            new WebDriverWait(restarted.driver(), SHORT).until(d -> after.editorText().equals(
                    "%% py\ntyped = 'before the crash'\n"));
        } finally {
            if (restarted != null) {
                restarted.close();
            } else {
                crashing.close();
            }
        }
    }

    @Test
    void aSecondTabOnTheSameNotebookIsToldAndTakingItOverTellsTheFirst() {
        page.replaceText("%% md\nfirst tab\n");
        awaitStatus(driver(), "kept");
        String firstTab = driver().getWindowHandle();
        driver().switchTo().newWindow(WindowType.TAB);
        try {
            NotebookPage second = SITE.notebookPage().reopen();
            assertEquals("%% md\nfirst tab\n", second.editorText());
            WebElement conflict = driver().findElement(By.id("tab-conflict"));
            new WebDriverWait(driver(), SHORT).until(d -> conflict.isDisplayed());
            assertTrue(conflict.getText().contains("open in another tab"), conflict.getText());
            assertEquals("elsewhere", status(driver()).getDomAttribute("data-state"));

            second.replaceText("%% md\nsecond tab\n");
            assertEquals(Boolean.TRUE, leavingAsks(), "typed in the tab that does not hold the notebook: kept nowhere");
            driver().findElement(By.id("tab-conflict-take")).click();
            awaitStatus(driver(), "kept");
            assertFalse(conflict.isDisplayed());
            assertEquals(Boolean.FALSE, leavingAsks());

            driver().switchTo().window(firstTab);
            WebElement told = driver().findElement(By.id("tab-conflict"));
            new WebDriverWait(driver(), SHORT).until(d -> told.isDisplayed());
            assertTrue(told.getText().contains("now edited in another tab"), told.getText());
            page.replaceText("%% md\nfirst tab again\n");
            assertEquals(Boolean.TRUE, leavingAsks(), "the first tab's new text is kept nowhere: it asks");
        } finally {
            for (String handle : driver().getWindowHandles()) {
                if (!handle.equals(firstTab)) {
                    driver().switchTo().window(handle).close();
                }
            }
            driver().switchTo().window(firstTab);
        }
        page.script("window.onbeforeunload = null; window.addEventListener('beforeunload',"
                + " (e) => e.stopImmediatePropagation(), true);");
        page.reopen();
        assertEquals("%% md\nsecond tab\n", page.editorText(), "the tab that took the notebook over kept its text");
    }

    @Test
    void theNotebooksListRenamesDuplicatesOpensDownloadsAndDeletes() {
        page.replaceText(MINE);
        awaitStatus(driver(), "kept");
        page.click("show-notebooks");
        WebElement row = awaitRow("untitled");
        assertTrue(row.getText().contains("(open here)"), row.getText());
        assertTrue(row.getText().contains("written here"), row.getText());

        row.findElement(By.className("local-rename")).click();
        WebElement field = row.findElement(By.className("local-name-field"));
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), "analysis", Keys.ENTER);
        listWait().until(d -> awaitRow("untitled").getText().startsWith("analysis.iomd"));
        assertEquals(List.of("analysis.iomd", MINE), page.offeredDownload(() -> awaitRow("untitled")
                .findElement(By.className("local-download")).click()));

        awaitRow("untitled").findElement(By.className("local-duplicate")).click();
        WebElement copy = listWait().until(d -> d.findElements(By.cssSelector(
                "tr.local-notebook")).stream().filter(r -> r.getText().startsWith("Copy of analysis.iomd"))
                .findFirst().orElse(null));
        String copyId = copy.getDomAttribute("data-id");
        copy.findElement(By.className("local-open")).click();
        new WebDriverWait(driver(), SHORT).until(d -> d.getCurrentUrl().contains("local=" + copyId.replace(":", "%3A")));
        page.awaitAppReady();
        new WebDriverWait(driver(), SHORT).until(d -> MINE.equals(page.editorText()));
        assertTrue(driver().findElements(By.id("trust-banner")).isEmpty(), "a copy of the user's notebook is trusted");
        assertEquals(List.of("Copy of analysis.iomd", MINE), page.offeredDownload(() -> page.click("download-notebook")));

        page.click("show-notebooks");
        WebElement delete = awaitRow("untitled").findElement(By.className("local-delete"));
        delete.click();
        assertEquals("Delete for good?", delete.getText(), "a delete asks once more");
        delete.click();
        new WebDriverWait(driver(), SHORT).until(d -> d.findElements(By.cssSelector("tr.local-notebook[data-id='untitled']"))
                .isEmpty());
        assertEquals(1, driver().findElements(By.cssSelector("tr.local-notebook")).size(), "the copy is left");

        driver().findElement(By.id("new-notebook")).click();
        new WebDriverWait(driver(), SHORT).until(d -> d.getCurrentUrl().contains("local=new"));
        page.awaitAppReady();
        new WebDriverWait(driver(), SHORT).until(d -> page.editorText().startsWith("%% md\n# A new notebook"));
    }

    @Test
    void saveWritesTheExactBytesBackToTheFileTheNotebookWasOpenedFrom() {
        String onDisk = "\uFEFF%% md\r\n# From disk\r\n";
        fileOfTheUser("opened.iomd", onDisk);
        page.script("window.showOpenFilePicker = async () => [await (await navigator.storage.getDirectory())"
                + ".getFileHandle('opened.iomd')];");
        page.click("open-notebook");
        new WebDriverWait(driver(), SHORT).until(d -> "%% md\r\n# From disk\r\n".equals(page.editorText()));
        page.awaitNote("Opened opened.iomd; Save writes back to it.");
        assertTrue(driver().findElement(By.id("trust-banner")).isDisplayed(), "a file from elsewhere is untrusted");

        page.script("const editor = " + NotebookPage.EDITOR + "; const view = editor.view;"
                + "view.dispatch({changes: {from: view.state.doc.length, insert: 'Edited.\\r\\n'}, userEvent: 'input.type'});");
        page.editor().sendKeys(Keys.chord(Keys.CONTROL, "s"));
        awaitStatus(driver(), "saved");
        assertEquals("\uFEFF%% md\r\n# From disk\r\nEdited.\r\n", fileText("opened.iomd"), "written in place, mark and CRLF kept");

        // The page's address names the notebook kept in this browser: a reload has the text and the file.
        assertTrue(driver().getCurrentUrl().contains("local=file"), driver().getCurrentUrl());
        driver().get(driver().getCurrentUrl());
        page.awaitAppReady();
        new WebDriverWait(driver(), SHORT).until(d -> page.editorText().endsWith("Edited.\r\n"));
        page.script("const editor = " + NotebookPage.EDITOR + "; const view = editor.view;"
                + "view.dispatch({changes: {from: view.state.doc.length, insert: 'Again.'}, userEvent: 'input.type'});");
        page.editor().sendKeys(Keys.chord(Keys.CONTROL, "s"));
        new WebDriverWait(driver(), SHORT).until(d -> fileText("opened.iomd").endsWith("Again."));
        assertEquals("\uFEFF%% md\r\n# From disk\r\nEdited.\r\nAgain.", fileText("opened.iomd"));
    }

    @Test
    void saveWithoutAFileAsksWhereThenWritesThereAndDownloadsWhereTheBrowserCannotAsk() {
        page.replaceText(MINE);
        fileOfTheUser("chosen.iomd", "");
        page.script("window.showSaveFilePicker = async (options) => { window.suggested = options.suggestedName;"
                + " return (await navigator.storage.getDirectory()).getFileHandle('chosen.iomd'); };");
        page.click("save-notebook");
        awaitStatus(driver(), "saved");
        assertEquals("notebook.iomd", page.script("return window.suggested;"));
        assertEquals(MINE, fileText("chosen.iomd"));
        assertEquals(List.of("chosen.iomd", MINE), page.offeredDownload(() -> page.click("download-notebook")),
                "the notebook is named after its file");

        page.open();
        page.replaceText(MINE);
        page.script("window.showSaveFilePicker = undefined;");
        assertEquals(List.of("notebook.iomd", MINE), page.offeredDownload(() -> page.editor().sendKeys(Keys.chord(Keys.CONTROL, "s"))));
        awaitStatus(driver(), "saved");
        assertEquals("Downloaded", status(driver()).getText());
    }

    /** Puts {@code text} in the file {@code name} of the origin private file system (a real file, of this origin). */
    private void fileOfTheUser(String name, String text) {
        Object failure = ((JavascriptExecutor) driver()).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "(async () => { const file = await (await navigator.storage.getDirectory())"
                + "  .getFileHandle(arguments[0], {create: true});"
                + " const writable = await file.createWritable(); await writable.write(arguments[1]);"
                + " await writable.close(); })().then(() => done(null), (e) => done(String(e)));", name, text);
        assertEquals(null, failure, "the test's file " + name);
    }

    /** The text of the file {@code name} of the origin private file system, a byte order mark kept. */
    private String fileText(String name) {
        String json = (String) ((JavascriptExecutor) driver()).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "(async () => { const file = await (await (await navigator.storage.getDirectory())"
                        + "  .getFileHandle(arguments[0])).getFile();"
                        + " return new TextDecoder('utf-8', {ignoreBOM: true}).decode(await file.arrayBuffer()); })()"
                        + ".then((text) => done(JSON.stringify(text)), (e) => done(JSON.stringify('failed: ' + e)));", name);
        return new Json().toType(json, String.class);
    }

    /** Whether leaving the page now would ask the user first (a beforeunload event's default prevented). */
    private Boolean leavingAsks() {
        return (Boolean) page.script("const leaving = new Event('beforeunload', {cancelable: true});"
                + "window.dispatchEvent(leaving); return leaving.defaultPrevented;");
    }

    /**
     * A wait on the Notebooks list, which is drawn anew after each change: a row read while it is
     * replaced is stale, and the wait reads the list again.
     */
    private static WebDriverWait listWait() {
        WebDriverWait wait = new WebDriverWait(driver(), SHORT);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    private static WebElement awaitRow(String id) {
        return listWait().until(d -> d.findElements(By.cssSelector(
                "tr.local-notebook[data-id='" + id + "']")).stream().findFirst().orElse(null));
    }

    private static WebElement status(WebDriver driver) {
        return driver.findElement(By.id("save-status"));
    }

    private static void awaitStatus(WebDriver driver, String state) {
        try {
            new WebDriverWait(driver, SHORT).until(d -> state.equals(status(d).getDomAttribute("data-state")));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("the status is " + status(driver).getDomAttribute("data-state") + " ("
                    + status(driver).getDomAttribute("title") + "), not " + state + "; console: "
                    + driver.findElements(By.cssSelector("#console .console-entry")).stream().map(WebElement::getText)
                    .toList(), e);
        }
    }

    private static WebDriver driver() {
        return SITE.browser().driver();
    }
}

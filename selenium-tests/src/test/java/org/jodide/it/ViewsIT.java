package org.jodide.it;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Explore and Report views (toolbar and {@code ?view=}), which change only the layout and
 * never the eval frame, and the splitters between the panes (keyboard and pointer). Each test
 * starts from a fresh page with nothing remembered.
 */
class ViewsIT {
    @RegisterExtension
    static final SiteExtension SITE = new SiteExtension();

    private static final Duration SHORT = Duration.ofSeconds(5);

    /** What the Report view hides: everything but the report. */
    private static final List<String> CODE_AND_TOOLS = List.of("editor-pane", "console", "repl-input", "workspace-pane",
            "editor-splitter", "console-splitter", "workspace-splitter", "run-chunk");

    private NotebookPage page;

    @BeforeEach
    void freshPage() {
        page = SITE.notebookPage().clearLocalStorage().open();
    }

    /**
     * In a phone-sized window the panes stack, each as wide as the window, the editor first and the
     * report under it, and nothing runs off the page sideways (the toolbar wraps).
     */
    @Test
    void inANarrowWindowThePanesStackAndNothingRunsOffThePage() {
        Dimension wide = driver().manage().window().getSize();
        try {
            driver().manage().window().setSize(new Dimension(400, 850));
            new WebDriverWait(driver(), SHORT).until(d -> ((Number) page.script("return window.innerWidth;")).intValue() <= 420);
            @SuppressWarnings("unchecked")
            Map<String, Object> layout = (Map<String, Object>) page.script("""
                    const box = (id) => document.getElementById(id).getBoundingClientRect();
                    return {overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
                            width: document.documentElement.clientWidth,
                            panesWidth: document.querySelector('.panes').clientWidth,
                            editorWidth: box('editor-pane').width, editorBottom: box('editor-pane').bottom,
                            reportWidth: box('report-pane').width, reportTop: box('report-pane').top,
                            toolbarRight: Math.max(...[...document.querySelectorAll('.toolbar button')]
                                .filter((b) => b.offsetParent).map((b) => b.getBoundingClientRect().right))};
                    """);
            int width = ((Number) layout.get("width")).intValue();
            assertEquals(0, ((Number) layout.get("overflow")).intValue(), "nothing wider than the window: " + layout);
            assertTrue(((Number) layout.get("toolbarRight")).doubleValue() <= width, "every button is in the window: " + layout);
            // As wide as the column of panes, whose scroll bar takes the rest of the window's width.
            double column = ((Number) layout.get("panesWidth")).doubleValue();
            assertTrue(column >= width - 20, "the column of panes fills the window: " + layout);
            assertTrue(((Number) layout.get("editorWidth")).doubleValue() >= column - 1, "the editor is as wide as the column: " + layout);
            assertTrue(((Number) layout.get("reportWidth")).doubleValue() >= column - 1, "so is the report: " + layout);
            assertTrue(((Number) layout.get("reportTop")).doubleValue() >= ((Number) layout.get("editorBottom")).doubleValue(),
                    "the report is under the editor: " + layout);
            Number toolbarBottom = (Number) page.script("document.scrollingElement.scrollTop = 100000;"
                    + " return document.querySelector('.toolbar').getBoundingClientRect().bottom;");
            assertTrue(toolbarBottom.doubleValue() <= 0, "the page scrolls as one, the toolbar away with it"
                    + " (it would hold a third of a phone's screen): its bottom at " + toolbarBottom);
            page.script("document.scrollingElement.scrollTop = 0;");
            page.click("view-report");
            new WebDriverWait(driver(), SHORT).until(d -> "report".equals(page.view()));
            @SuppressWarnings("unchecked")
            Map<String, Object> report = (Map<String, Object>) page.script(
                    "return {height: document.getElementById('report-pane').getBoundingClientRect().height, window: innerHeight,"
                    + " editorShown: !!document.getElementById('editor-pane').offsetParent};");
            assertEquals(Boolean.FALSE, report.get("editorShown"), "Report view: " + report);
            assertTrue(Math.abs(((Number) report.get("height")).doubleValue() - ((Number) report.get("window")).doubleValue()) <= 2,
                    "the report is as tall as the window, under the toolbar: " + report);
            page.click("view-explore");
        } finally {
            driver().manage().window().setSize(wide);
        }
    }

    @Test
    void reportViewShowsOnlyTheReportAndKeepsPythonsState() {
        page.replaceText("%% md\n# Kept\n%% py\nkept = 41 + 1\n");
        int before = page.consoleEntries().size();
        page.click("run-all");
        assertEquals("done", page.awaitEntry(before).state());
        page.script("window.frameBeforeSwitching = document.getElementById('eval-frame');");
        page.inReport(d -> page.script("window.neverReloaded = true;"));

        page.click("view-report");
        awaitView("report");
        assertEquals("true", button("view-report").getDomAttribute("aria-pressed"));
        assertEquals("false", button("view-explore").getDomAttribute("aria-pressed"));
        for (String id : CODE_AND_TOOLS) {
            assertFalse(driver().findElement(By.id(id)).isDisplayed(), id + " is hidden in the Report view");
        }
        assertTrue(driver().getCurrentUrl().endsWith("?view=report"), driver().getCurrentUrl());
        WebElement frame = driver().findElement(By.id("eval-frame"));
        double pageWidth = ((Number) page.script("return document.documentElement.clientWidth;")).doubleValue();
        double belowToolbar = ((Number) page.script("return document.documentElement.clientHeight"
                + " - document.querySelector('.toolbar').getBoundingClientRect().bottom;")).doubleValue();
        assertTrue(Math.abs(frame.getRect().getWidth() - pageWidth) <= 2, "the report is as wide as the page");
        assertTrue(Math.abs(frame.getRect().getHeight() - belowToolbar) <= 2, "the report fills the page below the toolbar");
        assertEquals("Kept", page.inReport(d -> d.findElement(By.cssSelector("#report h1")).getText()));

        page.click("view-explore");
        awaitView("explore");
        for (String id : CODE_AND_TOOLS) {
            assertTrue(driver().findElement(By.id(id)).isDisplayed(), id + " is back in the Explore view");
        }
        assertFalse(driver().getCurrentUrl().contains("view="), driver().getCurrentUrl());
        assertEquals(Boolean.TRUE, page.script("return document.getElementById('eval-frame') === window.frameBeforeSwitching;"),
                "the eval frame is the same element");
        assertEquals(Boolean.TRUE, page.inReport(d -> page.script("return window.neverReloaded === true;")),
                "the eval frame was never reloaded");
        before = page.consoleEntries().size();
        WebElement input = driver().findElement(By.id("repl-input"));
        input.sendKeys("kept");
        input.sendKeys(Keys.ENTER);
        assertEquals("42", page.awaitEntry(before).value(), "Python still holds its variables");
    }

    /** The workspace is drawn only while it is on screen: the listing made while it was hidden shows once it is back. */
    @Test
    void theWorkspaceListedWhileHiddenShowsTheLatestVariablesWhenItComesBack() {
        page.replaceText("%% py\nhidden_while_listed = 'yes'\n");
        page.click("view-report");
        awaitView("report");
        page.click("run-all");
        new WebDriverWait(driver(), Duration.ofSeconds(60)).until(d -> "idle".equals(
                d.findElement(By.id("kernel-status")).getDomAttribute("data-state")));

        page.click("view-explore");
        awaitView("explore");
        WebElement row = new WebDriverWait(driver(), SHORT).until(d -> d.findElements(
                By.cssSelector("#workspace tr[data-name='hidden_while_listed']")).stream().findFirst().orElse(null));
        assertEquals("hidden_while_listed str 'yes'", row.getText());
    }

    @Test
    void viewParameterPicksTheViewOnLoad() {
        page.openWith("?view=report");
        assertEquals("report", page.view());
        assertFalse(driver().findElement(By.id("notebook-editor")).isDisplayed(), "no code in the Report view");
        assertTrue(driver().findElement(By.id("eval-frame")).isDisplayed());
        assertEquals("true", button("view-report").getDomAttribute("aria-pressed"));

        page.openWith("?view=explore");
        assertEquals("explore", page.view());
        assertTrue(driver().findElement(By.id("notebook-editor")).isDisplayed());
        assertEquals("true", button("view-explore").getDomAttribute("aria-pressed"));

        page.openWith("?view=nonsense");
        assertEquals("explore", page.view(), "an unknown view is Explore");
    }

    @Test
    void splittersAreSeparatorsThatArrowKeysMove() {
        WebElement splitter = driver().findElement(By.id("editor-splitter"));
        assertEquals("separator", splitter.getDomAttribute("role"));
        assertEquals("vertical", splitter.getDomAttribute("aria-orientation"));
        assertEquals("0", splitter.getDomAttribute("tabindex"));
        assertEquals("50", splitter.getDomAttribute("aria-valuenow"));
        int editorWidth = width("editor-pane");

        splitter.sendKeys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT);
        assertEquals("56", splitter.getDomAttribute("aria-valuenow"));
        assertTrue(width("editor-pane") > editorWidth + 20, "the editor got wider");
        splitter.sendKeys(Keys.ARROW_LEFT);
        assertEquals("54", splitter.getDomAttribute("aria-valuenow"));
        splitter.sendKeys(Keys.HOME);
        assertEquals(splitter.getDomAttribute("aria-valuemin"), splitter.getDomAttribute("aria-valuenow"));
        splitter.sendKeys(Keys.END);
        assertEquals(splitter.getDomAttribute("aria-valuemax"), splitter.getDomAttribute("aria-valuenow"));
        splitter.sendKeys(Keys.chord(Keys.SHIFT, Keys.ARROW_LEFT));
        assertEquals("75", splitter.getDomAttribute("aria-valuenow"), "Shift moves ten points");

        WebElement consoleSplitter = driver().findElement(By.id("console-splitter"));
        assertEquals("horizontal", consoleSplitter.getDomAttribute("aria-orientation"));
        int reportHeight = height("report-pane");
        consoleSplitter.sendKeys(Keys.ARROW_DOWN, Keys.ARROW_DOWN);
        assertEquals("64", consoleSplitter.getDomAttribute("aria-valuenow"));
        assertTrue(height("report-pane") > reportHeight, "the report got taller");
        consoleSplitter.sendKeys(Keys.ARROW_LEFT);
        assertEquals("64", consoleSplitter.getDomAttribute("aria-valuenow"), "Left and Right do not move a horizontal splitter");

        int workspaceWidth = width("workspace-pane");
        driver().findElement(By.id("workspace-splitter")).sendKeys(Keys.ARROW_LEFT, Keys.ARROW_LEFT);
        assertTrue(width("workspace-pane") > workspaceWidth, "the workspace got wider");

        page.open();
        assertEquals("75", driver().findElement(By.id("editor-splitter")).getDomAttribute("aria-valuenow"),
                "the panes keep their sizes over a reload");
        assertEquals("64", driver().findElement(By.id("console-splitter")).getDomAttribute("aria-valuenow"));
    }

    @Test
    void splittersFollowThePointer() {
        WebElement splitter = driver().findElement(By.id("editor-splitter"));
        int editorWidth = width("editor-pane");
        new Actions(driver()).clickAndHold(splitter).moveByOffset(-150, 0).release().perform();
        int narrower = width("editor-pane");
        assertTrue(Math.abs(editorWidth - 150 - narrower) <= 6, "dragged 150 px left: " + editorWidth + " -> " + narrower);
        assertNotEquals("50", splitter.getDomAttribute("aria-valuenow"));

        new Actions(driver()).doubleClick(splitter).perform();
        new WebDriverWait(driver(), SHORT).until(d -> "50".equals(splitter.getDomAttribute("aria-valuenow")));
        assertTrue(Math.abs(width("editor-pane") - editorWidth) <= 2, "a double click puts the splitter back");
    }

    @Test
    void escapeThenTabLeavesTheEditorForTheSplitterWithAVisibleFocusRing() {
        page.editor().click();
        page.editor().sendKeys(Keys.ESCAPE);
        page.editor().sendKeys(Keys.TAB);
        new WebDriverWait(driver(), SHORT).until(d -> "editor-splitter".equals(page.script("return document.activeElement.id;")));
        WebElement splitter = driver().findElement(By.id("editor-splitter"));
        assertEquals("solid", splitter.getCssValue("outline-style"));
        assertNotEquals("0px", splitter.getCssValue("outline-width"));
    }

    @Test
    void everyControlHasANameAndTheKeyboardReachesIt() {
        @SuppressWarnings("unchecked")
        List<String> unnamed = (List<String>) page.script(""
                + "return [...document.querySelectorAll('button, select, textarea, [role=separator], .cm-content')]"
                + "  .filter(control => !control.closest('[hidden]') && control.id !== 'notebook-text')"
                + "  .filter(control => !(control.getAttribute('aria-label') || control.getAttribute('aria-labelledby')"
                + "     || control.textContent.trim() || control.title))"
                + "  .map(control => control.outerHTML.slice(0, 80));");
        assertEquals(List.of(), unnamed, "controls without an accessible name");
        @SuppressWarnings("unchecked")
        List<String> unreachable = (List<String>) page.script(""
                + "return [...document.querySelectorAll('.toolbar button, [role=separator], #repl-input, #repl-language')]"
                + "  .filter(control => control.tabIndex < 0 || control.disabled).map(control => control.id);");
        assertEquals(List.of(), unreachable, "controls the Tab key skips");
    }

    private static void awaitView(String view) {
        new WebDriverWait(driver(), SHORT).until(d -> view.equals(
                ((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.documentElement.dataset.view;")));
    }

    private static WebElement button(String id) {
        return driver().findElement(By.id(id));
    }

    private static int width(String id) {
        return driver().findElement(By.id(id)).getRect().getWidth();
    }

    private static int height(String id) {
        return driver().findElement(By.id(id)).getRect().getHeight();
    }

    private static WebDriver driver() {
        return SITE.browser().driver();
    }
}

package org.jodide.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Light and dark for the whole page: toolbar, panes, console, the CodeMirror editor and the
 * report inside the eval frame. The default follows the system's prefers-color-scheme (emulated
 * here through Chromium's DevTools protocol); the toolbar's choice overrides it and is remembered.
 */
class ThemesIT {
    @RegisterExtension
    static final SiteExtension SITE = new SiteExtension();

    /** The report frame may still be loading its scripts when the page is up. */
    private static final Duration SHORT = Duration.ofSeconds(20);

    private NotebookPage page;

    @BeforeEach
    void freshPage() {
        page = SITE.notebookPage().clearLocalStorage();
    }

    @AfterEach
    void systemLightAgain() {
        SITE.browser().emulateColourScheme("light");
        page.clearLocalStorage();
    }

    @Test
    void theDefaultFollowsTheSystemSettingAndItsChanges() {
        SITE.browser().emulateColourScheme("dark");
        page.open();
        assertEquals("auto", page.script("return document.documentElement.dataset.theme;"));
        assertEquals("true", pressed("theme-auto"));
        awaitLooks("dark");

        SITE.browser().emulateColourScheme("light");
        awaitLooks("light");
    }

    @Test
    void theToggleSetsEveryPartAndIsRemembered() {
        SITE.browser().emulateColourScheme("light");
        page.open();
        awaitLooks("light");

        page.click("theme-dark");
        assertEquals("true", pressed("theme-dark"));
        assertEquals("false", pressed("theme-auto"));
        awaitLooks("dark");

        page.open();
        assertEquals("true", pressed("theme-dark"), "the choice is remembered");
        String frameUrl = SITE.browser().driver().findElement(By.id("eval-frame")).getDomAttribute("src");
        assertTrue(frameUrl.contains("#theme=dark"), "a new report is told the theme in its URL: " + frameUrl);
        awaitLooks("dark");

        SITE.browser().emulateColourScheme("dark");
        page.click("theme-light");
        awaitLooks("light");

        page.click("theme-auto");
        awaitLooks("dark");
    }

    @Test
    void theReportIsDarkWhenTheToggleSaysDarkOnALightSystemEvenAfterARestart() {
        SITE.browser().emulateColourScheme("light");
        page.open();
        // Looks into the frame wait until Python has loaded: meanwhile its thread may be too busy to answer.
        page.awaitKernelState("idle", NotebookPage.PYTHON);
        page.click("theme-dark");
        awaitReportBackground("dark");
        assertEquals("dark", page.inReport(d -> page.script("return document.documentElement.dataset.theme;")));

        page.click("restart-kernel");
        page.awaitKernelState("idle", NotebookPage.PYTHON);
        awaitReportBackground("dark");
        page.click("theme-light");
        awaitReportBackground("light");
    }

    /** Highlighted code in the report's markdown takes each theme's token colours (report.css), as the editor's code does. */
    @Test
    void codeInTheReportsMarkdownIsColouredForEachTheme() {
        SITE.browser().emulateColourScheme("light");
        page.open();
        page.replaceText("%% md\n```python\nimport math  # a comment\n```\n");
        awaitKeywordColour("rgb(119, 0, 136)");
        page.click("theme-dark");
        awaitKeywordColour("rgb(199, 146, 234)");
        page.click("theme-light");
        awaitKeywordColour("rgb(119, 0, 136)");
    }

    /** Waits until the report's first highlighted keyword has the computed colour {@code expected}. */
    private void awaitKeywordColour(String expected) {
        String script = "const keyword = document.querySelector('#report code.language-python .tok-keyword');"
                + " return keyword ? getComputedStyle(keyword).color : 'no keyword yet';";
        try {
            new WebDriverWait(SITE.browser().driver(), SHORT).ignoring(org.openqa.selenium.WebDriverException.class)
                    .until(d -> expected.equals(page.inReport(frame -> page.script(script))));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("expected the keyword " + expected + ", it is " + page.inReport(frame -> page.script(script)), e);
        }
    }

    /** Waits until the report's body has a {@code light} or {@code dark} computed background. */
    private void awaitReportBackground(String expected) {
        // The frame is replaced by a restart: a look at it may fail while the new one loads.
        new WebDriverWait(SITE.browser().driver(), SHORT).ignoring(org.openqa.selenium.WebDriverException.class)
                .until(d -> expected.equals(page.inReport(frame -> (String) page.script(""
                + "if (!document.body) { return 'still loading'; }"
                + "const [r, g, b] = getComputedStyle(document.body).backgroundColor.match(/[\\d.]+/g).map(Number);"
                + "return (r + g + b) / 3 > 128 ? 'light' : 'dark';"))));
    }

    /**
     * Waits until every part of the page looks {@code light} or {@code dark}: the page, the
     * toolbar, the console, the workspace, the editor (its theme and background) and the report.
     */
    private void awaitLooks(String expected) {
        awaitReportTheme();
        try {
            new WebDriverWait(SITE.browser().driver(), SHORT).ignoring(org.openqa.selenium.WebDriverException.class)
                    .until(d -> expected.equals(looks()));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("expected every part " + expected + ": " + looksOrWhyNot(), e);
        }
    }

    /**
     * Waits until the report frame answers and has a {@code data-theme} (from its URL, before
     * Python loads): a look into a frame still loading its scripts, or busy starting Python, may
     * time out, so each look that fails is tried again.
     */
    private void awaitReportTheme() {
        new WebDriverWait(SITE.browser().driver(), NotebookPage.PYTHON).ignoring(org.openqa.selenium.WebDriverException.class)
                .until(d -> page.inReport(frame -> page.script("return document.documentElement.dataset.theme || null;")));
    }

    private String looksOrWhyNot() {
        try {
            return looks();
        } catch (org.openqa.selenium.WebDriverException e) {
            return "the report did not answer: " + e.getMessage();
        }
    }

    /** "light" or "dark" when every part agrees, else what each part looks like. */
    private String looks() {
        @SuppressWarnings("unchecked")
        Map<String, String> parts = (Map<String, String>) page.script(""
                + "const lightness = (element) => {"
                + "  const [r, g, b] = getComputedStyle(element).backgroundColor.match(/[\\d.]+/g).map(Number);"
                + "  return (r + g + b) / 3 > 128 ? 'light' : 'dark'; };"
                + "const editor = document.querySelector('#notebook-editor .cm-editor');"
                + "return {page: lightness(document.body), toolbar: lightness(document.querySelector('.toolbar')),"
                + "  console: lightness(document.getElementById('console')),"
                + "  workspace: lightness(document.getElementById('workspace-pane')),"
                + "  editor: lightness(editor), editorTheme: editor.dataset.theme};");
        String report = page.inReport(d -> (String) page.script(""
                + "if (!document.body) { return 'still loading'; }"
                + "if (!document.documentElement.dataset.theme) { return 'no theme yet'; }"
                + "const [r, g, b] = getComputedStyle(document.body).backgroundColor.match(/[\\d.]+/g).map(Number);"
                + "return (r + g + b) / 3 > 128 ? 'light' : 'dark';"));
        java.util.TreeMap<String, String> all = new java.util.TreeMap<>(parts);
        all.put("report", report);
        return all.values().stream().distinct().count() == 1 ? all.values().iterator().next() : all.toString();
    }

    private static String pressed(String id) {
        return SITE.browser().driver().findElement(By.id(id)).getDomAttribute("aria-pressed");
    }

    /** Makes Chromium report {@code scheme} as the system's prefers-color-scheme, to the page and its frames. */
}

package org.jodide.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Accessibility, audited by axe-core ({@link AxeAudit}) as a reader meets the product: the notebook
 * page and its report after a notebook with every kind of output has run, in the light and the dark
 * theme, the Report view, each dialog, and the runnable cells of a documentation page before, while
 * and after they run, light and dark. Each audit fails on any violation of axe-core's default rules
 * (WCAG 2 A and AA, best practices), colour contrast included. The first audit found a
 * toolbar role that hid the page's banner, no level-one heading, the report outside any landmark,
 * line numbers and the pressed view button below 4.5:1, and, in a dark system theme, embedded cells
 * whose code and values kept the light theme's colours on a dark background.
 */
class AccessibilityIT {
    @RegisterExtension
    static final SiteExtension SITE = new SiteExtension();

    private static final Duration SHORT = Duration.ofSeconds(10);

    /**
     * A notebook whose run shows every kind of output: markdown with code, a table, a task list, a bare
     * URL and a footnote; text, errors, HTML, values.
     */
    private static final String NOTEBOOK = "%% md\n# Harvest\n\nFigures[^scale] from the [allotment](https://example.com/allotment) "
            + "(see https://example.com/beds), "
            + "`kg` per bed.\n\n```python\ntotal = sum(beds.values())  # kg\nprint(f\"{total:.1f}\\n\", r\"\\d+\")\n```\n\n| bed | kg |\n|---|---|\n| A | 12 |\n\n"
            + "- [x] weighed\n- [ ] plotted\n\n[^scale]: Weighed on the shed's scale.\n\n"
            + "%% css\nh1 { letter-spacing: 0.02em; }\n"
            + "%% py\nimport sys  # comments, escapes and f-strings in each theme's colours\nfrom IPython.display import HTML, display\n"
            + "beds: dict[str, float] = {'A': 12, 'B': 7.5}\nprint(f'{len(beds)} beds\\n', end='')\n"
            + "print('beds:', len(beds))\nprint('B is estimated', file=sys.stderr)\n"
            + "display(HTML('<table><caption>Beds</caption><tr><th>bed</th><th>kg</th></tr><tr><td>A</td><td>12</td></tr></table>'))\n"
            + "sum(beds.values())\n"
            + "%% js\nconsole.warn('checked in JavaScript');\n({ beds: 2 })\n"
            + "%% py\nbeds['C'] / 0\n";

    @AfterEach
    void systemThemeBack() {
        SITE.browser().emulateColourScheme("light");
    }

    @ParameterizedTest
    @ValueSource(strings = {"light", "dark"})
    void theNotebookPageItsReportAndTheReportViewPassAnAudit(String scheme) {
        SITE.browser().emulateColourScheme(scheme);
        NotebookPage page = SITE.notebookPage().clearLocalStorage();
        page.open();
        page.awaitKernelState("idle", NotebookPage.PYTHON);
        page.replaceText(NOTEBOOK);
        page.click("run-all");
        assertEquals("error", page.awaitEntry(2).state(), "the last chunk, which fails, ran");
        new WebDriverWait(driver(), SHORT).until(d -> page.inReport(frame -> !frame.findElements(
                By.cssSelector("#report code.language-python .tok-keyword, #report code.language-python .tok-variableName")).isEmpty()));

        AxeAudit.assertPasses(driver(), "the notebook page (" + scheme + ")");
        page.inReport(frame -> {
            AxeAudit.assertPasses(frame, "the report (" + scheme + ")");
            return null;
        });
        page.click("view-report");
        AxeAudit.assertPasses(driver(), "the Report view (" + scheme + ")");
    }

    /** A long notebook opened by link, not yet trusted: the banner that asks to run it, and an editor that scrolls. */
    @Test
    void aNotebookOpenedByLinkPassesAnAuditBeforeItRuns() {
        Dimension size = driver().manage().window().getSize();
        try {
            driver().manage().window().setSize(new Dimension(1280, 600));
            NotebookPage page = SITE.notebookPage().clearLocalStorage().openWith("?notebook=examples/city-report.iomd");
            new WebDriverWait(driver(), SHORT).until(d -> page.editorText().contains("%% py"));
            Object scrolls = page.script("const scroller = document.querySelector('#notebook-editor .cm-scroller');"
                    + " return scroller.scrollHeight > scroller.clientHeight;");
            assertEquals(Boolean.TRUE, scrolls, "the notebook is longer than the editor");
            AxeAudit.assertPasses(driver(), "the page of a notebook opened by link");
        } finally {
            driver().manage().window().setSize(size);
        }
    }

    @Test
    void everyDialogPassesAnAudit() {
        NotebookPage page = SITE.notebookPage().clearLocalStorage();
        page.open();
        page.awaitKernelState("idle", NotebookPage.PYTHON);
        Map<String, String> dialogs = Map.of("show-notebooks", "notebooks-dialog", "show-files", "files-dialog",
                "kernel-menu", "kernel-dialog", "show-help", "help-dialog", "copy-link", "share-dialog");
        for (Map.Entry<String, String> dialog : dialogs.entrySet()) {
            page.click(dialog.getKey());
            new WebDriverWait(driver(), SHORT).until(d -> d.findElement(By.id(dialog.getValue())).getDomAttribute("open") != null);
            AxeAudit.assertPasses(driver(), "the page with " + dialog.getValue() + " open");
            new Actions(driver()).sendKeys(Keys.ESCAPE).perform();
            new WebDriverWait(driver(), SHORT).until(d -> d.findElement(By.id(dialog.getValue())).getDomAttribute("open") == null);
        }
    }

    /** The site's embed.html: its cells in page order. */
    private static final int DEFINES_X = 0;
    private static final int USES_X = 1;
    private static final int DOCTEST = 2;
    private static final int FAILS = 3;
    private static final int LOOPS = 4;
    private static final int JAVASCRIPT = 5;
    private static final int CELLS = 6;

    @ParameterizedTest
    @ValueSource(strings = {"light", "dark"})
    void embeddedCellsPassAnAuditBeforeWhileAndAfterTheyRun(String scheme) {
        SITE.browser().emulateColourScheme(scheme);
        EmbeddedCells cells = EmbeddedCells.open(driver(), SITE.server().uri().resolve("/embed.html").toString(), CELLS);
        AxeAudit.assertPasses(driver(), "the documentation page's cells before a run (" + scheme + ")");

        for (int cell : List.of(DEFINES_X, USES_X, DOCTEST, FAILS, JAVASCRIPT)) {
            cells.cell(cell).run();
            cells.cell(cell).awaitState(NotebookPage.PYTHON, "done", "error");
        }
        EmbeddedCells.Cell loop = cells.cell(LOOPS);
        loop.run();
        loop.awaitState(SHORT, "running");
        AxeAudit.assertPasses(driver(), "the documentation page's cells after runs, one running (" + scheme + ")");
        loop.stop();
        loop.awaitState(SHORT, "error", "done", "idle");
    }

    private static WebDriver driver() {
        return SITE.browser().driver();
    }

}

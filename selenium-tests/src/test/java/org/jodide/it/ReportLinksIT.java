package org.jodide.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Links in the report (docs/running.md, "Links in the report"): a reader's click on a link that leads
 * out of the report, in its markdown or in an output, opens the page in a new tab, a relative link
 * against the notebook's location, and the report and its kernel stay (followed in the sandboxed
 * frame, the page replaced both, while the status still said "Python: ready"); so does one in the
 * editor page's copy of an output (which took the editor away). Links to a heading still scroll the
 * report; download links download.
 */
class ReportLinksIT {
    @RegisterExtension
    static final SiteExtension SITE = new SiteExtension();

    private static final Duration SHORT = Duration.ofSeconds(10);

    private static final String NOTEBOOK = "%% md\n# Links\nThe [example notebook](examples/city-report.iomd), "
            + "[its data](SITE/examples/data/about.txt) and [the end](#the-end).\n"
            + "%% py\nfrom IPython.display import HTML\nx = 41\n"
            + "HTML('<a href=\"examples/python-basics.iomd\" style=\"display: block; padding: 20px\">basics</a>')\n"
            + "%% md\n## The end\n";

    private String editorTab;

    @AfterEach
    void closeOtherTabs() {
        if (editorTab == null) {
            return;
        }
        for (String handle : driver().getWindowHandles()) {
            if (!handle.equals(editorTab)) {
                driver().switchTo().window(handle).close();
            }
        }
        driver().switchTo().window(editorTab);
    }

    @Test
    void aLinkClickedInTheReportOpensInANewTabAndTheReportAndItsKernelStay() {
        NotebookPage page = openSettled();
        String notebook = NOTEBOOK.replace("SITE/", SITE.uri().toString());
        NotebookPage.ConsoleEntry shown = page.runChunkWith(notebook, "from IPython");
        assertEquals("done", shown.state(), shown.error());

        String opened = openedBy(() -> page.inReport(frame -> {
            frame.findElement(By.linkText("example notebook")).click();
            return null;
        }));
        assertEquals(SITE.uri() + "examples/city-report.iomd", opened, "a relative link, against the notebook's location (the site)");
        assertReportAndKernelStay(page);

        opened = openedBy(() -> page.inReport(frame -> {
            frame.findElement(By.linkText("its data")).click();
            return null;
        }));
        assertEquals(SITE.uri() + "examples/data/about.txt", opened);

        // The output's link is in a closed shadow root: clicked where it is drawn.
        opened = openedBy(() -> page.inReport(frame -> {
            WebElement output = frame.findElement(By.cssSelector("#report .isolated-output"));
            new Actions(frame).moveToElement(output).click().perform();
            return null;
        }));
        assertEquals(SITE.uri() + "examples/python-basics.iomd", opened, "a link in an output opens outside too");
        assertReportAndKernelStay(page);

        // The same output under its chunk, in the editor page: the editor stays.
        String editorUrl = driver().getCurrentUrl();
        opened = openedBy(() -> new Actions(driver()).moveToElement(
                driver().findElement(By.cssSelector("#console .isolated-output"))).click().perform());
        assertEquals(SITE.uri() + "examples/python-basics.iomd", opened, "a link in the editor page's output opens outside");
        assertEquals(editorUrl, driver().getCurrentUrl(), "the editor page stays");

        page.inReport(frame -> {
            frame.findElement(By.linkText("the end")).click();
            return null;
        });
        assertEquals(1, driver().getWindowHandles().size(), "a link to a heading opens nothing");
        assertReportAndKernelStay(page);
    }

    /** The welcome notebook's example links open each example in a tab of its own, where it shows. */
    @Test
    void theWelcomeNotebooksExampleLinksOpenTheExamples() throws IOException {
        NotebookPage page = openSettled();
        Set<String> before = new HashSet<>(driver().getWindowHandles());
        new WebDriverWait(driver(), NotebookPage.PYTHON).ignoring(org.openqa.selenium.WebDriverException.class)
                .until(d -> page.inReport(frame -> !frame.findElements(By.linkText("a city report")).isEmpty()));
        page.inReport(frame -> {
            frame.findElement(By.linkText("a city report")).click();
            return null;
        });
        String tab;
        try {
            tab = new WebDriverWait(driver(), NotebookPage.PYTHON).until(d -> d.getWindowHandles().stream()
                    .filter(handle -> !before.contains(handle)).findFirst().orElse(null));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("no tab opened; the console says: " + page.string("document.getElementById('console').textContent")
                    + "; the report's frame is at " + page.inReport(frame -> page.script("return location.href;")), e);
        }
        driver().switchTo().window(tab);
        String example = Files.readString(Path.of("../examples/city-report.iomd"));
        NotebookPage opened = new NotebookPage(driver(), SITE.uri());
        new WebDriverWait(driver(), NotebookPage.PYTHON).ignoring(org.openqa.selenium.WebDriverException.class)
                .until(d -> example.equals(opened.editorText()));
        driver().close();
        driver().switchTo().window(editorTab);
        assertTrue(page.editorText().startsWith("%% md\n# Welcome to Jodide"), "the welcome notebook stays in its tab");
    }

    /** The URL of the tab that {@code click} opens. */
    private String openedBy(Runnable click) {
        Set<String> before = new HashSet<>(driver().getWindowHandles());
        click.run();
        String tab = new WebDriverWait(driver(), SHORT).until(d -> d.getWindowHandles().stream()
                .filter(handle -> !before.contains(handle)).findFirst().orElse(null));
        driver().switchTo().window(tab);
        String url = new WebDriverWait(driver(), SHORT).until(d -> "about:blank".equals(d.getCurrentUrl()) ? null : d.getCurrentUrl());
        driver().close();
        driver().switchTo().window(editorTab);
        return url;
    }

    /**
     * A link to a fragment in an output ({@code Markdown(...)}'s footnote): it scrolls to the note in
     * that output and changes no URL. Followed by the browser, it replaced the report frame's fragment
     * (which carries the frame's settings) and, under the chunk in the editor page, the editor's.
     */
    @Test
    void aFootnoteLinkInAnOutputScrollsToItsNoteAndChangesNoUrl() {
        NotebookPage page = openSettled();
        String notebook = "%% py\nfrom IPython.display import Markdown\n"
                + "Markdown('See the note[^1].\\n\\n<div style=\"height: 3000px\"></div>\\n\\n[^1]: The output\\'s own note.')\n";
        NotebookPage.ConsoleEntry shown = page.runChunkWith(notebook, "from IPython");
        assertEquals("done", shown.state(), shown.error());
        String frameUrl = page.inReport(frame -> (String) ((JavascriptExecutor) frame).executeScript("return location.href;"));
        page.inReport(frame -> {
            footnoteReferenceInOutput(frame, "#report .isolated-output").click();
            return null;
        });
        Boolean noteInView = new WebDriverWait(driver(), SHORT).until(d -> page.inReport(frame -> (Boolean) ((JavascriptExecutor) frame)
                .executeScript("const host = document.querySelector('#report .isolated-output');"
                        + "const box = window.jodideReportLibs.isolatedRoot(host).querySelector('.footnotes li').getBoundingClientRect();"
                        + "return (box.top >= -2 && box.top <= innerHeight) || null;")));
        assertTrue(noteInView, "the output's note scrolled into view, 3000 px down");
        assertEquals(frameUrl, page.inReport(frame -> ((JavascriptExecutor) frame).executeScript("return location.href;")),
                "the frame's URL, and the settings in its fragment, stay");
        assertEquals(1, driver().getWindowHandles().size(), "nothing opened");

        String editorUrl = driver().getCurrentUrl();
        footnoteReferenceInOutput(driver(), "#console .isolated-output").click();
        assertEquals(editorUrl, driver().getCurrentUrl(), "the editor page's URL stays");
        assertEquals(1, driver().getWindowHandles().size(), "nothing opened");
    }

    /**
     * A fresh notebook page once Python is ready, as a reader clicks: once the page has settled (a
     * click while the report's frame starts Python is dispatched late there, on a busy machine). Its
     * tab is the one the test's other tabs are closed back to.
     */
    private NotebookPage openSettled() {
        NotebookPage page = SITE.notebookPage().clearLocalStorage();
        page.open();
        page.awaitKernelState("idle", NotebookPage.PYTHON);
        editorTab = driver().getWindowHandle();
        return page;
    }

    /** The footnote reference of the first output under {@code hostSelector}, in its closed shadow root, scrolled into view. */
    private static WebElement footnoteReferenceInOutput(WebDriver driver, String hostSelector) {
        return (WebElement) ((JavascriptExecutor) driver).executeScript(
                "const reference = window.jodideReportLibs.isolatedRoot(document.querySelector(arguments[0]))"
                        + ".querySelector('sup a.footnote-ref');"
                        + "reference.scrollIntoView({block: 'center'}); return reference;", hostSelector);
    }

    private void assertReportAndKernelStay(NotebookPage page) {
        assertEquals("Links", page.inReport(frame -> frame.findElement(By.cssSelector("#report h1")).getText()),
                "the report is still in its frame");
        NotebookPage.ConsoleEntry run = page.runChunkWith(page.editorText(), "from IPython");
        assertEquals("done", run.state(), run.error());
        assertTrue(page.inReport(frame -> frame.findElements(By.cssSelector("#report .isolated-output")).size()) >= 1);
    }

    /**
     * Download links: an output's {@code <a download href="data:…">} (pandas users' "download the CSV"
     * link) and a blob: URL a js chunk made download their file, named as the link says, and the
     * report stays.
     */
    @Test
    void aDownloadLinkInTheReportDownloadsItsFile() throws IOException {
        SITE.browser().downloadInto(downloads);
        NotebookPage page = openSettled();
        String notebook = "%% md\n# Downloads\n"
                + "%% py\nimport base64\nfrom IPython.display import HTML\nrows = base64.b64encode(b'bed,kg\\nA,12\\n').decode()\n"
                + "HTML(f'<a download=\"beds.csv\" href=\"data:text/csv;base64,{rows}\" style=\"display: block; padding: 20px\">beds</a>')\n"
                + "%% js\nconst link = document.createElement('a');\nlink.id = 'made-by-js';\nlink.textContent = 'made by JavaScript';\n"
                + "link.href = URL.createObjectURL(new Blob(['{\"beds\": 2}'], { type: 'application/json' }));\n"
                + "link.download = '';\ndocument.getElementById('report').append(link);\n";
        assertEquals("done", page.runChunkWith(notebook, "import base64").state());
        assertEquals("done", page.runChunkWith(notebook, "const link").state());

        page.inReport(frame -> {
            new Actions(frame).moveToElement(frame.findElement(By.cssSelector("#report .isolated-output"))).click().perform();
            return null;
        });
        assertEquals("bed,kg\nA,12\n", downloaded("beds.csv"));
        page.inReport(frame -> {
            frame.findElement(By.id("made-by-js")).click();
            return null;
        });
        assertEquals("{\"beds\": 2}", downloaded("download.json"), "named by its type");
        assertEquals(1, driver().getWindowHandles().size(), "no tab opened");
        assertEquals("Downloads", page.inReport(frame -> frame.findElement(By.cssSelector("#report h1")).getText()));
    }

    @TempDir
    static Path downloads;

    /** The text of the file {@code name} once Chromium has saved it whole in the downloads folder. */
    private static String downloaded(String name) {
        Path file = downloads.resolve(name);
        return new WebDriverWait(driver(), SHORT).until(d -> {
            try {
                return Files.exists(file) && Files.size(file) > 0 ? Files.readString(file) : null;
            } catch (IOException e) {
                return null;
            }
        });
    }

    private static WebDriver driver() {
        return SITE.browser().driver();
    }
}

package org.jodide.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console input (py or js, with history) and the workspace pane of both languages' variables,
 * with Python on the frame's main thread and in its worker ({@link PythonMode}).
 */
@ParameterizedClass
@EnumSource(value = PythonMode.class, names = PythonMode.DEFAULT_ONLY)
class ConsoleAndWorkspaceIT {
    @RegisterExtension
    static final SiteExtension SITE = new SiteExtension();

    private static NotebookPage page;
    private static WebDriver driver;

    @Parameter
    PythonMode mode;

    @BeforeParameterizedClassInvocation
    static void openNotebook(PythonMode mode) {
        page = mode.open(SITE);
        driver = SITE.browser().driver();
    }

    private static WebElement input() {
        return driver.findElement(By.id("repl-input"));
    }

    private static NotebookPage.ConsoleEntry enter(String language, String code) {
        new Select(driver.findElement(By.id("repl-language"))).selectByVisibleText(language);
        int before = page.consoleEntries().size();
        input().sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input().sendKeys(code);
        input().sendKeys(Keys.ENTER);
        return page.awaitEntry(before);
    }

    /** The workspace row's text, once it is there ({@link NotebookPage#workspaceRow}, 10 s at most). */
    private static String workspaceRow(String language, String name) {
        return page.workspaceRow(language, name, Duration.ofSeconds(10));
    }

    @Test
    void consoleInputRunsInEitherLanguageAndShowsItsValue() {
        assertEquals("2", enter("py", "1+1").value());
        assertEquals("42", enter("js", "6*7").value());
        assertEquals("", page.replText(), "the input clears after running");
    }

    @Test
    void theConsoleScrollsToTheNewestEntry() {
        for (int i = 0; i < 3; i++) {
            enter("py", "for i in range(40): print('line', i)");
        }
        Boolean atBottom = new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> (Boolean) page.script(
                "const c = document.getElementById('console');"
                        + "return c.scrollHeight > c.clientHeight && c.scrollTop + c.clientHeight >= c.scrollHeight - 2;"));
        assertEquals(true, atBottom, "the newest output is in view");
    }

    @Test
    void upAndDownWalkTheHistory() {
        enter("py", "first = 1");
        enter("py", "second = 2");
        input().sendKeys("draft");
        input().sendKeys(Keys.ARROW_UP);
        assertEquals("second = 2", page.replText());
        input().sendKeys(Keys.ARROW_UP);
        assertEquals("first = 1", page.replText());
        input().sendKeys(Keys.ARROW_DOWN, Keys.ARROW_DOWN);
        assertEquals("draft", page.replText());
        input().sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        assertEquals("", page.replText());
    }

    /**
     * The input is code as in a chunk: Shift+Enter adds a line (an indented block runs as one input),
     * names complete from the kernel (Ctrl+Space) and Shift+Tab shows the help of the call the cursor
     * is in.
     */
    @Test
    void theInputEditsCodeOverLinesCompletesNamesAndShowsHelp() {
        new Select(driver.findElement(By.id("repl-language"))).selectByVisibleText("py");
        int before = page.consoleEntries().size();
        input().sendKeys("import math");
        input().sendKeys(Keys.chord(Keys.SHIFT, Keys.ENTER));
        input().sendKeys("for _n in (4, 9):");
        input().sendKeys(Keys.chord(Keys.SHIFT, Keys.ENTER));
        input().sendKeys("print(math.sqrt(_n))");
        assertEquals("import math\nfor _n in (4, 9):\n    print(math.sqrt(_n))", page.replText(),
                "Shift+Enter added lines, indented after the colon");
        input().sendKeys(Keys.ENTER);
        NotebookPage.ConsoleEntry ran = page.awaitEntry(before);
        assertTrue(ran.output().contains("2.0\n3.0"), "the lines ran as one input: " + ran.output());

        input().sendKeys("math.sqr");
        input().sendKeys(Keys.chord(Keys.CONTROL, Keys.SPACE));
        String options = shownText(".repl .cm-tooltip-autocomplete");
        assertTrue(options.contains("sqrt"), options);
        input().sendKeys(Keys.ENTER);
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> page.replText().startsWith("math.sqrt"));
        assertEquals(before + 1, page.consoleEntries().size(), "Enter picked the name: nothing ran");
        input().sendKeys(Keys.END);
        if (!page.replText().endsWith("(")) {
            input().sendKeys("(");
        }
        input().sendKeys(Keys.chord(Keys.SHIFT, Keys.TAB));
        String help = shownText(".repl .cm-context-help");
        assertTrue(help.contains("square root"), help);
        input().sendKeys(Keys.ESCAPE);
        input().sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);

        // JavaScript names complete from the report frame's globals, as Python's from the kernel.
        assertEquals("\"set\"", enter("js", "globalThis.consoleCompletionProbe = { answer: 42 }; 'set'").value());
        input().sendKeys("consoleCompletionPr");
        input().sendKeys(Keys.chord(Keys.CONTROL, Keys.SPACE));
        String jsOptions = shownText(".repl .cm-tooltip-autocomplete");
        assertTrue(jsOptions.contains("consoleCompletionProbe"), jsOptions);
        input().sendKeys(Keys.ENTER);
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> page.replText().equals("consoleCompletionProbe"));
        input().sendKeys(".ans");
        input().sendKeys(Keys.chord(Keys.CONTROL, Keys.SPACE));
        String members = shownText(".repl .cm-tooltip-autocomplete");
        assertTrue(members.contains("answer"), members);
        input().sendKeys(Keys.ENTER);
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> page.replText().equals("consoleCompletionProbe.answer"));
        assertEquals("42", enter("js", page.replText()).value());
    }

    /**
     * The text of the first element of {@code css} once the page shows one with text (a tooltip of the
     * input; read as its textContent: CodeMirror places a tooltip in a frame after making it).
     */
    private static String shownText(String css) {
        return new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> {
            List<WebElement> shown = d.findElements(By.cssSelector(css));
            String text = shown.isEmpty() ? null : shown.get(0).getDomProperty("textContent");
            return text == null || text.isEmpty() ? null : text;
        });
    }

    /**
     * A long Run All: the pane follows it (a listing at most every WorkspaceRefresh.STALE_MS while
     * runs keep coming), listed by the worker between the runs it queues, rather than staying empty
     * until the last chunk ends.
     */
    @Test
    void theWorkspaceFollowsALongRunAllWhileItRuns() {
        StringBuilder notebook = new StringBuilder("%% py\nimport time\nearly = 'first chunk'\n");
        int sleepers = 60;
        for (int i = 0; i < sleepers; i++) {
            notebook.append("%% py\ntime.sleep(0.1)\n");
        }
        notebook.append("%% py\nlate = 'last chunk'\n");
        page.replaceText(notebook.toString());
        int before = page.consoleEntries().size();
        page.click("run-all");
        assertEquals("early str 'first chunk'", page.workspaceRow("PYTHON", "early", Duration.ofSeconds(5)));
        assertTrue(driver.findElements(By.cssSelector("#workspace tr[data-name='late']")).isEmpty(),
                "listed while the Run All goes on, before its last chunk");
        page.awaitEntry(before + sleepers + 1);
        assertEquals("late str 'last chunk'", workspaceRow("PYTHON", "late"));
    }

    @Test
    void theWorkspaceListsVariablesOfBothLanguagesAndRefreshesAfterEachRun() {
        page.replaceText("%% py\nrows = [1, 2, 3]\nlabel = 'cities'\n%% js\nvar shown = {count: 3};\n");
        int before = page.consoleEntries().size();
        page.click("run-all");
        page.awaitEntry(before + 1);
        assertEquals("rows list [1, 2, 3]", workspaceRow("PYTHON", "rows"));
        assertEquals("label str 'cities'", workspaceRow("PYTHON", "label"));
        assertEquals("shown Object {\"count\":3}", workspaceRow("JAVASCRIPT", "shown"));

        WebElement shownRow = driver.findElement(By.cssSelector("#workspace tr[data-language='JAVASCRIPT'][data-name='shown']"));
        enter("py", "rows.append(4)");
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> "rows list [1, 2, 3, 4]".equals(workspaceRow("PYTHON", "rows")));

        // A listing updates the table in place: rows of variables that are still there are kept.
        enter("py", "del label\nadded = 'new'");
        assertEquals("added str 'new'", workspaceRow("PYTHON", "added"));
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.findElements(
                By.cssSelector("#workspace tr[data-language='PYTHON'][data-name='label']")).isEmpty());
        assertEquals("shown Object {\"count\":3}", shownRow.getText().replace('\n', ' ').replace('\t', ' '),
                "the row of an unchanged variable is the same element");
        List<String> names = driver.findElements(By.cssSelector("#workspace tr[data-language='PYTHON']")).stream()
                .map(row -> row.getDomAttribute("data-name")).toList();
        assertEquals(List.of("added", "rows"), names, "Python's variables in the order the kernel lists them: by name");
        assertEquals(0, driver.findElements(By.cssSelector("#workspace tr[data-name='pyodide']")).size(),
                "the frame's own globals are not the user's");
    }

    /**
     * Listing previews every global, so nothing is listed while the pane is off screen (here hidden,
     * as in Report view or with the pane closed); when it shows again, what runs changed is listed
     * at once. A variable whose repr counts its calls tells whether a listing previewed it.
     */
    @Test
    void nothingIsListedWhileThePaneIsOffScreenAndTheVariablesAreListedWhenItShows() throws InterruptedException {
        page.setWorkspaceShown(false);
        page.replaceText(NotebookPage.WORKSPACE_PROBE);
        int before = page.consoleEntries().size();
        page.click("run-all");
        page.awaitEntry(before);
        try {
            NotebookPage.waitLongerThanAListingWould();
            assertEquals("0", enter("py", "Probe.previews").value(), "no listing previewed the variable while the pane was off screen");
            page.setWorkspaceShown(true);
            assertEquals("probe Probe probe", workspaceRow("PYTHON", "probe"));
            assertEquals("1", enter("py", "Probe.previews").value());
        } finally {
            page.setWorkspaceShown(true);
            enter("py", "del probe, Probe");  // the other tests list the variables they made
        }
    }
}

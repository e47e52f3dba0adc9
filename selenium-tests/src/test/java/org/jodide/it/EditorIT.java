package org.jodide.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CodeMirror notebook editor (codemirror.js) in the real page: highlighting per chunk
 * language, delimiter lines, the notebook's keys, the chunk state gutter, folding, search and
 * completion. One page is shared by the tests; each starts from an empty editor.
 */
class EditorIT {
    @RegisterExtension
    static final SiteExtension SITE = new SiteExtension();

    private static final Duration SHORT = Duration.ofSeconds(5);

    private static NotebookPage page;

    @BeforeAll
    static void openNotebook() {
        page = SITE.notebookPage().open();
    }

    /** Empties the editor (in step with the notebook), then starts it afresh: no folds, no panels, no undo history. */
    @BeforeEach
    void emptyEditor() {
        driver().switchTo().defaultContent();
        page.replaceText("");
        page.script(NotebookPage.EDITOR + ".setText('');");
    }

    @AfterEach
    void removeScratchEditor() {
        page.script("if (window.scratch) { window.scratch.destroy(); document.getElementById('scratch').remove(); window.scratch = null; }");
    }

    @Test
    void eachChunkIsHighlightedInItsOwnLanguage() {
        page.replaceText("%% py\nimport math\ndef area(r):\n    return 2 * math.pi * r  # circle\n"
                + "%% js\nconst greeting = 'hello';\n"
                + "%% md\n# Results\n"
                + "%% css\nh1 { color: red; }\n"
                + "%% raw\nimport nothing\n");

        assertTrue(tokenClasses("def").contains("tok-keyword"), tokenClasses("def"));
        assertTrue(tokenClasses("2").contains("tok-number"), tokenClasses("2"));
        assertTrue(tokenClasses("# circle").contains("tok-comment"), tokenClasses("# circle"));
        assertTrue(tokenClasses("'hello'").contains("tok-string"), tokenClasses("'hello'"));
        assertTrue(tokenClasses("Results").contains("tok-heading"), tokenClasses("Results"));
        assertTrue(tokenClasses("color").contains("tok-propertyName"), tokenClasses("color"));
        assertEquals(1L, page.script("return [...document.querySelectorAll('#notebook-editor .tok-keyword')]"
                + ".filter(token => token.textContent === 'import').length;"),
                "'import' is a keyword in the py chunk only, not in the raw chunk");
    }

    /** A markdown chunk's fenced code is highlighted in the fence's language (fence-languages.js), as the report shows it. */
    @Test
    void aMarkdownChunksFencedCodeIsHighlightedInItsLanguage() {
        page.replaceText("%% md\n# Notes\n```python\nwhile ready:\n    pass\n```\n\n```\nwhile plain\n```\n");
        assertTrue(tokenClasses("while").contains("tok-keyword"), tokenClasses("while"));
        assertEquals(1L, page.script("return [...document.querySelectorAll('#notebook-editor .tok-keyword')]"
                + ".filter(token => token.textContent === 'while').length;"), "a fence without a language stays plain");
    }

    @Test
    void delimiterLinesAreMarkedAndOtherPercentLinesAreNot() {
        page.replaceText("intro\n%% md\n% not a delimiter\n %% nor this\n%%%py\nx\n%%\ny\n");
        List<String> marked = texts(driver().findElements(By.cssSelector("#notebook-editor .cm-line.cm-iomd-delimiter")));
        assertEquals(List.of("%% md", "%%%py", "%%"), marked);
        assertEquals("Notebook source (.iomd)", page.editor().getDomAttribute("aria-label"));
    }

    @Test
    void theParsersDiagnosticsAreMarkedWhereTheProblemIs() {
        page.replaceText("%% fetch\nwget: x = a.txt\njson: fine = data.json\n%% plugin\n{\"languageId\": 1}\n");
        List<String> marked = wait(Duration.ofSeconds(5), d -> {
            List<String> ranges = texts(d.findElements(By.cssSelector("#notebook-editor .cm-lintRange-error")));
            return ranges.size() >= 2 ? ranges : null;
        });
        assertTrue(marked.get(0).startsWith("wget"), marked.toString());
        assertTrue(driver().findElements(By.cssSelector("#notebook-editor .cm-lint-marker-error")).size() >= 2,
                "the lint gutter marks the lines");

        page.replaceText("%% fetch\njson: fine = data.json\n");
        wait(Duration.ofSeconds(5), d -> d.findElements(By.cssSelector("#notebook-editor .cm-lintRange-error")).isEmpty());
    }

    @Test
    void inertChunksAreDimmed() {
        page.replaceText("a preamble\n%% raw\nraw text\n%% weird\nunknown type\n%% py\nx = 1\n%%\ny = 2\n");
        List<String> dimmed = texts(driver().findElements(By.cssSelector("#notebook-editor .cm-line.cm-iomd-inert")));
        assertEquals(List.of("a preamble", "raw text", "unknown type"), dimmed);
    }

    @Test
    void bareDelimiterChunksAreHighlightedInTheTypeAbove() {
        page.replaceText("%% py\nx = 1\n%%\nwhile x: pass\n");
        assertTrue(tokenClasses("while").contains("tok-keyword"), tokenClasses("while"));
    }

    @Test
    void shiftEnterRunsTheChunkAndMovesToTheNextWithoutChangingTheText() {
        String text = "%% js\n'first'\n%% js\n'second'\n";
        page.replaceText(text);
        page.putCursorAt(text.indexOf("'first'"));
        assertEquals("\"first\"", page.runWithShiftEnter().value());
        assertEquals(text.indexOf("'second'"), page.cursor(), "the cursor moves into the next chunk's body");
        assertEquals(text, page.editorText(), "Shift+Enter inserts no line break");
    }

    @Test
    void modEnterRunsTheChunkInPlace() {
        String text = "%% js\n'first'\n%% js\n'second'\n";
        page.replaceText(text);
        int cursor = text.indexOf("'second'") + 2;
        page.putCursorAt(cursor);
        int before = page.consoleEntries().size();
        page.editor().sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
        assertEquals("\"second\"", page.awaitEntry(before).value());
        assertEquals(cursor, page.cursor(), "the cursor stays");
        assertEquals(text, page.editorText(), "Ctrl+Enter inserts no blank line");
    }

    /** Jupyter's Alt+Enter: the chunk runs, and a chunk of its language goes below it with the cursor in it. */
    @Test
    void altEnterRunsTheChunkAndInsertsOneBelow() {
        String text = "%% js\n'first'\n\n%% md\nafter\n";
        page.replaceText(text);
        page.putCursorAt(text.indexOf("'first'"));
        int before = page.consoleEntries().size();
        page.editor().sendKeys(Keys.chord(Keys.ALT, Keys.ENTER));
        assertEquals("\"first\"", page.awaitEntry(before).value());
        String expected = "%% js\n'first'\n\n%% js\n\n%% md\nafter\n";
        assertEquals(expected, page.editorText());
        assertEquals(expected.indexOf("%% js\n\n") + "%% js\n".length(), page.cursor(), "the cursor is in the new chunk");
        page.editor().sendKeys("'second'");
        assertEquals("\"second\"", page.runWithShiftEnter().value(), "the new chunk runs as js");
    }

    /** JupyterLab's Split Cell (Ctrl+Shift+-): the rest of the chunk from the cursor becomes a chunk of its language. */
    @Test
    void modShiftMinusSplitsTheChunkAtTheCursor() {
        String text = "%% py\nx = 6\ny = x * 7\n";
        page.replaceText(text);
        page.putCursorAt(text.indexOf("y = "));
        page.editor().sendKeys(Keys.chord(Keys.CONTROL, Keys.SHIFT, "-"));
        assertEquals("%% py\nx = 6\n%% py\ny = x * 7\n", page.editorText());
        assertEquals("%% py\nx = 6\n%% py\n".length(), page.cursor());
    }

    @Test
    void modShiftEnterRunsAllChunks() {
        String text = "%% js\n'first'\n%% md\nbetween\n%% js\n'second'\n";
        page.replaceText(text);
        page.putCursorAt(0);
        int before = page.consoleEntries().size();
        page.editor().sendKeys(Keys.chord(Keys.CONTROL, Keys.SHIFT, Keys.ENTER));
        assertEquals("\"first\"", page.awaitEntry(before).value());
        assertEquals("\"second\"", page.awaitEntry(before + 1).value());
        assertEquals(text, page.editorText());
    }

    @Test
    void gutterShowsEachChunksRunState() {
        String text = "%% js\n'ran'\n%% js\n'not run'\n";
        page.replaceText(text);
        assertEquals(List.of("idle", "idle"), chunkStates());
        WebElement idle = driver().findElement(By.cssSelector("#notebook-editor .cm-chunk-state-idle"));
        assertEquals("Chunk state: idle", idle.getDomAttribute("aria-label"));
        assertEquals("Chunk state: idle", idle.getDomAttribute("title"));

        page.putCursorAt(text.indexOf("'ran'"));
        page.runWithShiftEnter();
        awaitChunkStates(List.of("done", "idle"));

        page.putCursorAt(text.indexOf("'ran'") + "'ran'".length());
        page.editor().sendKeys(" + 1");
        awaitChunkStates(List.of("stale", "idle"));

        page.putCursorAt(0);
        page.editor().sendKeys("// a preamble line\n");
        awaitChunkStates(List.of("stale", "idle"));
    }

    /**
     * spec: one edit changing two chunks that ran (several cursors typing, a replace-all) marks
     * both stale on their own lines: the states set while the edit is told are in the text after it.
     */
    @Test
    void anEditAcrossChunksThatRanMarksEachStale() {
        String text = "%% js\n'one'\n%% js\n'two'\n";
        page.replaceText(text);
        page.putCursorAt(0);
        page.editor().sendKeys(Keys.chord(Keys.CONTROL, Keys.SHIFT, Keys.ENTER));
        awaitChunkStates(List.of("done", "done"));
        page.script("const view = " + NotebookPage.EDITOR + ".view;"
                + "view.dispatch({changes: [{from: arguments[0], insert: ' + 1'}, {from: arguments[1], insert: ' + 2'}], userEvent: 'input.type'});",
                text.indexOf("'one'") + 5, text.indexOf("'two'") + 5);
        awaitChunkStates(List.of("stale", "stale"));
    }

    @Test
    void chunkStatesSetThroughTheApiFollowTheirLinesAndClear() {
        String text = "%% py\nx\n%% py\ny\n";
        page.replaceText(text);
        page.script(NotebookPage.EDITOR + ".setChunkState(arguments[0], 'error');", text.indexOf("%% py\ny"));
        awaitChunkStates(List.of("idle", "error"));
        page.script(NotebookPage.EDITOR + ".setChunkState(0, 'running');");
        awaitChunkStates(List.of("running", "error"));

        page.putCursorAt(text.indexOf("x") + 1);
        page.editor().sendKeys("\nz");
        awaitChunkStates(List.of("running", "error"));

        page.script(NotebookPage.EDITOR + ".clearChunkStates();");
        awaitChunkStates(List.of("idle", "idle"));
    }

    @Test
    void foldingAChunkHidesItsBodyAndKeepsTheText() {
        String text = "%% py\nx = 1\nhidden_line = 2\n%% md\nstill shown\n";
        page.replaceText(text);
        List<WebElement> foldMarkers = driver().findElements(By.cssSelector("#notebook-editor .cm-foldGutter span[title='Fold line']"));
        assertEquals(2, foldMarkers.size(), "one fold marker per chunk");
        foldMarkers.get(0).click();
        wait(SHORT, d -> !d.findElements(By.cssSelector("#notebook-editor .cm-foldPlaceholder")).isEmpty());
        String shown = page.editor().getText();
        assertFalse(shown.contains("hidden_line"), shown);
        assertTrue(shown.contains("still shown"), shown);
        assertEquals(text, page.editorText(), "folding leaves the text alone");
    }

    @Test
    void modFOpensTheSearchPanelAndFindsText() {
        String text = "%% py\nhaystack = 1\nneedle = 2\n";
        page.replaceText(text);
        page.putCursorAt(0);
        page.editor().sendKeys(Keys.chord(Keys.CONTROL, "f"));
        WebElement field = wait(SHORT, d -> d.findElements(By.cssSelector("#notebook-editor .cm-search input[name=search]"))
                .stream().findFirst().orElse(null));
        field.sendKeys("needle", Keys.ENTER);
        wait(SHORT, d -> ((Number) page.script("return " + NotebookPage.EDITOR + ".view.state.selection.main.from;"))
                .intValue() == text.indexOf("needle"));
        assertTrue(driver().findElement(By.cssSelector("#notebook-editor .cm-search input[name=replace]")).isDisplayed(),
                "the panel also replaces");
    }

    @Test
    void fetchChunksCompleteTheFetchTypes() {
        page.replaceText("%% fetch\n");
        page.putCursorAt("%% fetch\n".length());
        page.editor().sendKeys("jso");
        List<String> offered = wait(SHORT, d -> {
            List<String> labels = completionLabels();
            return labels.isEmpty() ? null : labels;
        });
        assertEquals(List.of("json: "), offered);
        page.editor().sendKeys(Keys.ENTER);
        wait(SHORT, d -> "%% fetch\njson: ".equals(page.editorText()));
    }

    /** A block opens four spaces in, as PEP 8 and Jupyter indent (CodeMirror's default is two). */
    @Test
    void enterAfterAColonIndentsFourSpacesAndBackspaceTakesTheLevelBack() {
        page.replaceText("%% py\n");
        page.putCursorAt("%% py\n".length());
        page.editor().sendKeys("def f(x):", Keys.ENTER, "y = 2 * 3");
        wait(SHORT, d -> "%% py\ndef f(x):\n    y = 2 * 3".equals(page.editorText()));
        page.editor().sendKeys(Keys.ENTER, Keys.BACK_SPACE, "z = 1");
        String text = page.editorText();
        assertEquals("%% py\ndef f(x):\n    y = 2 * 3\nz = 1", text, "Backspace took the four spaces back at once");
    }

    @Test
    void delimiterLinesCompleteTheChunkTypesOnRequest() {
        page.replaceText("%% p");
        page.putCursorAt(4);
        page.editor().sendKeys(Keys.chord(Keys.CONTROL, Keys.SPACE));
        List<String> offered = wait(SHORT, d -> {
            List<String> labels = completionLabels();
            return labels.isEmpty() ? null : labels;
        });
        assertTrue(offered.contains("py") && offered.contains("plugin"), offered.toString());
    }

    @Test
    void altHAndModSCallTheirCommands() {
        createScratchEditor("%% py\nx\n");
        WebElement scratch = driver().findElement(By.cssSelector("#scratch .cm-content"));
        scratch.sendKeys(Keys.chord(Keys.ALT, "h"));
        wait(SHORT, d -> "showHelp".equals(page.script("return window.scratchCalls.join(',');")));
        scratch.sendKeys(Keys.chord(Keys.CONTROL, "s"));
        wait(SHORT, d -> "showHelp,save".equals(page.script("return window.scratchCalls.join(',');")));
        assertEquals("%% py\nx\n", page.string("window.scratch.getText()"), "no key inserted text");
    }

    @Test
    void completionInCodeChunksAsksThePageWithTheChunkAndLine() {
        createScratchEditor("%% md\nintro\n%% py\nimport math\nx = ma");
        page.script("window.scratch.focus(); window.scratch.setCursor(window.scratch.getText().length);");
        driver().findElement(By.cssSelector("#scratch .cm-content")).sendKeys(Keys.chord(Keys.CONTROL, Keys.SPACE));
        List<String> offered = wait(SHORT, d -> {
            List<String> labels = completionLabels();
            return labels.isEmpty() ? null : labels;
        });
        assertEquals(List.of("math", "max"), offered);
        assertEquals("py|import math\nx = ma|x = ma", page.script("const request = window.scratchRequests[0];"
                + "return request.language + '|' + request.chunkText + '|' + request.lineText;"));
    }

    @Test
    void onChangeReportsEveryTransactionAsOneEditAndSetTextReportsNone() {
        createScratchEditor("%% py\nx = x + x\n");
        String mirrored = page.string("(() => {"
                + "const view = window.scratch.view;"
                + "view.dispatch({changes: [{from: 6, to: 7, insert: 'yy'}, {from: 10, to: 11, insert: 'yy'},"
                + " {from: 14, to: 15, insert: 'yy'}]});"
                + "view.dispatch({changes: {from: 0, insert: '%% md\\n# T\\n'}});"
                + "view.dispatch({changes: {from: 3, to: 5, insert: ''}});"
                + "return window.scratchMirror; })()");
        assertEquals(page.string("window.scratch.getText()"), mirrored);
        assertEquals("%% \n# T\n%% py\nyy = yy + yy\n", mirrored);
        page.script("window.scratchEdits = 0; window.scratch.setText('%% js\\n1\\n');");
        assertEquals(0L, page.script("return window.scratchEdits;"), "setText does not call onChange");
    }

    @Test
    void windowsLineBreaksAreKeptExactly() {
        createScratchEditor("%% py\r\nx = 1\r\n%% md\r\n# T\r\n");
        assertEquals("%% py\r\nx = 1\r\n%% md\r\n# T\r\n", page.string("window.scratch.getText()"));
        assertEquals(2, driver().findElements(By.cssSelector("#scratch .cm-iomd-delimiter")).size());
        assertEquals(0, driver().findElements(By.cssSelector("#scratch .cm-specialChar")).size(),
                "the \\r of a \\r\\n line break is not shown");
    }

    @Test
    void themesSwitchBetweenLightAndDark() {
        WebElement root = driver().findElement(By.cssSelector("#notebook-editor .cm-editor"));
        assertEquals("light", root.getDomAttribute("data-theme"), "'auto' follows the (light) system setting");
        String light = root.getCssValue("background-color");
        page.script(NotebookPage.EDITOR + ".setTheme('dark');");
        try {
            assertEquals("dark", root.getDomAttribute("data-theme"));
            assertTrue(!light.equals(root.getCssValue("background-color")), "the background changes");
        } finally {
            page.script(NotebookPage.EDITOR + ".setTheme('auto');");
        }
    }

    /**
     * A second editor in the page (fixed in a corner), whose callbacks record what they get:
     * window.scratchCalls (commands), window.scratchRequests (completion requests, answered with
     * "math" and "max"), window.scratchMirror (the doc rebuilt from onChange edits).
     */
    private static void createScratchEditor(String doc) {
        page.script(""
                + "const host = document.createElement('div');"
                + "host.id = 'scratch';"
                + "host.style.cssText = 'position: fixed; right: 0; bottom: 0; width: 420px; height: 240px; z-index: 10;';"
                + "document.body.appendChild(host);"
                + "window.scratchCalls = []; window.scratchRequests = []; window.scratchMirror = arguments[0]; window.scratchEdits = 0;"
                + "const record = (name) => () => window.scratchCalls.push(name);"
                + "window.scratch = window.jodideCodeMirror.createNotebookEditor(host, {"
                + "  doc: arguments[0],"
                + "  commands: {runChunk: record('runChunk'), runAndAdvance: record('runAndAdvance'), runAll: record('runAll'),"
                + "    save: record('save'), showHelp: record('showHelp')},"
                + "  onChange(start, removedLength, inserted) {"
                + "    window.scratchEdits++;"
                + "    const text = window.scratchMirror;"
                + "    window.scratchMirror = text.slice(0, start) + inserted + text.slice(start + removedLength);"
                + "  },"
                + "  complete(request, resolve) {"
                + "    window.scratchRequests.push(request);"
                + "    setTimeout(() => resolve({from: request.pos - 2, options: [{label: 'math', type: 'variable'},"
                + "      {label: 'max', type: 'function'}]}), 10);"
                + "  },"
                + "});", doc);
    }

    private static WebDriver driver() {
        return SITE.browser().driver();
    }

    private static <T> T wait(Duration timeout, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver(), timeout).until(condition::apply);
    }

    /** The classes of the spans whose text is {@code text} (blanks around it ignored), once highlighting has made them. */
    private static String tokenClasses(String text) {
        return wait(SHORT, d -> {
            Object classes = page.script(""
                    + "const tokens = [...document.querySelectorAll('#notebook-editor .cm-content span')]"
                    + "  .filter(span => span.textContent.trim() === arguments[0]);"
                    + "return tokens.length === 0 ? null : tokens.map(span => span.className).join(' ');", text);
            return classes == null ? null : (String) classes;
        });
    }

    @Test
    void invisibleCharactersAreMarkedAndNoEditorPluginCrashes() {
        // Record what the page logs from its first script on (a reload: the plugins start with the editor).
        String hook = (String) SITE.browser().driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
                java.util.Map.of("source", "window.loggedErrors = [];"
                        + "for (const level of ['error', 'warn']) { const original = console[level];"
                        + "  console[level] = (...args) => { window.loggedErrors.push(args.map(String).join(' '));"
                        + "    original.apply(console, args); }; }")).get("identifier");
        try {
            page.open();
            page.replaceText("%% js\nconst name = '\u202eevil';\nconst gap = 'a\u200bb';\n");
            @SuppressWarnings("unchecked")
            List<String> titles = (List<String>) wait(SHORT, d -> {
                List<?> found = (List<?>) page.script("return [...document.querySelectorAll('#notebook-editor .cm-specialChar')]"
                        + ".filter(marker => marker.getBoundingClientRect().width > 0).map(marker => marker.title);");
                return found.size() == 2 ? found : null;
            });
            assertEquals(List.of("Control character right-to-left override", "Control character zero width space"), titles);
            String shownLine = (String) page.script("return document.querySelectorAll('#notebook-editor .cm-line')[1].textContent;");
            assertFalse(shownLine.contains("\u202e"), "the override is replaced by its marker, so it reverses nothing: " + shownLine);
            assertTrue(shownLine.contains("evil"), shownLine);
            @SuppressWarnings("unchecked")
            List<String> logged = (List<String>) page.script("return window.loggedErrors;");
            assertTrue(logged.stream().noneMatch(line -> line.contains("plugin crashed")), String.join("\n", logged));
        } finally {
            SITE.browser().driver().executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument",
                    java.util.Map.of("identifier", hook));
        }
    }

    /** The state of each chunk marker in the gutter, from the top (the gutter's hidden spacer left out). */
    @SuppressWarnings("unchecked")
    private static List<String> chunkStates() {
        return (List<String>) page.script("return [...document.querySelectorAll('#notebook-editor .cm-chunk-state')]"
                + ".filter(marker => marker.closest('.cm-gutterElement').style.visibility !== 'hidden')"
                + ".map(marker => marker.className.replace(/.*cm-chunk-state-/, ''));");
    }

    private static void awaitChunkStates(List<String> expected) {
        try {
            wait(SHORT, d -> expected.equals(chunkStates()));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("expected chunk states " + expected + ", found " + chunkStates(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> completionLabels() {
        return (List<String>) page.script("return [...document.querySelectorAll('.cm-tooltip-autocomplete .cm-completionLabel')]"
                + ".map(label => label.textContent);");
    }

    private static List<String> texts(List<WebElement> elements) {
        return elements.stream().map(element -> element.getDomProperty("textContent")).toList();
    }
}

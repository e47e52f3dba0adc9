package org.jodide.it;

import org.jodide.browser.DirectDevTools;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Markdown renders live in the report, with tables, strikethrough and KaTeX math, and sanitized HTML. */
class MarkdownIT {
    @RegisterExtension
    static final SiteExtension SITE = new SiteExtension();

    private NotebookPage page;

    @BeforeEach
    void openNotebook() {
        page = SITE.notebookPage().open();
    }

    private <T> T inReportWhen(Function<WebDriver, T> condition) {
        return page.inReport(driver -> new WebDriverWait(driver, Duration.ofSeconds(10)).until(condition));
    }

    @Test
    void markdownRendersLiveWithoutRunning() {
        page.replaceText("%% md\n# Live title\n");
        assertEquals("Live title", inReportWhen(d -> d.findElement(By.cssSelector("#report h1")).getText()));
        page.replaceText("%% md\n# Live title, edited\n");
        inReportWhen(d -> d.findElement(By.cssSelector("#report h1")).getText().equals("Live title, edited"));
        page.replaceText("%% py\nx = 1\n");
        inReportWhen(d -> d.findElements(By.cssSelector("#report h1")).isEmpty());
    }

    /**
     * spec: a keystroke goes to the report before the editor updates its view (change-events.js):
     * the message carrying the typed letter leaves the page while the editor's state does not hold
     * it yet, so the report does not wait for the editor's own work of that keystroke.
     */
    @Test
    void aKeystrokeGoesToTheReportBeforeTheEditorUpdates() {
        page.replaceText("%% md\n# Title\n");
        inReportWhen(d -> d.findElement(By.cssSelector("#report h1")).getText().equals("Title"));
        page.script("const view = " + NotebookPage.EDITOR + ".view;"
                + "view.dispatch({selection: {anchor: view.state.doc.line(2).to}});"
                + "window.sentWhileEditorHad = [];"
                + "const send = MessagePort.prototype.postMessage;"
                + "MessagePort.prototype.postMessage = function(data, ...rest) {"
                + "  const texts = typeof data === 'string' ? [data] : (data && Array.isArray(data.jodideBatch) ? data.jodideBatch : []);"
                + "  if (texts.some((text) => text.includes('\u03c9'))) window.sentWhileEditorHad.push(view.state.doc.toString());"
                + "  return send.call(this, data, ...rest); };");
        page.editor().sendKeys("\u03c9");
        inReportWhen(d -> d.findElement(By.cssSelector("#report h1")).getText().equals("Title\u03c9"));
        assertEquals("%% md\n# Title\u03c9\n", page.editorText());
        assertEquals(List.of("%% md\n# Title\n"), page.script("return window.sentWhileEditorHad;"));
    }

    /**
     * Fenced code blocks of a chunk language, or of a language notebooks show commands, queries and
     * settings in (```bash, ```sql...), are highlighted as the editor highlights chunks
     * (editor/code-blocks.js, report.css): their text stays the code, HTML in it stays text, and a
     * block of another language stays plain.
     */
    @Test
    void fencedCodeBlocksOfAKnownLanguageAreHighlighted() {
        page.replaceText("%% md\n```python\ndef f(x):\n    return \"<b>not bold</b>\"  # why\n```\n\n"
                + "```js\nconst n = 42;\n```\n\n```text\ndef plain\n```\n\n"
                + "```bash\npip install \"numpy>=2\"  # once\n```\n\n```sql\nSELECT name FROM beds;\n```\n");
        String keyword = inReportWhen(d -> d.findElements(By.cssSelector("#report code.language-python .tok-keyword")).stream()
                .map(WebElement::getText).findFirst().orElse(null));
        assertEquals("def", keyword);
        @SuppressWarnings("unchecked")
        List<Object> python = (List<Object>) page.inReport(d -> ((JavascriptExecutor) d).executeScript(
                "const code = document.querySelector('#report code.language-python');"
                + " return [code.textContent, code.querySelectorAll('b').length, getComputedStyle(code.querySelector('.tok-keyword')).color,"
                + " code.querySelector('.tok-comment').textContent, code.querySelector('.tok-string').textContent];"));
        assertEquals(List.of("def f(x):\n    return \"<b>not bold</b>\"  # why\n", 0L, "rgb(119, 0, 136)", "# why",
                "\"<b>not bold</b>\""), python, "the code's text, HTML in it as text, coloured as the editor's light theme");
        assertEquals("42", page.inReport(d -> d.findElement(By.cssSelector("#report code.language-js .tok-number")).getText()));
        Object plainSpans = page.inReport(d -> ((JavascriptExecutor) d).executeScript(
                "return document.querySelectorAll('#report code.language-text span').length;"));
        assertEquals(0L, plainSpans, "another language stays plain");
        assertEquals("# once", page.inReport(d -> d.findElement(By.cssSelector("#report code.language-bash .tok-comment")).getText()));
        assertEquals("SELECT", page.inReport(d -> d.findElement(By.cssSelector("#report code.language-sql .tok-keyword")).getText()));
    }

    /**
     * Markdown published before the editor's languages have loaded shows its code plain, and is
     * published again, highlighted, once they have (ReportPublisher.codeBlocksHighlightable): the
     * languages' bundle is held back by a proxy, then let through.
     */
    @Test
    void codeBlocksShownBeforeTheLanguagesLoadAreHighlightedOnceTheyHave() throws Exception {
        org.openqa.selenium.chrome.ChromeDriver driver = SITE.browser().driver();
        driver.get("about:blank");
        try (StallingProxy proxy = new StallingProxy(SITE.uri(), "/codemirror-languages.js");
             DirectDevTools devTools = new DirectDevTools(driver)) {
            // Chromedriver might wait for a load that cannot end while the languages are held: DevTools does not.
            devTools.navigate(proxy.uri());
            NotebookPage held = new NotebookPage(driver, proxy.uri()).awaitAppReady();
            held.replaceText("%% md\n```python\nimport os\n```\n");
            String plain = held.inReport(d -> new WebDriverWait(d, Duration.ofSeconds(10)).until(x -> {
                List<WebElement> code = x.findElements(By.cssSelector("#report code.language-python"));
                return code.isEmpty() ? null : code.get(0).getDomProperty("innerHTML");
            }));
            assertEquals("import os\n", plain, "shown plain while the languages are held back");
            proxy.answerHeld();
            assertEquals("import", held.inReport(d -> new WebDriverWait(d, Duration.ofSeconds(20)).until(x ->
                    x.findElements(By.cssSelector("#report code.language-python .tok-keyword")).stream()
                            .map(WebElement::getText).findFirst().orElse(null))));
        }
    }

    @Test
    void cssChunksApplyLiveToTheReport() {
        page.replaceText("%% md\n# Styled\n%% css\nh1 { color: rgb(1, 2, 3); }\n");
        inReportWhen(d -> d.findElement(By.cssSelector("#report h1")).getCssValue("color").equals("rgba(1, 2, 3, 1)"));
        page.replaceText("%% md\n# Styled\n%% css\nh1 { color: rgb(4, 5, 6); }\n");
        inReportWhen(d -> d.findElement(By.cssSelector("#report h1")).getCssValue("color").equals("rgba(4, 5, 6, 1)"));
        page.replaceText("%% md\n# Styled\n");
        inReportWhen(d -> !d.findElement(By.cssSelector("#report h1")).getCssValue("color").equals("rgba(4, 5, 6, 1)"));
    }

    @Test
    void tablesStrikethroughAndMathRender() {
        page.replaceText("%% md\n| city | people |\n|---|---|\n| Lima | 10.9 |\n\n~~old~~ and $a_1 * b_2$\n\n$$\\frac{1}{2}$$\n");
        assertEquals("Lima", inReportWhen(d -> d.findElement(By.cssSelector("#report td")).getText()));
        inReportWhen(d -> d.findElement(By.cssSelector("#report del")).getText().equals("old"));
        List<WebElement> math = inReportWhen(d -> {
            List<WebElement> rendered = d.findElements(By.cssSelector("#report .math .katex"));
            return rendered.size() == 2 ? rendered : null;
        });
        assertEquals(2, math.size());
        boolean displayMath = inReportWhen(d -> d.findElements(By.cssSelector("#report .math-display .katex-display")).size() == 1);
        assertTrue(displayMath);
    }

    /** GitHub's task lists render as Jupyter shows them: a disabled checkbox, checked for [x], kept by the sanitizer. */
    @Test
    void taskListsRenderAsDisabledCheckboxes() {
        page.replaceText("%% md\n- [x] load the data\n- [ ] plot it\n");
        @SuppressWarnings("unchecked")
        List<Object> boxes = inReportWhen(d -> {
            Object found = ((JavascriptExecutor) d).executeScript("return [...document.querySelectorAll('#report li.task-list-item')]"
                    + ".map((item) => { const box = item.querySelector('input[type=checkbox]');"
                    + " return box && [item.textContent.trim(), box.checked, box.disabled]; });");
            return ((List<?>) found).size() == 2 ? (List<Object>) found : null;
        });
        assertEquals(List.of(List.of("load the data", true, true), List.of("plot it", false, true)), boxes);
    }

    /**
     * spec: a notebook opened from a link is untrusted, and its raw HTML is sanitized until the
     * user runs it (a notebook written in the editor is trusted; see IodideCompatIT).
     */
    @Test
    void rawHtmlInANotebookFromALinkNeverRunsCode() {
        String notebook = "%% md\n<b>kept</b><script>window.pwned = 1</script>\n\n<img src=\"x\" onerror=\"window.pwned = 2\">\n\n"
                + "[link](javascript:window.pwned=3)\n";
        String link = "data:text/plain;base64," + Base64.getEncoder().encodeToString(notebook.getBytes(StandardCharsets.UTF_8));
        page.openWith("?notebook=" + URLEncoder.encode(link, StandardCharsets.UTF_8));
        assertEquals("kept", inReportWhen(d -> d.findElement(By.cssSelector("#report b")).getText()));
        boolean noScript = page.inReport(d -> d.findElements(By.cssSelector("#report script")).isEmpty());
        boolean noHandler = page.inReport(d -> d.findElements(By.cssSelector("#report [onerror]")).isEmpty());
        assertTrue(noScript, "script elements are removed");
        assertTrue(noHandler, "event handler attributes are removed");
        // Once the image has failed to load, a kept onerror would have run.
        inReportWhen(d -> (Boolean) ((JavascriptExecutor) d).executeScript("return document.querySelector('#report img').complete;"));
        Object pwned = page.inReport(d -> ((JavascriptExecutor) d).executeScript("return typeof window.pwned;"));
        assertEquals("undefined", pwned, "no handler ran");
    }

    /**
     * A Jupyter notebook's table of contents: links to headings by Jupyter's ids ({@code #Data-sources})
     * and GitHub's lower-case anchors ({@code #the-end}) scroll the report to them, without changing
     * the frame's own URL (its fragment carries the frame's settings).
     */
    @Test
    void linksToHeadingsScrollTheReportAsAJupyterTableOfContentsExpects() {
        String filler = "<div style=\"height: 2000px\"></div>\n\n";
        page.replaceText("%% md\n# Contents\n\n- [Data sources](#Data-sources)\n- [The end](#the-end)\n- [Nowhere](#nowhere)\n\n" + filler
                + "%% md\n## Data sources\n\n" + filler + "%% md\n## The end\n\nDone.\n\n## Data sources\n\nAgain.\n");
        Object ids = inReportWhen(d -> ((JavascriptExecutor) d).executeScript(
                "const ids = [...document.querySelectorAll('#report h1, #report h2')].map(h => h.id);"
                        + "return ids.length === 4 ? ids : null;"));
        assertEquals(List.of("Contents", "Data-sources", "The-end", "Data-sources-1"), ids, "Jupyter's ids, a repeat numbered");
        String frameUrl = page.inReport(d -> (String) ((JavascriptExecutor) d).executeScript("return location.href;"));
        for (String[] link : new String[][] {{"Data sources", "Data-sources"}, {"The end", "The-end"}}) {
            page.inReport(d -> {
                d.findElement(By.linkText(link[0])).click();
                return null;
            });
            Boolean inView = inReportWhen(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                    "const box = document.getElementById(arguments[0]).getBoundingClientRect();"
                            + "return (scrollY > 1000 && box.top >= -2 && box.bottom <= innerHeight + 2) || null;", link[1]));
            assertTrue(inView, link[1] + " scrolled into view, 2000 px down the report");
            assertEquals(frameUrl, page.inReport(d -> ((JavascriptExecutor) d).executeScript("return location.href;")),
                    "the frame's URL stays as it is");
            page.inReport(d -> ((JavascriptExecutor) d).executeScript("window.scrollTo(0, 0);"));
        }
        page.inReport(d -> {
            d.findElement(By.linkText("Nowhere")).click();
            return null;
        });
        assertEquals(frameUrl, page.inReport(d -> ((JavascriptExecutor) d).executeScript("return location.href;")),
                "a link to a fragment nothing has leaves the frame's URL as it is too");
    }

    /**
     * Footnotes and bare URLs as GitHub renders them. Each chunk is rendered alone, so both chunks'
     * first footnote is "fn-1": the second chunk's gets another id, and its reference leads to its own
     * note (not the first chunk's) and back; a bare URL is a link.
     */
    @Test
    void aChunksFootnoteLinksToItsOwnNoteAndBackAndABareUrlIsALink() {
        String filler = "<div style=\"height: 2000px\"></div>\n\n";
        page.replaceText("%% md\nFirst[^1] chunk, see https://example.com/docs.\n\n" + filler + "[^1]: Chunk one's note.\n\n"
                + "%% md\nSecond[^1] chunk.\n\n" + filler + "[^1]: Chunk two's note.\n");
        Object ids = inReportWhen(d -> ((JavascriptExecutor) d).executeScript(
                "const ids = [...document.querySelectorAll('#report sup[id], #report .footnotes li[id]')].map(e => e.id);"
                        + "return ids.length === 4 ? ids : null;"));
        assertEquals(List.of("fnref-1", "fn-1", "fnref-1-2", "fn-1-2"), ids, "the second chunk's footnote ids are its own");
        String url = page.inReport(d -> d.findElement(By.cssSelector("#report a[href='https://example.com/docs']")).getText());
        assertEquals("https://example.com/docs", url);

        page.inReport(d -> {
            d.findElement(By.cssSelector("#fnref-1-2 a")).click();
            return null;
        });
        Boolean noteInView = inReportWhen(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "const note = document.getElementById('fn-1-2'), box = note.getBoundingClientRect();"
                        + "return (note.textContent.includes(\"Chunk two's note.\") && box.top >= -2 && box.top <= innerHeight) || null;"));
        assertTrue(noteInView, "the second chunk's note scrolled into view");
        String backName = page.inReport(d -> {
            WebElement back = d.findElement(By.cssSelector("#fn-1-2 a.footnote-backref"));
            String name = back.getDomAttribute("aria-label");
            back.click();
            return name;
        });
        assertEquals("Back to reference 1", backName);
        Boolean referenceInView = inReportWhen(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "const box = document.getElementById('fnref-1-2').getBoundingClientRect();"
                        + "return (box.top >= -2 && box.bottom <= innerHeight + 2) || null;"));
        assertTrue(referenceInView, "back to the second chunk's reference");
    }

    /** In the report frame: [svg id, its labels, a node's fill] of each drawn diagram, or null until there are {@code count}. */
    private static final String DIAGRAMS = NotebookPage.DIAGRAM_LABELS
            + "const hosts = [...document.querySelectorAll('#report .report-diagram .isolated-output')];"
            + "if (hosts.length !== arguments[0]) return null;"
            + "return hosts.map(host => { const svg = window.jodideReportLibs.isolatedRoot(host).querySelector('svg');"
            + "  const node = svg.querySelector('.node rect, .node polygon, rect');"
            + "  return [svg.id, labelsOf(host).join(' '), getComputedStyle(node).fill]; });";

    /**
     * A ```mermaid block is drawn as its diagram, as GitHub and JupyterLab draw it (Mermaid loads in the
     * report's frame on the first one, from the editor page), in the report's colours; a diagram is not
     * drawn again while other text of its chunk changes; one Mermaid cannot draw stays as written with
     * Mermaid's reason under it.
     */
    @Test
    @SuppressWarnings("unchecked")
    void mermaidBlocksAreDrawnAsDiagramsAndOneThatCannotBeSaysWhy() {
        String diagram = "```mermaid\nflowchart LR\n    Load --> Clean --> Plot\n```\n";
        String broken = "```mermaid\nflowchart LR\n    A -->\n```\n";
        page.replaceText("%% md\n# Plan\n" + diagram + broken);
        try {
            List<List<String>> drawn = page.inReport(driver -> new WebDriverWait(driver, Duration.ofSeconds(60))
                    .until(d -> (List<List<String>>) ((JavascriptExecutor) d).executeScript(DIAGRAMS, 1)));
            String text = drawn.get(0).get(1);
            assertEquals("Load Clean Plot", text);
            String why = inReportWhen(d -> d.findElements(By.cssSelector("#report .report-diagram-error")).stream()
                    .map(WebElement::getText).findFirst().orElse(null));
            assertTrue(why.startsWith("Mermaid could not draw this diagram: "), why);
            assertEquals(List.of("flowchart LR\n    A -->"), page.inReport(d -> d.findElements(By.cssSelector("#report pre > code.language-mermaid"))
                    .stream().map(code -> code.getText().strip()).toList()), "the broken diagram stays as written");

            page.replaceText("%% md\n# Plan, edited\n" + diagram + broken);
            inReportWhen(d -> d.findElement(By.cssSelector("#report h1")).getText().equals("Plan, edited"));
            List<List<String>> again = page.inReport(d -> (List<List<String>>) ((JavascriptExecutor) d).executeScript(DIAGRAMS, 1));
            assertEquals(drawn.get(0).get(0), again.get(0).get(0), "the same drawing, not drawn again");

            page.click("theme-dark");
            List<List<String>> dark = page.inReport(driver -> new WebDriverWait(driver, Duration.ofSeconds(30))
                    .until(d -> {
                        List<List<String>> now = (List<List<String>>) ((JavascriptExecutor) d).executeScript(DIAGRAMS, 1);
                        return now != null && !now.get(0).get(0).equals(drawn.get(0).get(0)) ? now : null;
                    }));
            assertEquals(text, dark.get(0).get(1));
            assertTrue(!dark.get(0).get(2).equals(drawn.get(0).get(2)), "dark boxes: " + dark.get(0).get(2) + " against " + drawn.get(0).get(2));
        } finally {
            page.click("theme-auto");
        }
    }

    /**
     * Typing in a ```mermaid block: its last diagram stays, faded, while the new text is drawn, and
     * stays with Mermaid's reason under it while the text cannot be drawn (a node half typed); the
     * block's text shows only for a block that never had a diagram.
     */
    @Test
    @SuppressWarnings("unchecked")
    void typingInADiagramKeepsItsLastDrawingUntilTheNewTextDraws() {
        String text = "%% md\n```mermaid\nflowchart LR\n    Start --> Finish\n```\n";
        page.replaceText(text);
        String labels = NotebookPage.DIAGRAM_LABELS + "const figures = [...document.querySelectorAll('#report .report-diagram')];"
                + "if (figures.length !== 1) return null;"
                + "return [labelsOf(figures[0].querySelector('.isolated-output')).join(' '),"
                + "  String(figures[0].classList.contains('report-diagram-out-of-date'))];";
        assertEquals(List.of("Start Finish", "false"), page.inReport(driver -> new WebDriverWait(driver, Duration.ofSeconds(60))
                .until(d -> (List<String>) ((JavascriptExecutor) d).executeScript(labels))));

        page.putCursorAt(text.indexOf(" Finish"));
        // "Start --> Middle Finish": half typed, it cannot be drawn.
        SITE.browser().driver().switchTo().activeElement().sendKeys(" Middle");
        String why = inReportWhen(d -> d.findElements(By.cssSelector("#report .report-diagram-error")).stream()
                .map(WebElement::getText).findFirst().orElse(null));
        assertTrue(why.startsWith("Mermaid could not draw this diagram: ") && why.endsWith("(the diagram above is of its earlier text)"), why);
        assertEquals(List.of("Start Finish", "true"), page.inReport(d -> (List<String>) ((JavascriptExecutor) d).executeScript(labels)),
                "the last diagram stays, faded");
        assertEquals(Boolean.FALSE, page.inReport(d -> d.findElement(By.cssSelector("#report pre")).isDisplayed()),
                "the text is in the editor; the report shows the diagram");

        SITE.browser().driver().switchTo().activeElement().sendKeys(" -->");
        List<String> redrawn = page.inReport(driver -> new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(d -> {
                    List<String> now = (List<String>) ((JavascriptExecutor) d).executeScript(labels);
                    return now != null && now.get(1).equals("false") ? now : null;
                }));
        assertEquals(List.of("Finish", "Middle", "Start"), List.of(redrawn.get(0).split(" ")).stream().sorted().toList(),
                "the text typed, drawn: " + redrawn);
        assertEquals(List.of(), page.inReport(d -> d.findElements(By.cssSelector("#report .report-diagram-error, #report pre"))),
                "no note, no text: the new diagram");
    }

    /**
     * A hostile ```mermaid block in a notebook from a link runs nothing: its directive (indented: a
     * line that starts with %% starts a chunk) asking for Mermaid's "loose" security and HTML labels is refused, its label's markup is text or gone, its
     * click handlers and javascript: links are not kept.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aHostileDiagramInANotebookFromALinkRunsNothing() {
        String notebook = "%% md\n```mermaid\n  %%{init: {\"securityLevel\": \"loose\", \"htmlLabels\": true}}%%\nflowchart LR\n"
                + "    A[\"<img src=x onerror='window.pwned = 1'>Evil\"] --> B[Second]\n"
                + "    click A call pwn()\n    click B \"javascript:window.pwned = 2\"\n```\n";
        String link = "data:text/plain;base64," + Base64.getEncoder().encodeToString(notebook.getBytes(StandardCharsets.UTF_8));
        page.openWith("?notebook=" + URLEncoder.encode(link, StandardCharsets.UTF_8));
        List<Object> found = page.inReport(driver -> new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> (List<Object>) ((JavascriptExecutor) d)
                .executeScript(NotebookPage.DIAGRAM_LABELS + "const host = document.querySelector('#report .report-diagram .isolated-output');"
                        + "const note = document.querySelector('#report .report-diagram-error');"
                        + "if (note) return [-1, note.textContent];"
                        + "if (!host) return null;"
                        + "const root = window.jodideReportLibs.isolatedRoot(host);"
                        + "window.pwn = () => { window.pwned = 3; };"
                        + "return [root.querySelectorAll('img, foreignObject, script, [onerror], [onclick], a[href^=\"javascript\"]').length,"
                        + "  labelsOf(host).join(' ')];")));
        assertEquals(0L, found.get(0), "nothing that could run: " + found);
        assertTrue(String.valueOf(found.get(1)).contains("Second"), String.valueOf(found.get(1)));
        page.inReport(d -> {
            for (WebElement node : d.findElements(By.cssSelector("#report .report-diagram"))) {
                node.click();
            }
            return null;
        });
        assertEquals("undefined", page.inReport(d -> ((JavascriptExecutor) d).executeScript("return typeof window.pwned;")), "no handler ran");
    }

    /**
     * A {@code Markdown(...)} output's ```mermaid block is drawn in the report too (under the chunk and
     * in the console, in the editor's page where Mermaid does not run, it shows its text).
     */
    @Test
    @SuppressWarnings("unchecked")
    void aMarkdownOutputsDiagramIsDrawnInTheReport() {
        page.replaceText("%% py\nfrom IPython.display import Markdown\n"
                + "Markdown('```mermaid\\nflowchart LR\\n    Python --> Report\\n```')\n");
        page.awaitKernelState("idle", NotebookPage.PYTHON);
        page.putCursorAt(0);
        assertEquals("done", page.runWithShiftEnter().state());
        List<String> labels = page.inReport(driver -> new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> (List<String>) ((JavascriptExecutor) d)
                .executeScript(NotebookPage.DIAGRAM_LABELS
                        + "const output = document.querySelector('#report .report-output .isolated-output');"
                        + "const figure = output && window.jodideReportLibs.isolatedRoot(output).querySelector('.report-diagram .isolated-output');"
                        + "return figure ? labelsOf(figure) : null;")));
        assertEquals(List.of("Python", "Report"), labels);
    }
}

package org.jodide.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rich display of Python values, IPython-style, and display() for several outputs per chunk, with
 * Python on the frame's main thread and in its worker ({@link PythonMode}).
 */
@ParameterizedClass
@EnumSource(value = PythonMode.class, names = PythonMode.DEFAULT_ONLY)
class RichDisplayIT {
    @RegisterExtension
    static final SiteExtension SITE = new SiteExtension();

    private static NotebookPage page;

    /** A 1x1 PNG, as Python bytes. */
    private static final String PNG_BYTES = "__import__('base64').b64decode("
            + "'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==')";

    @Parameter
    PythonMode mode;

    @BeforeParameterizedClassInvocation
    static void openNotebook(PythonMode mode) {
        page = mode.open(SITE);
    }

    private static NotebookPage.ConsoleEntry run(String code) {
        page.replaceText("%% py\n" + code + "\n");
        return page.runWithShiftEnter();
    }

    private static List<WebElement> displays(NotebookPage.ConsoleEntry entry) {
        return entry.element().findElements(By.cssSelector(".console-display"));
    }

    @Test
    void aValueWithReprPngShowsAsAnImage() {
        NotebookPage.ConsoleEntry entry = run("class Dot:\n    def _repr_png_(self):\n        return " + PNG_BYTES + "\nDot()");
        assertNull(entry.error());
        WebElement image = displays(entry).get(0).findElement(By.tagName("img"));
        assertEquals("image/png", displays(entry).get(0).getDomAttribute("data-mime-type"));
        Object width = ((JavascriptExecutor) SITE.browser().driver()).executeScript(
                "const img = arguments[0]; return img.complete ? img.naturalWidth : -1;", image);
        assertEquals(1L, width, "the PNG decodes");
        assertNull(entry.value(), "the rich form replaces the plain repr");
    }

    @Test
    void reprMethodsAreTriedInIPythonsOrder() {
        NotebookPage.ConsoleEntry entry = run("class Many:\n"
                + "    def _repr_markdown_(self): return '**md**'\n"
                + "    def _repr_svg_(self): return '<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"4\" height=\"4\"></svg>'\n"
                + "    def __repr__(self): return 'plain'\n"
                + "Many()");
        assertEquals("image/svg+xml", displays(entry).get(0).getDomAttribute("data-mime-type"));

        NotebookPage.ConsoleEntry bundle = run("class Bundle:\n"
                + "    def _repr_mimebundle_(self, include=None, exclude=None): return {'text/markdown': '*from bundle*'}\n"
                + "    def _repr_html_(self): return '<b>html</b>'\n"
                + "Bundle()");
        // The bundle's entries join those of the _repr_*_ methods; then the richest form wins: HTML before markdown.
        assertEquals("text/html", displays(bundle).get(0).getDomAttribute("data-mime-type"));
    }

    /** A Markdown output's fenced code is highlighted as markdown chunks' is (code-blocks.js, token-colours.js). */
    @Test
    void aMarkdownOutputsCodeBlockIsHighlighted() {
        NotebookPage.ConsoleEntry entry = run("from IPython.display import Markdown\nMarkdown('```python\\nimport os\\n```')");
        WebElement display = displays(entry).get(0);
        WebElement keyword = page.isolatedContent(display).findElement(By.cssSelector("code.language-python .tok-keyword"));
        assertEquals("import", keyword.getText());
        assertEquals("rgba(119, 0, 136, 1)", keyword.getCssValue("color"), "the light theme's keyword colour, as in the report");
    }

    @Test
    void aValueWithOnlyMarkdownRendersIt() {
        NotebookPage.ConsoleEntry entry = run("class Note:\n    def _repr_markdown_(self): return '# Title\\n\\n*soft*'\nNote()");
        WebElement display = displays(entry).get(0);
        assertEquals("text/markdown", display.getDomAttribute("data-mime-type"));
        assertEquals("Title", page.isolatedContent(display).findElement(By.tagName("h1")).getText());
    }

    /**
     * IPython's Audio of samples (a second of a 440 Hz tone, computed in the chunk) shows the browser's
     * player, which decodes the WAV it carries: its duration is the samples' count over their rate.
     */
    @Test
    void anAudioOfSamplesPlaysInTheBrowsersPlayer() {
        NotebookPage.ConsoleEntry entry = run("import math\nfrom IPython.display import Audio\n"
                + "rate = 8000\n"
                + "Audio([math.sin(2 * math.pi * 440 * t / rate) for t in range(rate)], rate=rate)");
        assertNull(entry.error());
        WebElement display = displays(entry).get(0);
        assertEquals("text/html", display.getDomAttribute("data-mime-type"));
        WebElement audio = page.isolatedContent(display).findElement(By.tagName("audio"));
        Object duration = new WebDriverWait(SITE.browser().driver(), Duration.ofSeconds(10)).until(d ->
                ((JavascriptExecutor) d).executeScript(
                        "const audio = arguments[0]; return audio.readyState >= 1 ? audio.duration : null;", audio));
        assertEquals(1.0, ((Number) duration).doubleValue(), 0.01, "the browser decoded a second of sound");
        assertEquals("true", audio.getDomProperty("controls"), "with the browser's controls");
    }

    /**
     * IPython's Math (text/latex) is typeset by KaTeX in the console, in the page's own DOM, so the
     * page must have KaTeX's styles: without them the MathML copy KaTeX writes for screen readers
     * shows beside the typeset formula (the page links them once the application loads).
     */
    @Test
    void mathIsTypesetWithKatexsStyles() {
        NotebookPage.ConsoleEntry entry = run("from IPython.display import Math\nMath(r'\\frac{1}{2}')");
        assertNull(entry.error());
        WebElement display = displays(entry).get(0);
        assertEquals("text/latex", display.getDomAttribute("data-mime-type"));
        WebElement mathMl = display.findElement(By.cssSelector(".katex .katex-mathml"));
        Object position = new WebDriverWait(SITE.browser().driver(), Duration.ofSeconds(10))
                .withMessage("KaTeX's style sheet never applied to the math in the console").until(d -> {
            Object value = ((JavascriptExecutor) d).executeScript("return getComputedStyle(arguments[0]).position;", mathMl);
            return "absolute".equals(value) ? value : null;
        });
        assertEquals("absolute", position, "KaTeX's style sheet hides the MathML copy");
        assertTrue(display.findElement(By.cssSelector(".katex-html .mfrac")).isDisplayed(), "the fraction is typeset");
    }

    @Test
    void htmlOutputIsSanitized() {
        NotebookPage.ConsoleEntry entry = run("class Page:\n"
                + "    def _repr_html_(self):\n"
                + "        return '<b id=\"bold\" onclick=\"window.pwned=1\">bold</b><script>window.pwned=2</script>'"
                + "'<img src=x onerror=\"window.pwned=3\">'\n"
                + "Page()");
        WebElement display = page.isolatedContent(displays(entry).get(0));
        assertEquals("bold", display.findElement(By.tagName("b")).getText());
        assertTrue(display.findElements(By.tagName("script")).isEmpty());
        assertNull(display.findElement(By.tagName("b")).getDomAttribute("onclick"));
        assertNull(((JavascriptExecutor) SITE.browser().driver()).executeScript("return window.pwned === undefined ? null : window.pwned;"));
    }

    @Test
    void displayShowsSeveralOutputsInOrderWithPrintedText() {
        NotebookPage.ConsoleEntry entry = run("class H:\n    def __init__(self, n): self.n = n\n"
                + "    def _repr_html_(self): return f'<i>item {self.n}</i>'\n"
                + "print('before')\ndisplay(H(1))\nprint('between')\ndisplay(H(2), 'text')\n'end'");
        List<WebElement> parts = entry.element().findElements(By.cssSelector(".console-output > *"));
        List<String> seen = parts.stream().map(e -> e.getDomAttribute("class") + "=" + page.shownText(e).strip()).toList();
        assertEquals(List.of("console-stdout=before", "console-display=item 1", "console-stdout=between",
                "console-display=item 2", "console-display='text'"), seen);
        assertEquals("'end'", entry.value());
    }

    /** Printed lines are joined before they reach the page, but never across a change of stream. */
    /**
     * A chunk written for Jupyter runs as it does there: {@code IPython.display} (Jodide's stand-in,
     * IPython not being installed) shows rich output, {@code clear_output} clears what the run
     * showed, at once or ({@code wait=True}) just before its next output, and a display handle's
     * {@code update} shows new content in its display's place, in the console and under the chunk.
     */
    @Test
    void aChunkWrittenForJupyterShowsAndClearsItsOutputThroughIPythonDisplay() {
        NotebookPage.ConsoleEntry entry = run("from IPython.display import HTML, Markdown, clear_output, display\n"
                + "print('old')\ndisplay(HTML('<b>gone</b>'))\nclear_output()\n"
                + "for step in range(3):\n    clear_output(wait=True)\n    print('step', step)\n"
                + "progress = display(Markdown('0%'), display_id=True)\n"
                + "for done in (50, 100):\n    progress.update(Markdown(f'{done}%'))\n"
                + "display(Markdown('**done**'))\nHTML('<i>last</i>')");
        assertNull(entry.error());
        assertEquals("step 2\n", entry.element().findElement(By.cssSelector(".console-stdout")).getDomProperty("textContent"));
        assertEquals(List.of("text/markdown", "text/markdown", "text/html"), displays(entry).stream()
                .map(display -> display.getDomAttribute("data-mime-type")).toList());
        assertEquals("100%", new WebDriverWait(SITE.browser().driver(), Duration.ofSeconds(10)).until(d -> {
            String text = page.shownText(displays(entry).get(0)).strip();
            return text.isEmpty() ? null : text;
        }), "the display shows its last update, in its place");
        assertEquals("step 2\n", ((JavascriptExecutor) SITE.browser().driver()).executeScript(
                "const outputs = document.querySelectorAll('.chunk-output');"
                + " return outputs[outputs.length - 1].querySelector('.chunk-output-stdout').textContent;"),
                "under the chunk too");
    }

    /** As in Jupyter, a chunk can update a display an earlier chunk showed: in its place, adding none of its own. */
    @Test
    void anUpdateReachesTheDisplayAnEarlierRunShowed() {
        NotebookPage.ConsoleEntry shows = run("from IPython.display import Markdown, display\n"
                + "display(Markdown('first'), display_id='shared')");
        NotebookPage.ConsoleEntry updates = run("from IPython.display import Markdown, update_display\n"
                + "update_display(Markdown('second'), display_id='shared')");
        assertNull(updates.error());
        assertTrue(displays(updates).isEmpty(), "the update adds no display");
        assertEquals("second", new WebDriverWait(SITE.browser().driver(), Duration.ofSeconds(10)).until(d -> {
            String text = page.shownText(displays(shows).get(0)).strip();
            return text.equals("second") ? text : null;
        }));
    }

    /** IPython's line magics a chunk written for Jupyter uses run, and one Jodide lacks says which it has. */
    @Test
    void lineMagicsOfJupyterNotebooksRun() {
        NotebookPage.ConsoleEntry entry = run("%matplotlib inline\n%load_ext autoreload\n%autoreload 2\n"
                + "%config InlineBackend.figure_format = 'retina'\n%time total = sum(range(10))\n"
                + "%timeit -n 5 -r 2 sum(range(10))\ntotal");
        assertNull(entry.error());
        assertEquals("45", entry.value());
        assertTrue(entry.output().contains("Wall time: "), entry.output());
        assertTrue(entry.output().contains("per loop (mean ± std. dev. of 2 runs, 5 loops each)"), entry.output());
        NotebookPage.ConsoleEntry unknown = run("%lsmagic");
        assertTrue(unknown.error().contains("UsageError: %lsmagic is not a line magic Jodide knows"), unknown.error());
    }

    @Test
    void stdoutAndStderrKeepTheOrderTheyWerePrintedIn() {
        NotebookPage.ConsoleEntry entry = run("import sys\nprint('one')\nprint('two', file=sys.stderr)\n"
                + "print('three')\nprint('four')\nprint('five', file=sys.stderr)\n");
        List<WebElement> parts = entry.element().findElements(By.cssSelector(".console-output > *"));
        List<String> seen = parts.stream().map(e -> e.getDomAttribute("class") + "=" + e.getDomProperty("textContent")).toList();
        assertEquals(List.of("console-stdout=one\n", "console-stderr=two\n", "console-stdout=three\nfour\n",
                "console-stderr=five\n"), seen);
    }

    @Test
    void aFailingReprIsReportedAsAnError() {
        NotebookPage.ConsoleEntry entry = run("class Bad:\n    def _repr_html_(self): raise RuntimeError('no html')\nBad()");
        assertEquals("error", entry.state());
        assertTrue(entry.error().contains("RuntimeError: no html"), entry.error());
    }

    /** The frames of the outputs of {@code css} in this document (inside their closed shadow roots). */
    private static final String OUTPUT_FRAMES = "return [...document.querySelectorAll(arguments[0] + ' .isolated-output')]"
            + ".flatMap(host => [...window.jodideReportLibs.isolatedRoot(host).querySelectorAll('iframe')]);";

    /**
     * A folium-style map (an {@code <iframe srcdoc>} whose script draws) and IPython's IFrame show as
     * frames, in the console, under the chunk and in the report, each sandboxed to scripts only
     * whatever the output asked: the script runs, and cannot reach the page. Shown again from the
     * saved notebook after a reload, the output keeps no frame.
     */
    @Test
    void framesInOutputsRunSandboxedToScriptsOnlyAndSavedOutputsKeepNone() {
        String about = SITE.server().uri().resolve("/examples/data/about.txt").toString();
        String code = "import html\nfrom IPython.display import IFrame, display\n"
                + "page = ('<!DOCTYPE html><html><head><style>body { margin: 0 }</style></head><body><p>the map</p><script>'\n"
                + "        'let reach; try { reach = parent.document ? \"reached the page\" : \"none\"; }'\n"
                + "        ' catch (e) { reach = \"kept out\"; } document.body.dataset.drawn = reach;</script></body></html>')\n"
                + "class Map:\n"
                + "    def _repr_html_(self):\n"
                + "        return ('<div><b>folium-like</b><iframe sandbox=\"allow-same-origin allow-scripts allow-top-navigation\"'\n"
                + "                ' allow=\"camera\" style=\"width: 100%; height: 60px\" srcdoc=\"' + html.escape(page, quote=True) + '\"></iframe>'\n"
                + "                '<iframe src=\"javascript:parent.pwned = 1\"></iframe></div>')\n"
                + "display(Map())\n"
                + "IFrame('" + about + "', 300, 60)";
        NotebookPage.ConsoleEntry entry = run(code);
        assertNull(entry.error(), entry.error());
        ChromeDriver driver = SITE.browser().driver();
        for (String where : List.of(".console-display", ".chunk-output")) {
            List<?> frames = (List<?>) page.script(OUTPUT_FRAMES, where);
            assertEquals(3, frames.size(), where);
            assertEquals(List.of("allow-scripts", "allow-scripts", "allow-scripts"), page.script(
                    "return arguments[0].map(frame => frame.getAttribute('sandbox'));", frames), where);
            assertEquals(Boolean.FALSE, page.script("return arguments[0].some(frame => frame.hasAttribute('allow'));", frames));
            assertEquals(null, ((WebElement) frames.get(1)).getDomAttribute("src"), "only http(s) pages load: " + where);
            assertEquals("kept out", inFrame((WebElement) frames.get(0), "return document.body.dataset.drawn;"),
                    "the map's script ran, in an origin of its own: " + where);
        }
        assertTrue(String.valueOf(inFrame((WebElement) ((List<?>) page.script(OUTPUT_FRAMES, ".console-display")).get(2),
                "return document.body.innerText;")).contains("Populations"), "IFrame shows the page of its address");

        assertNull(page.script("return window.pwned === undefined ? null : window.pwned;"), "no javascript: page ran");
        page.inReport(d -> {
            List<?> frames = (List<?>) ((JavascriptExecutor) d).executeScript(OUTPUT_FRAMES, ".report-output");
            assertEquals(3, frames.size(), "in the report");
            d.switchTo().frame((WebElement) frames.get(0));
            new WebDriverWait(d, Duration.ofSeconds(10)).until(inner -> "kept out".equals(
                    ((JavascriptExecutor) inner).executeScript("return document.body.dataset.drawn;")));
            return null;
        });

        // The outputs are kept with the notebook; shown again after a reload, the map keeps its text, not its frame.
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "window.jodidePageSupport.loadLocalNotebook('untitled', (record) =>"
                        + " done(Boolean(record && record.jupyterSource && record.jupyterSource.includes('folium-like'))));")));
        driver.navigate().refresh();
        page.awaitAppReady();
        WebElement saved = new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.findElements(
                By.cssSelector(".chunk-output[data-state='done']")).stream().findFirst().orElse(null));
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> page.shownText(saved).contains("folium-like"));
        assertEquals(0, ((List<?>) page.script(OUTPUT_FRAMES, ".chunk-output")).size(), "a saved output runs nothing");
        Integer reportFrames = page.inReport(d -> new WebDriverWait(d, Duration.ofSeconds(10)).until(inner -> {
            JavascriptExecutor report = (JavascriptExecutor) inner;
            boolean shown = Boolean.TRUE.equals(report.executeScript("return [...document.querySelectorAll('.report-output"
                    + " .isolated-output')].some(host => window.jodideReportLibs.isolatedRoot(host).textContent.includes('folium-like'));"));
            return shown ? ((List<?>) report.executeScript(OUTPUT_FRAMES, ".report-output")).size() : null;
        }));
        assertEquals(0, reportFrames, "nor in the report");
        page.awaitKernelState("idle", NotebookPage.PYTHON);
    }

    /** Runs {@code script} in {@code frame} (an output's frame of the editor page), once it has loaded. */
    private static Object inFrame(WebElement frame, String script) {
        ChromeDriver driver = SITE.browser().driver();
        driver.switchTo().frame(frame);
        try {
            return new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> {
                Object value = ((JavascriptExecutor) d).executeScript("return document.readyState === 'complete' ? ("
                        + "() => { " + script + " })() : null;");
                return value == null || "".equals(value) ? null : value;
            });
        } finally {
            driver.switchTo().defaultContent();
        }
    }
}

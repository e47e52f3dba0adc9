package org.jodide.bench;

import org.jodide.browser.BuiltSite;
import org.jodide.browser.HeadlessChromium;
import org.jodide.site.SiteServer;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Keystroke to report updated (issue 10): in a notebook of 1,000 chunks of every kind
 * ({@link BenchDocuments#notebook}), a real key typed into the heading of the first md chunk
 * (DevTools' {@code Input.dispatchKeyEvent}, the browser's own input path), timed from the key
 * event's {@code timeStamp} in the editor's page to the moment the typed letter is in the
 * report's DOM in the eval frame (a MutationObserver there). Both are absolute times
 * ({@code performance.timeOrigin} plus the document's time), since the two documents have
 * clocks of their own. The key goes in once the browser is quiet; each sample types a letter no
 * earlier one typed, so the report holding it means this key arrived. Nothing polls either
 * page: the frame answers an asynchronous script when it saw the letter.
 *
 * <p>Run with {@code ./jodide bench keystroke [samples]} (default 20, at most 50).
 */
public final class KeystrokeBenchmark {
    static final int CHUNKS = 1000;
    private static final Duration LIMIT = Duration.ofSeconds(180);
    /** Letters no notebook text of the benchmark holds: Greek, then Cyrillic, one per sample. */
    private static final String LETTERS = "αβγδεζηθικλμνξοπρστυφχψωабвгдежзийклмнопрстуфхцчшщ";

    /** In the editor's page: puts the notebook in, the cursor at the end of the first md chunk's heading, and notes each key's time. */
    private static final String PREPARE_EDITOR = """
            const [notebook] = arguments;
            const view = window.jodideCodeMirror.findNotebookEditor(document.getElementById('notebook-editor')).view;
            view.dispatch({changes: {from: 0, to: view.state.doc.length, insert: notebook}, userEvent: 'input.paste'});
            view.dispatch({selection: {anchor: view.state.doc.line(2).to}});
            view.focus();
            window.benchKeys = [];
            window.addEventListener('keydown', (event) => window.benchKeys.push(performance.timeOrigin + event.timeStamp), true);
            """;

    /** In the eval frame: notes when the expected letter first appears in the report's DOM. */
    private static final String WATCH_REPORT = """
            window.benchExpect = null;
            new MutationObserver((records) => {
              const letter = window.benchExpect;
              if (!letter) return;
              for (const record of records) {
                const texts = record.type === 'characterData' ? [record.target.data]
                    : Array.from(record.addedNodes, (node) => node.textContent);
                if (texts.some((text) => text && text.includes(letter))) {
                  window.benchExpect = null;
                  performance.mark('bench:report-updated');
                  window.benchDone = performance.timeOrigin + performance.now();
                  return;
                }
              }
            }).observe(document.body, {childList: true, subtree: true, characterData: true});
            """;

    private KeystrokeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        run(args);
    }

    static List<GoalResult> run(String[] args) throws Exception {
        int samples = Math.min(args.length > 0 ? Integer.parseInt(args[0]) : 20, LETTERS.length());
        Path site = BuiltSite.root().toAbsolutePath().normalize();
        try (SiteServer jodide = SiteServer.start(site, 0);
             HeadlessChromium browser = HeadlessChromium.start()) {
            ChromeDriver driver = browser.driver();
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
            BenchPages.openReady(driver, jodide.uri().toString(), BenchPages.JODIDE_READY, LIMIT);
            driver.executeScript(PREPARE_EDITOR, BenchDocuments.notebook(CHUNKS));
            inFrame(driver, () -> driver.executeScript(WATCH_REPORT));
            List<Double> latencies = new ArrayList<>();
            // One key first, not counted: the report's first update after the paste warms up.
            for (int sample = -1; sample < samples; sample++) {
                double latency = typeAndTime(driver, String.valueOf(LETTERS.charAt(sample + 1)));
                if (sample >= 0) {
                    latencies.add(latency);
                }
            }
            GoalResult result = GoalResult.of(Goals.MARKDOWN_KEYSTROKE,
                            Comparison.alone(new Series("key → typed letter in the report", "ms", latencies)))
                    .withNote("A real key typed into the heading of the first md chunk of a " + CHUNKS + "-chunk notebook:"
                            + " from the key event's timeStamp in the editor's page to the letter in the report's DOM in the eval"
                            + " frame (absolute times of both documents), once the browser is quiet before each key.");
            System.out.println("Keystroke to report updated in a " + CHUNKS + "-chunk notebook (ms; median, spread min-max):");
            System.out.println("  " + result.summary() + "   " + Samples.list(latencies, 1));
            return List.of(result);
        }
    }

    /** Types {@code letter} once the browser is quiet; ms from the key event to the letter in the report. */
    private static double typeAndTime(ChromeDriver driver, String letter) throws InterruptedException {
        inFrame(driver, () -> driver.executeScript("window.benchDone = undefined; window.benchExpect = arguments[0];", letter));
        BrowserCpu.awaitQuiet(300, 20_000);
        driver.executeCdpCommand("Input.dispatchKeyEvent", Map.of("type", "keyDown", "key", letter, "text", letter,
                "unmodifiedText", letter));
        driver.executeCdpCommand("Input.dispatchKeyEvent", Map.of("type", "keyUp", "key", letter));
        double shown = ((Number) inFrame(driver, () -> BenchPages.awaitBenchDone(driver))).doubleValue();
        List<Double> keys = Samples.doubles(((JavascriptExecutor) driver).executeScript("return window.benchKeys;"));
        if (keys.isEmpty()) {
            throw new IllegalStateException("the editor's page saw no key");
        }
        return shown - keys.get(keys.size() - 1);
    }

    /** Runs {@code action} in the eval frame, then returns to the page. */
    private static <T> T inFrame(ChromeDriver driver, java.util.function.Supplier<T> action) {
        driver.switchTo().frame(driver.findElement(By.id("eval-frame")));
        try {
            return action.get();
        } finally {
            driver.switchTo().defaultContent();
        }
    }
}

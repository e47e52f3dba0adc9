package org.jodide.bench;

import org.jodide.browser.BuiltSite;
import org.jodide.browser.HeadlessChromium;
import org.jodide.site.SiteServer;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Keystroke to report updated, in a notebook of {@value #CHUNKS} chunks ({@link BenchDocuments#notebook}:
 * every sixth one markdown): a real key press (WebDriver's, through the browser's input pipeline)
 * in the heading of the markdown chunk in the middle of the notebook, until the report, in the eval
 * frame, shows that chunk's new HTML, and until the animation frame after that. Both ends are
 * taken in the page (the key event's timeStamp in the editor, a MutationObserver and then
 * requestAnimationFrame in the frame), on the wall clock {@code performance.timeOrigin + now},
 * and read afterwards: nothing polls the page between the key and the update.
 *
 * <p>Goal: median at most {@value #GOAL_MS} ms (one frame at 60 Hz). Not part of
 * {@code ./jodide bench} yet; run with {@code exec:java -Dexec.mainClass=org.jodide.bench.ReportKeystrokeBenchmark
 * -Dexec.args=[samples]} (default 30).
 */
public final class ReportKeystrokeBenchmark {
    static final int CHUNKS = 1000;
    private static final double GOAL_MS = 16;
    private static final Duration LIMIT = Duration.ofSeconds(600);

    /** In the editor page: loads the notebook, and records each keydown's wall-clock time. */
    private static final String LOAD_NOTEBOOK = """
            const [notebook] = arguments;
            const view = window.jodideCodeMirror.findNotebookEditor(document.getElementById('notebook-editor')).view;
            view.dispatch({changes: {from: 0, to: view.state.doc.length, insert: notebook}, userEvent: 'input.paste'});
            window.benchKeys = [];
            document.addEventListener('keydown', (event) => window.benchKeys.push(performance.timeOrigin + event.timeStamp), true);
            """;

    /** In the editor page: puts the cursor at the end of the line that holds arguments[0], and focuses. */
    private static final String PLACE_CURSOR = """
            const view = window.jodideCodeMirror.findNotebookEditor(document.getElementById('notebook-editor')).view;
            const at = view.state.doc.toString().indexOf(arguments[0]);
            if (at < 0) throw new Error('no ' + arguments[0]);
            view.dispatch({selection: {anchor: view.state.doc.lineAt(at).to}});
            view.focus();
            """;

    /** In the frame: the number of rendered chunks in the report. */
    private static final String RENDERED_CHUNKS = "return document.getElementsByClassName('report-chunk').length;";

    /** In the frame: records when the report's element of chunk arguments[0] changes, and the animation frame after. */
    private static final String WATCH_CHUNK = """
            const element = [...document.getElementsByClassName('report-chunk')].find((e) => e.textContent.includes(arguments[0]));
            if (!element) throw new Error('no rendered chunk with ' + arguments[0]);
            window.benchUpdates = [];
            new MutationObserver(() => {
              const update = {changed: performance.timeOrigin + performance.now()};
              window.benchUpdates.push(update);
              requestAnimationFrame(() => { update.painted = performance.timeOrigin + performance.now(); });
            }).observe(element, {childList: true, subtree: true, characterData: true});
            """;

    /** In the frame: waits (up to 30 s) until update number arguments[0] (1-based) has been painted, then answers them all. */
    private static final String AWAIT_UPDATE = """
            const [count, answer] = [arguments[0], arguments[arguments.length - 1]];
            const deadline = performance.now() + 30000;
            const check = () => window.benchUpdates.length >= count && window.benchUpdates[count - 1].painted
                || performance.now() > deadline ? answer(window.benchUpdates) : setTimeout(check, 50);
            check();
            """;

    private ReportKeystrokeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int samples = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        String notebook = BenchDocuments.notebook(CHUNKS);
        String heading = "## Part " + (CHUNKS / 2 / 6 * 6) + ": notes on the data";
        Path site = BuiltSite.root().toAbsolutePath().normalize();
        try (SiteServer jodide = SiteServer.start(site, 0);
             HeadlessChromium browser = HeadlessChromium.start()) {
            WebDriver driver = browser.driver();
            driver.manage().timeouts().scriptTimeout(LIMIT);
            JavascriptExecutor js = (JavascriptExecutor) driver;
            BenchPages.openReady(driver, jodide.uri().toString(), BenchPages.JODIDE_READY, LIMIT);
            js.executeScript(LOAD_NOTEBOOK, notebook);
            long markdownChunks = notebook.lines().filter(line -> line.equals("%% md")).count();
            WebElement frame = driver.findElement(By.tagName("iframe"));
            driver.switchTo().frame(frame);
            BenchPages.patiently(driver, LIMIT).until(d -> ((Number) js.executeScript(RENDERED_CHUNKS)).longValue() == markdownChunks);
            js.executeScript(WATCH_CHUNK, heading.substring(3));
            driver.switchTo().defaultContent();
            js.executeScript(PLACE_CURSOR, heading);
            BrowserCpu.awaitQuiet(500, 30_000);

            List<Double> changed = new ArrayList<>();
            List<Double> painted = new ArrayList<>();
            for (int sample = 1; sample <= samples; sample++) {
                // Alternately add and delete a character, so the heading stays short.
                new Actions(driver).sendKeys(sample % 2 == 1 ? "x" : Keys.BACK_SPACE).perform();
                driver.switchTo().frame(frame);
                List<?> updates = (List<?>) js.executeAsyncScript(AWAIT_UPDATE, sample);
                driver.switchTo().defaultContent();
                List<Double> keys = Samples.doubles(js.executeScript("return window.benchKeys;"));
                if (updates.size() != sample || keys.size() != sample) {
                    throw new IllegalStateException("expected " + sample + " keys and report updates, got " + keys.size()
                            + " keys and " + updates.size() + " updates");
                }
                Map<?, ?> update = (Map<?, ?>) updates.get(sample - 1);
                double key = keys.get(sample - 1);
                changed.add(((Number) update.get("changed")).doubleValue() - key);
                painted.add(((Number) update.get("painted")).doubleValue() - key);
            }
            System.out.println(Samples.format("Keystroke to report updated, %,d-chunk notebook (%d markdown), ms over %d keys:",
                    CHUNKS, markdownChunks, samples));
            System.out.println(Samples.format("  report element changed : median %6.1f  range %s", Samples.median(changed),
                    Samples.range(changed, 1)));
            double median = Samples.median(painted);
            System.out.println(Samples.format("  next animation frame   : median %6.1f  range %s  (goal: at most %.0f)%s", median,
                    Samples.range(painted, 1), GOAL_MS, median <= GOAL_MS ? "" : "  NOT MET"));
        }
    }
}

package org.jodide.bench;

import org.jodide.browser.BuiltSite;
import org.jodide.browser.HeadlessChromium;
import org.jodide.site.SiteServer;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Navigation to first Python result: Jodide against a bare page that only calls
 * {@code loadPyodide()} and {@code runPython("1+1")}, in the same headless Chromium session,
 * alternating the two so both see the same machine and caches. Prints the medians and their
 * ratio. Times are {@code performance.now()} in the page: milliseconds since navigation start.
 *
 * <p>Run with {@code ./jodide bench first-result [rounds]} (default 5 rounds).
 */
public final class FirstResultBenchmark {
    private static final Duration LIMIT = Duration.ofSeconds(120);

    private static final String BARE_PAGE = """
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><title>bare Pyodide</title>
            <script src="pyodide/pyodide.js"></script></head>
            <body><script>
            loadPyodide({indexURL: "pyodide/"}).then((pyodide) => {
              window.benchResult = String(pyodide.runPython("1+1"));
              window.benchResultAt = performance.now();
            });
            </script></body></html>
            """;

    /** Installed into the Jodide page once it loaded: watches the console, then runs a notebook. */
    private static final String RUN_IN_JODIDE = """
            const console = document.getElementById('console');
            new MutationObserver(() => {
              const value = console.querySelector('.console-value');
              if (value && window.benchResultAt === undefined) {
                window.benchResult = value.textContent;
                window.benchResultAt = performance.now();
              }
            }).observe(console, {childList: true, subtree: true});
            // The notebook becomes "%% py\\n1+1\\n" as one edit, as a paste makes (the session sees it).
            const view = window.jodideCodeMirror.findNotebookEditor(document.getElementById('notebook-editor')).view;
            view.dispatch({changes: {from: 0, to: view.state.doc.length, insert: '%% py\\n1+1\\n'}, userEvent: 'input.paste'});
            document.getElementById('run-all').click();
            """;

    private FirstResultBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path site = BuiltSite.root().toAbsolutePath().normalize();
        Path bareRoot = bareSite(site);
        try (SiteServer jodide = SiteServer.start(site, 0);
             SiteServer bare = SiteServer.start(bareRoot, 0);
             HeadlessChromium browser = HeadlessChromium.start()) {
            WebDriver driver = browser.driver();
            List<Double> jodideTimes = new ArrayList<>();
            List<Double> bareTimes = new ArrayList<>();
            // One warm-up of each, not counted: the first navigation pays for the browser's own start.
            measure(driver, bare.uri().toString(), null);
            measure(driver, jodide.uri().toString(), RUN_IN_JODIDE);
            for (int round = 0; round < rounds; round++) {
                bareTimes.add(measure(driver, bare.uri().toString(), null));
                jodideTimes.add(measure(driver, jodide.uri().toString(), RUN_IN_JODIDE));
            }
            double jodideMedian = median(jodideTimes);
            double bareMedian = median(bareTimes);
            System.out.println("Navigation to first Python result (ms, median of " + rounds + "):");
            System.out.println(String.format(Locale.ROOT, "  bare Pyodide page : %8.0f   %s", bareMedian, bareTimes));
            System.out.println(String.format(Locale.ROOT, "  Jodide notebook   : %8.0f   %s", jodideMedian, jodideTimes));
            System.out.println(String.format(Locale.ROOT, "  ratio Jodide/bare : %8.2f", jodideMedian / bareMedian));
        } finally {
            Files.deleteIfExists(bareRoot.resolve("pyodide"));
            Files.deleteIfExists(bareRoot.resolve("index.html"));
            Files.deleteIfExists(bareRoot);
        }
    }

    /** Milliseconds from navigation start to the first Python result on the page at {@code url}. */
    private static double measure(WebDriver driver, String url, String afterLoad) {
        driver.get("about:blank");
        driver.get(url);
        JavascriptExecutor js = (JavascriptExecutor) driver;
        if (afterLoad != null) {
            js.executeScript(afterLoad);
        }
        new WebDriverWait(driver, LIMIT).pollingEvery(Duration.ofMillis(20))
                .until(d -> js.executeScript("return window.benchResultAt !== undefined;").equals(Boolean.TRUE));
        Object result = js.executeScript("return window.benchResult;");
        if (!"2".equals(result)) {
            throw new IllegalStateException(url + " gave " + result + ", not 2");
        }
        return ((Number) js.executeScript("return window.benchResultAt;")).doubleValue();
    }

    /** A folder with the bare page and a link to the site's copy of Pyodide. */
    private static Path bareSite(Path site) throws IOException {
        Path root = Files.createTempDirectory("jodide-bare-pyodide-");
        Files.writeString(root.resolve("index.html"), BARE_PAGE);
        Files.createSymbolicLink(root.resolve("pyodide"), site.resolve("pyodide"));
        return root;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}

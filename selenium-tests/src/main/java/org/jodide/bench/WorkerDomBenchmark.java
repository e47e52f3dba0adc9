package org.jodide.bench;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Python reaching the report's DOM from the worker ({@code ?python=worker}, worker-dom over
 * coincident) against the same Python in a bare page with Pyodide on the main thread. For each
 * operation of {@link #OPERATIONS}, a Python loop times each of N repetitions with
 * {@code time.perf_counter} (the same code in both pages); the worker's round trips are the
 * frame's counter ({@code jodidePythonWorker.domRoundTrips()}, one per synchronous call of the
 * worker into the frame) before and after the loop, divided by N.
 *
 * <p>Run with {@code ./jodide bench worker-dom [N]} (default 100). Goal: at most
 * {@value #GOAL_ROUND_TRIPS} round trips per operation.
 */
public final class WorkerDomBenchmark {
    private static final int GOAL_ROUND_TRIPS = 3;
    private static final Duration LIMIT = Duration.ofSeconds(300);

    /** Name shown -> one Python statement, run with {@code document} and {@code body} set up. */
    private static final Map<String, String> OPERATIONS = new java.util.LinkedHashMap<>();

    static {
        OPERATIONS.put("read document.title", "document.title");
        OPERATIONS.put("read document.body", "document.body");
        OPERATIONS.put("createElement + appendChild", "body.appendChild(document.createElement('div'))");
    }

    private static final String SETUP = "import time\nfrom js import document\nbody = document.body\n";

    private static String loop(String statement, int repetitions) {
        return "bench_times = []\n"
                + "for _ in range(" + repetitions + "):\n"
                + "    bench_start = time.perf_counter()\n"
                + "    " + statement + "\n"
                + "    bench_times.append((time.perf_counter() - bench_start) * 1000)\n"
                + "bench_times\n";
    }

    private static final String BARE_PAGE = """
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><title>bare Pyodide DOM</title>
            <script src="pyodide/pyodide.js"></script></head>
            <body><script>
            loadPyodide({indexURL: "pyodide/"}).then((pyodide) => {
              window.benchRun = (code) => String(pyodide.runPython(code));
              window.benchReady = true;
            });
            </script></body></html>
            """;

    /** Runs the notebook text with Run all; benchDone gets the console value (or 'error: ...'). */
    private static final String RUN_IN_JODIDE = """
            const [code] = arguments;
            window.benchDone = undefined;
            const console = document.getElementById('console');
            const before = console.querySelectorAll('.console-entry').length;
            const view = window.jodideCodeMirror.findNotebookEditor(document.getElementById('notebook-editor')).view;
            view.dispatch({changes: {from: 0, to: view.state.doc.length, insert: code}, userEvent: 'input.paste'});
            const observer = new MutationObserver(() => {
              const entries = console.querySelectorAll('.console-entry');
              const entry = entries[entries.length - 1];
              if (entries.length <= before || entry.getAttribute('data-state') === 'running') return;
              observer.disconnect();
              const value = entry.querySelector('.console-value');
              const error = entry.querySelector('.console-error');
              window.benchDone = entry.getAttribute('data-state') === 'error'
                  ? 'error: ' + (error ? error.textContent : '(no message)') : (value ? value.textContent : '');
            });
            observer.observe(console, {childList: true, subtree: true, attributes: true, attributeFilter: ['data-state']});
            document.getElementById('run-all').click();
            """;

    private WorkerDomBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int repetitions = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        try (PairedSession session = PairedSession.start(BARE_PAGE, LIMIT)) {
            WebDriver driver = session.driver();
            JavascriptExecutor js = (JavascriptExecutor) driver;

            driver.get(session.bareUrl());
            patiently(driver).until(d -> Boolean.TRUE.equals(js.executeScript("return window.benchReady === true;")));
            js.executeScript("return window.benchRun(arguments[0]);", SETUP);
            Map<String, List<Double>> bareTimes = new java.util.LinkedHashMap<>();
            for (Map.Entry<String, String> operation : OPERATIONS.entrySet()) {
                js.executeScript("return window.benchRun(arguments[0]);", loop(operation.getValue(), 5));
                bareTimes.put(operation.getKey(), numbers((String) js.executeScript(
                        "return window.benchRun(arguments[0]);", loop(operation.getValue(), repetitions))));
            }

            driver.get(session.jodideUrl() + "?python=worker");
            patiently(driver).until(d -> Boolean.TRUE.equals(js.executeScript(
                    "return document.documentElement.dataset.app === 'ready'"
                            + " && document.getElementById('kernel-status').dataset.state === 'idle';")));
            runInJodide(driver, "%% py\n" + SETUP + "None\n");
            Map<String, List<Double>> workerTimes = new java.util.LinkedHashMap<>();
            Map<String, Double> roundTrips = new java.util.LinkedHashMap<>();
            for (Map.Entry<String, String> operation : OPERATIONS.entrySet()) {
                runInJodide(driver, "%% py\n" + loop(operation.getValue(), 5));
                long before = frameRoundTrips(driver);
                List<Double> times = numbers(runInJodide(driver, "%% py\n" + loop(operation.getValue(), repetitions)));
                long after = frameRoundTrips(driver);
                workerTimes.put(operation.getKey(), times);
                roundTrips.put(operation.getKey(), (after - before) / (double) repetitions);
            }

            System.out.println(Samples.format("Python DOM operations, time per operation (ms, median of %d; spread min-max) and round trips:",
                    repetitions));
            for (String name : OPERATIONS.keySet()) {
                List<Double> worker = workerTimes.get(name);
                List<Double> main = bareTimes.get(name);
                double trips = roundTrips.get(name);
                System.out.println("  " + name);
                System.out.println(Samples.format("    bare page, main thread : %8.3f   %s", Samples.median(main), Samples.range(main, 3)));
                System.out.println(Samples.format("    Jodide, worker         : %8.3f   %s   %.2f round trips%s", Samples.median(worker),
                        Samples.range(worker, 3), trips, trips <= GOAL_ROUND_TRIPS ? "" : "  NOT MET (goal " + GOAL_ROUND_TRIPS + ")"));
            }
        }
    }

    private static String runInJodide(WebDriver driver, String notebook) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(RUN_IN_JODIDE, notebook);
        // The page answers when it is done: nothing polls it while Python times its operations.
        String value = (String) BenchPages.awaitBenchDone(driver);
        if (value.startsWith("error: ")) {
            throw new IllegalStateException("the chunk failed: " + value);
        }
        return value;
    }

    /** The frame's count of synchronous calls from the Python worker. */
    private static long frameRoundTrips(WebDriver driver) {
        driver.switchTo().frame(driver.findElement(By.id("eval-frame")));
        try {
            return ((Number) ((JavascriptExecutor) driver).executeScript(
                    "return window.jodidePythonWorker.domRoundTrips();")).longValue();
        } finally {
            driver.switchTo().defaultContent();
        }
    }

    private static final Pattern NUMBER = Pattern.compile("[0-9]+(?:\\.[0-9]+)?(?:e-?[0-9]+)?");

    /** The floats of a Python list's repr. */
    private static List<Double> numbers(String repr) {
        List<Double> out = new ArrayList<>();
        Matcher matcher = NUMBER.matcher(repr);
        while (matcher.find()) {
            out.add(Double.parseDouble(matcher.group()));
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("no timings in " + repr);
        }
        return out;
    }

    private static WebDriverWait patiently(WebDriver driver) {
        return BenchPages.patiently(driver, LIMIT);
    }
}

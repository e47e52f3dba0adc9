package org.jodide.bench;

import org.jodide.browser.BuiltSite;
import org.jodide.browser.HeadlessChromium;
import org.jodide.site.SiteServer;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Run All at scale (issue "Speed"): a notebook of {@value #CHUNKS} one-line py chunks
 * ({@code x0 = 0}, {@code x1 = 1}, …) run with Run all, against one {@code runPython} of the same
 * lines in a bare Pyodide page, in one headless Chromium session, alternating the two. Before the
 * workspace listing was made lazy, the cost of a chunk grew with the number of globals (Run All
 * was quadratic); this prints the time per chunk at the start and at the end of the run, which
 * must stay flat.
 *
 * <ul>
 *   <li>Jodide: the clock starts when Run all is clicked and stops at the first animation frame at
 *   which the last chunk's console entry has finished. The page records when each 100th entry
 *   finished (performance.now, read afterwards: nothing polls the page while it runs).
 *   <li>Bare: the clock starts before {@code runPython} and stops at the next animation frame.
 * </ul>
 * Goal: Jodide within {@value #GOAL_RATIO}x bare. Run with {@code ./jodide bench run-all [samples]}
 * (default 3 of each).
 */
public final class RunAllBenchmark {
    static final int CHUNKS = 1000;
    private static final double GOAL_RATIO = 2.0;
    private static final Duration LIMIT = Duration.ofSeconds(600);

    private static final String BARE_PAGE = """
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><title>bare Pyodide run</title>
            <script src="pyodide/pyodide.js"></script></head>
            <body><script>
            loadPyodide({indexURL: "pyodide/"}).then((pyodide) => {
              window.benchRun = (code) => {
                const start = performance.now();
                pyodide.runPython(code);
                requestAnimationFrame(() => { window.benchDone = {total: performance.now() - start, marks: []}; });
              };
              window.benchReady = true;
            });
            </script></body></html>
            """;

    /** Installed into the Jodide page once Python is ready: watches the console, then runs the notebook. */
    private static final String RUN_IN_JODIDE = """
            const [notebook, chunks] = arguments;
            const console = document.getElementById('console');
            const view = window.jodideCodeMirror.findNotebookEditor(document.getElementById('notebook-editor')).view;
            view.dispatch({changes: {from: 0, to: view.state.doc.length, insert: notebook}, userEvent: 'input.paste'});
            const entries = console.getElementsByClassName('console-entry');
            const marks = [];
            let start;
            const observer = new MutationObserver(() => {
              // Each 100th finished entry is marked once; entries come in notebook order.
              while (marks.length < chunks / 100) {
                const entry = entries[(marks.length + 1) * 100 - 1];
                if (!entry || entry.getAttribute('data-state') === 'running') return;
                marks.push(performance.now() - start);
              }
              observer.disconnect();
              requestAnimationFrame(() => { window.benchDone = {total: performance.now() - start, marks}; });
            });
            observer.observe(console, {childList: true, subtree: true, attributes: true, attributeFilter: ['data-state']});
            start = performance.now();
            document.getElementById('run-all').click();
            """;

    private RunAllBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int samples = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        StringBuilder lines = new StringBuilder();
        StringBuilder notebook = new StringBuilder();
        for (int i = 0; i < CHUNKS; i++) {
            lines.append("x").append(i).append(" = ").append(i).append('\n');
            notebook.append("%% py\nx").append(i).append(" = ").append(i).append('\n');
        }
        Path site = BuiltSite.root().toAbsolutePath().normalize();
        try (SiteServer jodide = SiteServer.start(site, 0);
             BenchSite bare = BenchSite.serve(BARE_PAGE, Map.of("pyodide", site.resolve("pyodide")));
             HeadlessChromium browser = HeadlessChromium.start()) {
            WebDriver driver = browser.driver();
            driver.manage().timeouts().scriptTimeout(LIMIT);
            List<Double> jodideTimes = new ArrayList<>();
            List<Double> bareTimes = new ArrayList<>();
            List<Double> firstHundred = new ArrayList<>();
            List<Double> lastHundred = new ArrayList<>();
            for (int sample = 0; sample < samples; sample++) {
                bareTimes.add(measure(driver, bare.uri().toString(), "return window.benchReady === true;",
                        "setTimeout(() => window.benchRun(arguments[0]));", lines.toString()).total());
                Result jodideRun = measure(driver, jodide.uri().toString(), BenchPages.JODIDE_READY,
                        RUN_IN_JODIDE, notebook.toString());
                jodideTimes.add(jodideRun.total());
                List<Double> marks = jodideRun.marks();
                firstHundred.add(marks.get(0));
                lastHundred.add(marks.get(marks.size() - 1) - marks.get(marks.size() - 2));
            }
            double ratio = Samples.median(jodideTimes) / Samples.median(bareTimes);
            System.out.println(Samples.format("Run All of %,d one-line py chunks vs one runPython of the same lines (ms, median of %d; spread min-max):",
                    CHUNKS, samples));
            System.out.println(Samples.format("  bare runPython    : %8.0f   %s", Samples.median(bareTimes), Samples.range(bareTimes, 0)));
            System.out.println(Samples.format("  Jodide Run All    : %8.0f   %s", Samples.median(jodideTimes), Samples.range(jodideTimes, 0)));
            System.out.println(Samples.format("  ratio Jodide/bare : %8.2f   (goal: at most %.1f)%s", ratio, GOAL_RATIO,
                    ratio <= GOAL_RATIO ? "" : "  NOT MET"));
            System.out.println(Samples.format("  first 100 chunks  : %8.0f   %s", Samples.median(firstHundred), Samples.range(firstHundred, 0)));
            System.out.println(Samples.format("  last 100 chunks   : %8.0f   %s   (flat when the cost per chunk does not grow with the globals)",
                    Samples.median(lastHundred), Samples.range(lastHundred, 0)));
        }
    }

    private record Result(double total, List<Double> marks) {
    }

    private static Result measure(WebDriver driver, String url, String ready, String start, String code)
            throws InterruptedException {
        BenchPages.openReady(driver, url, ready, LIMIT);
        ((JavascriptExecutor) driver).executeScript(start, code, CHUNKS);
        Map<?, ?> done = (Map<?, ?>) BenchPages.awaitBenchDone(driver);
        return new Result(((Number) done.get("total")).doubleValue(), Samples.doubles(done.get("marks")));
    }
}

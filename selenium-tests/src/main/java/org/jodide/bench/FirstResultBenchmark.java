package org.jodide.bench;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Navigation to first Python result: Jodide against a bare page that only calls
 * {@code loadPyodide()} and {@code runPython("1+1")}, in the same headless Chromium session,
 * alternating the two so both see the same machine, cold (a first visit: the browser's HTTP cache
 * and everything the site kept emptied just before, {@link FirstVisit}) and warm (the next visit of
 * the same page). Wall time is the page's {@code performance.now()} (ms since navigation start) at the
 * moment the result is in the document, recorded by the page itself (with a
 * {@code performance.mark}); CPU time is that of all browser processes ({@link BrowserCpu}) from
 * just before the navigation until the page said it was done. Nothing polls the page meanwhile:
 * one asynchronous script waits for the page to set {@code window.benchDone}
 * ({@link BenchPages#awaitBenchDone}). Before each navigation the browser is left to go quiet.
 *
 * <p>Run with {@code ./jodide bench first-result [rounds]} (default 5 rounds).
 */
public final class FirstResultBenchmark {
    private static final Duration LIMIT = Duration.ofSeconds(180);

    static final String BARE_PAGE = """
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><title>bare Pyodide</title>
            <script src="pyodide/pyodide.js"></script></head>
            <body><pre id="result"></pre><script>
            """ + BenchPages.AFTER_PAINT + """
            loadPyodide({indexURL: "pyodide/"}).then((pyodide) => {
              const result = String(pyodide.runPython("1+1"));
              document.getElementById('result').textContent = result;
              requestAnimationFrame(() => afterPaint(() => {
                performance.mark('bench:first-result');
                window.benchDone = {result, at: performance.now()};
              }));
            });
            </script></body></html>
            """;

    /** Installed into the Jodide page once it loaded: watches the console, then (once CodeMirror is there) runs a notebook. */
    static final String RUN_IN_JODIDE = BenchPages.AFTER_PAINT + """
            const console = document.getElementById('console');
            const observer = new MutationObserver(() => {
              const value = console.querySelector('.console-value');
              if (value) {
                observer.disconnect();
                requestAnimationFrame(() => afterPaint(() => {
                  performance.mark('bench:first-result');
                  window.benchDone = {result: value.textContent, at: performance.now()};
                }));
              }
            });
            observer.observe(console, {childList: true, subtree: true, characterData: true});
            const pasteAndRun = () => {
              // The notebook becomes "%% py\\n1+1\\n" as one edit, as a paste makes (the session sees it).
              const view = window.jodideCodeMirror.findNotebookEditor(document.getElementById('notebook-editor')).view;
              view.dispatch({changes: {from: 0, to: view.state.doc.length, insert: '%% py\\n1+1\\n'}, userEvent: 'input.paste'});
              // Run all as soon as it works (the application sets data-app="ready" once it has loaded),
              // as a user would: seen by an observer, not by polling.
              const root = document.documentElement;
              const runAll = () => document.getElementById('run-all').click();
              if (root.dataset.app === 'ready') {
                runAll();
              } else {
                const ready = new MutationObserver(() => {
                  if (root.dataset.app !== 'ready') return;
                  ready.disconnect();
                  runAll();
                });
                ready.observe(root, {attributes: true, attributeFilter: ['data-app']});
              }
            };
            // CodeMirror (window.jodideCodeMirror, set by index.html once it has started) may come after
            // the page's load event, which does not wait for index.html's module script to finish (it
            // awaits a paint first): heard as it is set, not polled.
            if (window.jodideCodeMirror) {
              pasteAndRun();
            } else {
              let editors;
              Object.defineProperty(window, 'jodideCodeMirror', {
                configurable: true,
                get: () => editors,
                set: (value) => {
                  Object.defineProperty(window, 'jodideCodeMirror', {value, writable: true, configurable: true, enumerable: true});
                  editors = value;
                  queueMicrotask(pasteAndRun);
                },
              });
            }
            """;

    private FirstResultBenchmark() {
    }

    /**
     * One navigation: ms from navigation start to the result on screen, the browser's CPU ms
     * meanwhile, and of that the CPU ms of Chromium's thread pools (V8 compiling in the background).
     */
    private record Sample(double wall, double cpu, double threadPoolCpu) {
    }

    /** The samples of one page, cold and warm. */
    private static final class Visits {
        final List<Double> coldWall = new ArrayList<>();
        final List<Double> coldCpu = new ArrayList<>();
        final List<Double> warmWall = new ArrayList<>();
        final List<Double> warmCpu = new ArrayList<>();
        final List<Double> coldThreadPoolCpu = new ArrayList<>();
        final List<Double> warmThreadPoolCpu = new ArrayList<>();

        void add(Sample cold, Sample warm) {
            coldWall.add(cold.wall());
            coldCpu.add(cold.cpu());
            coldThreadPoolCpu.add(cold.threadPoolCpu());
            warmThreadPoolCpu.add(warm.threadPoolCpu());
            warmWall.add(warm.wall());
            warmCpu.add(warm.cpu());
        }
    }

    public static void main(String[] args) throws Exception {
        run(args);
    }

    static List<GoalResult> run(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        try (PairedSession session = PairedSession.start(BARE_PAGE, LIMIT)) {
            ChromeDriver driver = session.driver();
            String bareUrl = session.bareUrl();
            String jodideUrl = session.jodideUrl();
            // One of each first, not counted: the first navigation pays for the browser's own start.
            measure(driver, bareUrl, null, true);
            measure(driver, jodideUrl, RUN_IN_JODIDE, true);
            Visits bareVisits = new Visits();
            Visits jodideVisits = new Visits();
            for (int round = 0; round < rounds; round++) {
                bareVisits.add(measure(driver, bareUrl, null, true), measure(driver, bareUrl, null, false));
                jodideVisits.add(measure(driver, jodideUrl, RUN_IN_JODIDE, true), measure(driver, jodideUrl, RUN_IN_JODIDE, false));
            }
            List<GoalResult> results = List.of(
                    result(Goals.FIRST_RESULT_COLD, jodideVisits.coldWall, bareVisits.coldWall, jodideVisits.coldCpu, bareVisits.coldCpu,
                            threadPools(jodideVisits.coldThreadPoolCpu, bareVisits.coldThreadPoolCpu)),
                    result(Goals.FIRST_RESULT_WARM, jodideVisits.warmWall, bareVisits.warmWall, jodideVisits.warmCpu, bareVisits.warmCpu,
                            threadPools(jodideVisits.warmThreadPoolCpu, bareVisits.warmThreadPoolCpu)));
            System.out.println("Navigation to first Python result, " + rounds + " rounds (ms; median, spread min-max; ratios of paired samples):");
            results.forEach(result -> System.out.println("  " + result.summary()));
            return results;
        }
    }

    /** What Chromium's thread pools took of each page's CPU (medians with their spread). */
    private static String threadPools(List<Double> jodide, List<Double> bare) {
        return Samples.format(" Of the CPU, Chromium's thread pools (where V8 compiles in the background: Pyodide's Wasm, which the"
                + " bare page finds compiled in the code cache on a warm visit and the sandboxed frame compiles again) took %.0f ms"
                + " (median; %s) in Jodide and %.0f ms (%s) in the bare page.", Samples.median(jodide), Samples.range(jodide, 0),
                Samples.median(bare), Samples.range(bare, 0));
    }

    private static GoalResult result(Goal goal, List<Double> jodideWall, List<Double> bareWall,
                                     List<Double> jodideCpu, List<Double> bareCpu, String threadPools) {
        return GoalResult.of(goal,
                Comparison.of(new Series("Jodide notebook", "ms", jodideWall), new Series("bare Pyodide page", "ms", bareWall)),
                Comparison.of(new Series("Jodide notebook", "ms CPU", jodideCpu), new Series("bare Pyodide page", "ms CPU", bareCpu)))
                .withNote("Wall: `performance.now()` in the page once the frame showing `1+1`'s result is painted (ms since"
                        + " navigation start). CPU: all browser processes from just before the navigation until the page reported."
                        + threadPools
                        + " Cold: a first visit (the HTTP cache and everything the site kept in the browser, Cache Storage and the"
                        + " service worker among it, emptied just before); warm: the next visit.");
    }

    private static Sample measure(ChromeDriver driver, String url, String afterLoad, boolean cold) throws InterruptedException {
        Navigation navigation = navigate(driver, url, afterLoad, cold, () -> 0);
        return new Sample(navigation.wall(), navigation.cpu(), navigation.threadPoolCpu());
    }

    /**
     * One navigation to the first result: ms since navigation start, the browser's CPU ms until then
     * (and of it, its thread pools': V8 compiling in the background), bytes downloaded meanwhile.
     */
    record Navigation(double wall, double cpu, double threadPoolCpu, double bytes) {
    }

    /**
     * Navigates to {@code url} (from about:blank, once the browser is quiet; as a first visit when
     * {@code cold}: {@link FirstVisit}), runs {@code afterLoad} when given, and returns when the page
     * recorded its result ({@code 2}), with how much CPU the browser used until then and how many
     * bytes {@code downloaded} grew by (the page's site's count of what it served whole).
     */
    static Navigation navigate(ChromeDriver driver, String url, String afterLoad, boolean cold, LongSupplier downloaded)
            throws InterruptedException {
        driver.get("about:blank");
        if (cold) {
            FirstVisit.forget(driver, URI.create(url));
        }
        BrowserCpu.awaitQuiet(500, 30_000);
        long bytesBefore = downloaded.getAsLong();
        Map<Long, Double> cpuBefore = BrowserCpu.snapshot();
        Map<String, Double> threadPoolsBefore = BrowserCpu.threadPoolSnapshot();
        driver.get(url);
        JavascriptExecutor js = driver;
        if (afterLoad != null) {
            js.executeScript(afterLoad);
        }
        Map<?, ?> done = (Map<?, ?>) BenchPages.awaitBenchDone(driver);
        double cpu = BrowserCpu.between(cpuBefore, BrowserCpu.snapshot());
        double threadPools = BrowserCpu.between(threadPoolsBefore, BrowserCpu.threadPoolSnapshot());
        if (!"2".equals(done.get("result"))) {
            throw new IllegalStateException(url + " gave " + done.get("result") + ", not 2");
        }
        return new Navigation(((Number) done.get("at")).doubleValue(), cpu, threadPools, downloaded.getAsLong() - bytesBefore);
    }
}

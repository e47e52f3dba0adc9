package org.jodide.bench;

import org.jodide.browser.BuiltSite;
import org.jodide.browser.HeadlessChromium;
import org.jodide.site.SiteServer;
import org.openqa.selenium.chrome.ChromeDriver;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Memory after a notebook and {@code 1+1} (issue 10): the browser's memory ({@link BrowserMemory},
 * PSS of all its processes) once the Jodide notebook showed the result of {@code 1+1} and the
 * browser went quiet, minus its memory at about:blank just before, against the same for a bare
 * page that only calls {@code loadPyodide()} and {@code runPython("1+1")}. Each sample starts a
 * fresh browser (so no earlier page, cache or back-forward cache entry counts), alternating
 * bare and Jodide.
 *
 * <p>Run with {@code ./jodide bench memory [samples]} (default 5 of each).
 */
public final class MemoryBenchmark {
    private static final Duration LIMIT = Duration.ofSeconds(180);

    private MemoryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        run(args);
    }

    static List<GoalResult> run(String[] args) throws Exception {
        if (!BrowserMemory.available()) {
            throw new IllegalStateException("no /proc/<pid>/smaps_rollup here: the memory benchmark needs Linux");
        }
        int samples = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path site = BuiltSite.root().toAbsolutePath().normalize();
        try (SiteServer jodide = SiteServer.start(site, 0);
             BenchSite bare = BenchSite.serve(FirstResultBenchmark.BARE_PAGE, Map.of("pyodide", site.resolve("pyodide")))) {
            List<Double> jodideMib = new ArrayList<>();
            List<Double> bareMib = new ArrayList<>();
            for (int sample = 0; sample < samples; sample++) {
                bareMib.add(measure(bare.uri().toString(), null));
                jodideMib.add(measure(jodide.uri().toString(), FirstResultBenchmark.RUN_IN_JODIDE));
            }
            GoalResult result = GoalResult.of(Goals.MEMORY, Comparison.of(
                            new Series("Jodide notebook", "MiB", jodideMib), new Series("bare Pyodide page", "MiB", bareMib)))
                    .withNote("PSS of all browser processes once `1+1`'s result is shown and the browser is quiet, minus"
                            + " their PSS at about:blank just before; a fresh browser for each sample.");
            System.out.println("Memory after a notebook and 1+1 (MiB over about:blank; median, spread min-max; ratio of paired samples):");
            System.out.println("  " + result.summary());
            return List.of(result);
        }
    }

    /** MiB the browser gained from about:blank to the page at {@code url} having shown 1+1 and gone quiet. */
    private static double measure(String url, String afterLoad) throws InterruptedException {
        try (HeadlessChromium browser = HeadlessChromium.start()) {
            ChromeDriver driver = browser.driver();
            driver.manage().timeouts().scriptTimeout(LIMIT);
            driver.get("about:blank");
            BrowserCpu.awaitQuiet(500, 30_000);
            double before = BrowserMemory.pssMib();
            driver.get(url);
            if (afterLoad != null) {
                driver.executeScript(afterLoad);
            }
            Map<?, ?> done = (Map<?, ?>) BenchPages.awaitBenchDone(driver);
            if (!"2".equals(done.get("result"))) {
                throw new IllegalStateException(url + " gave " + done.get("result") + ", not 2");
            }
            BrowserCpu.awaitQuiet(1000, 60_000);
            return BrowserMemory.pssMib() - before;
        }
    }
}

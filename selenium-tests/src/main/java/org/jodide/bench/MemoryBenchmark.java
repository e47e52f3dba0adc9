package org.jodide.bench;

import org.jodide.browser.BuiltSite;
import org.jodide.browser.EveryTarget;
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
            List<Double> jodideCollectedMib = new ArrayList<>();
            List<Double> bareCollectedMib = new ArrayList<>();
            for (int sample = 0; sample < samples; sample++) {
                Reading bareReading = measure(bare.uri().toString(), null);
                bareMib.add(bareReading.quiet());
                bareCollectedMib.add(bareReading.collected());
                Reading jodideReading = measure(jodide.uri().toString(), FirstResultBenchmark.RUN_IN_JODIDE);
                jodideMib.add(jodideReading.quiet());
                jodideCollectedMib.add(jodideReading.collected());
            }
            Series jodideCollected = new Series("Jodide notebook", "MiB", jodideCollectedMib);
            Series bareCollected = new Series("bare Pyodide page", "MiB", bareCollectedMib);
            GoalResult result = GoalResult.of(Goals.MEMORY, Comparison.of(
                            new Series("Jodide notebook", "MiB", jodideMib), new Series("bare Pyodide page", "MiB", bareMib)))
                    .withNote("PSS of all browser processes once `1+1`'s result is shown and the browser is quiet, minus"
                            + " their PSS at about:blank just before; a fresh browser for each sample. Not part of the goal:"
                            + " the same after a garbage collection in every page, frame and worker (DevTools), which lets go of"
                            + " what only waited for one (a first visit's downloaded Blobs among it): " + collected(jodideCollected, bareCollected) + ".");
            System.out.println("Memory after a notebook and 1+1 (MiB over about:blank; median, spread min-max; ratio of paired samples):");
            System.out.println("  " + result.summary());
            System.out.println("  after a garbage collection in every context: " + collected(jodideCollected, bareCollected));
            return List.of(result);
        }
    }

    /** "Jodide 170 MiB (160-180), bare 60.0 MiB (59.0-61.0): 2.80× (2.50-2.90)" for the readings after collection. */
    private static String collected(Series jodide, Series bare) {
        Spread ratio = Spread.ofPairs(jodide, bare);
        return Samples.format("Jodide %.0f MiB (%s), bare %.1f MiB (%s): %.2f× (%.2f–%.2f)",
                Samples.median(jodide.samples()), Samples.range(jodide.samples(), 0),
                Samples.median(bare.samples()), Samples.range(bare.samples(), 1), ratio.median(), ratio.min(), ratio.max());
    }

    /**
     * MiB the browser gained from about:blank to the page having shown 1+1 and gone quiet, then to
     * after a garbage collection in every page, frame and worker and quiet again.
     */
    private record Reading(double quiet, double collected) {
    }

    /** One sample: a fresh browser at about:blank, then {@code url} until it has shown 1+1. */
    private static Reading measure(String url, String afterLoad) throws InterruptedException {
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
            double quiet = BrowserMemory.pssMib() - before;
            try (EveryTarget everywhere = new EveryTarget(driver)) {
                everywhere.collectGarbage();
            }
            BrowserCpu.awaitQuiet(1000, 60_000);
            return new Reading(quiet, BrowserMemory.pssMib() - before);
        }
    }
}

package org.jodide.bench;

import org.openqa.selenium.chrome.ChromeDriver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Navigation to first Python result with MicroPython (the editor opened with
 * {@code ?python=micropython}) against the same editor with Pyodide and a bare page that only calls
 * {@code loadPyodide()}, in one headless Chromium session, cold (a first visit, {@link FirstVisit}:
 * the HTTP cache and everything the site kept emptied just before; the editor hands the frame
 * Pyodide's files from its stored copies, so with them kept Pyodide's bytes would be a revisit's),
 * alternating the three. Wall and CPU are
 * measured as {@link FirstResultBenchmark} does (the page marks the moment {@code 1+1}'s result is
 * in the document; all browser processes' CPU until then);
 * bytes are those the browser downloaded whole from the page's site during the navigation (the
 * files' sizes, as the test server sends them uncompressed).
 *
 * <p>Run with {@code ./jodide bench micropython [rounds]} (default 5 rounds).
 */
public final class MicroPythonBenchmark {
    private static final Duration LIMIT = Duration.ofSeconds(180);

    private MicroPythonBenchmark() {
    }

    /** One navigation: ms to the result, browser CPU ms meanwhile, bytes downloaded. */
    private record Sample(double wall, double cpu, double bytes) {
    }

    private static final class Samples {
        final List<Double> wall = new ArrayList<>();
        final List<Double> cpu = new ArrayList<>();
        final List<Double> bytes = new ArrayList<>();

        void add(Sample sample) {
            wall.add(sample.wall());
            cpu.add(sample.cpu());
            bytes.add(sample.bytes());
        }
    }

    public static void main(String[] args) throws Exception {
        run(args);
    }

    static List<GoalResult> run(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        try (PairedSession session = PairedSession.start(FirstResultBenchmark.BARE_PAGE, LIMIT)) {
            ChromeDriver driver = session.driver();
            String micropythonUrl = session.jodideUrl() + "?python=micropython";
            // One of each first, not counted: the first navigation pays for the browser's own start.
            measure(driver, session.bareUrl(), null, session::bareBytes);
            measure(driver, micropythonUrl, FirstResultBenchmark.RUN_IN_JODIDE, session::jodideBytes);
            Samples bare = new Samples();
            Samples pyodide = new Samples();
            Samples micropython = new Samples();
            for (int round = 0; round < rounds; round++) {
                bare.add(measure(driver, session.bareUrl(), null, session::bareBytes));
                micropython.add(measure(driver, micropythonUrl, FirstResultBenchmark.RUN_IN_JODIDE, session::jodideBytes));
                pyodide.add(measure(driver, session.jodideUrl(), FirstResultBenchmark.RUN_IN_JODIDE, session::jodideBytes));
            }
            String note = "Cold (a first visit: the HTTP cache and everything the site kept in the browser emptied)."
                    + " Wall: `performance.now()` when `1+1`'s result is in the document;"
                    + " CPU: all browser processes until then; bytes: what the browser downloaded whole from the page's site.";
            List<GoalResult> results = List.of(
                    GoalResult.of(Goals.MICROPYTHON_FIRST_RESULT,
                            Comparison.of(new Series("Jodide with MicroPython", "ms", micropython.wall), new Series("bare Pyodide page", "ms", bare.wall)),
                            Comparison.of(new Series("Jodide with MicroPython", "ms CPU", micropython.cpu), new Series("bare Pyodide page", "ms CPU", bare.cpu)))
                            .withNote(note),
                    GoalResult.of(Goals.MICROPYTHON_VS_PYODIDE,
                            Comparison.of(new Series("Jodide with MicroPython", "ms", micropython.wall), new Series("Jodide with Pyodide", "ms", pyodide.wall)),
                            Comparison.of(new Series("Jodide with MicroPython", "ms CPU", micropython.cpu), new Series("Jodide with Pyodide", "ms CPU", pyodide.cpu)))
                            .withNote(note),
                    GoalResult.of(Goals.MICROPYTHON_BYTES,
                            Comparison.of(new Series("Jodide with MicroPython", "bytes", micropython.bytes), new Series("Jodide with Pyodide", "bytes", pyodide.bytes)))
                            .withNote(note + " Pyodide's bytes include the editor's own, which MicroPython's do too."));
            System.out.println("Navigation to first Python result with MicroPython, " + rounds + " rounds, cold (median, spread min-max):");
            results.forEach(result -> System.out.println("  " + result.summary()));
            System.out.printf("  bytes downloaded (median): Jodide with MicroPython %.0f, Jodide with Pyodide %.0f, bare Pyodide page %.0f%n",
                    Spread.of(micropython.bytes).median(), Spread.of(pyodide.bytes).median(), Spread.of(bare.bytes).median());
            return results;
        }
    }

    /** A cold navigation to the first result (the frame may still fetch what the result did not need: what is in flight then is not counted). */
    private static Sample measure(ChromeDriver driver, String url, String afterLoad, LongSupplier downloaded) throws InterruptedException {
        FirstResultBenchmark.Navigation navigation = FirstResultBenchmark.navigate(driver, url, afterLoad, true, downloaded);
        return new Sample(navigation.wall(), navigation.cpu(), navigation.bytes());
    }
}

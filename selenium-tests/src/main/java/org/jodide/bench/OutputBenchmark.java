package org.jodide.bench;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Output at scale (issue "Real notebooks", point 6): a Python chunk that prints
 * {@value #LINES} lines, {@code for i in range(N): print(i)}, in Jodide against the same code in
 * a bare Pyodide page, in one headless Chromium session, alternating the two so both see the
 * same machine and caches. Each sample loads its page afresh and waits until Python is ready:
 * only the run is timed.
 *
 * <ul>
 *   <li>Jodide: the clock starts when Run all is clicked, and stops once the first frame at which
 *   the run's console entry has finished and shows the last line ({@code N-1}) is painted.
 *   <li>Bare: {@code loadPyodide()} with {@code setStdout({batched})} collecting the lines; the
 *   clock starts before {@code runPython} and stops once the first frame after the lines are in a
 *   {@code <pre>} of the page is painted (one DOM write: the simplest way a page shows them; laying
 *   out all 100,000 lines is its cost).
 * </ul>
 * Prints the medians with their spread (min-max) and the ratio (goal: Jodide within 2x bare), of
 * wall time and of the CPU time all browser processes used meanwhile ({@link BrowserCpu}: on a
 * loaded machine wall time mostly measures the neighbours). Nothing polls the page while the run
 * goes on: one asynchronous script waits for the page to say it is done. Each run starts once the
 * browser has gone quiet (V8 optimizes Pyodide's Wasm in the background for seconds after a load).
 *
 * <p>Run with {@code ./jodide bench output [samples]} (default 5 of each).
 */
public final class OutputBenchmark {
    static final int LINES = 100_000;
    private static final double GOAL_RATIO = Goals.OUTPUT.at();
    private static final Duration LIMIT = Duration.ofSeconds(300);
    private static final String CODE = "for i in range(" + LINES + "):\n    print(i)\n";
    private static final String NOTEBOOK = "%% py\n" + CODE;

    private static final String BARE_PAGE = """
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><title>bare Pyodide output</title>
            <script src="pyodide/pyodide.js"></script></head>
            <body><pre id="out"></pre><script>
            """ + BenchPages.AFTER_PAINT + """
            loadPyodide({indexURL: "pyodide/"}).then((pyodide) => {
              let lines = [];
              pyodide.setStdout({batched: (line) => lines.push(line)});
              window.benchRun = (code, last) => {
                lines = [];
                const start = performance.now();
                pyodide.runPython(code);
                document.getElementById('out').textContent = lines.join('\\n') + '\\n';
                requestAnimationFrame(() => afterPaint(() => {
                  const text = document.getElementById('out').textContent;
                  window.benchDone = text.endsWith('\\n' + last + '\\n') ? performance.now() - start : -1;
                }));
              };
              window.benchReady = true;
            });
            </script></body></html>
            """;

    /** Installed into the Jodide page once Python is ready: watches the console, then runs the notebook. */
    private static final String RUN_IN_JODIDE = BenchPages.AFTER_PAINT + """
            const [code, last] = arguments;
            const console = document.getElementById('console');
            const view = window.jodideCodeMirror.findNotebookEditor(document.getElementById('notebook-editor')).view;
            view.dispatch({changes: {from: 0, to: view.state.doc.length, insert: code}, userEvent: 'input.paste'});
            // The run's own entry: the first after those already there (a second run in the same page).
            const before = console.querySelectorAll('.console-entry').length;
            let start;
            const observer = new MutationObserver(() => {
              const entries = console.querySelectorAll('.console-entry');
              const entry = entries.length > before ? entries[entries.length - 1] : null;
              if (!entry || entry.getAttribute('data-state') === 'running') return;
              observer.disconnect();
              // The console may show printed text at its next frames: wait for the last line (10 s at most).
              const finishedAt = performance.now();
              const check = () => {
                const output = entry.querySelector('.console-output');
                if (output && output.textContent.endsWith('\\n' + last + '\\n')) {
                  afterPaint(() => { window.benchDone = performance.now() - start; });
                } else if (performance.now() - finishedAt > 10000) {
                  window.benchDone = -1;
                } else {
                  requestAnimationFrame(check);
                }
              };
              requestAnimationFrame(check);
            });
            observer.observe(console, {childList: true, subtree: true, attributes: true, attributeFilter: ['data-state']});
            start = performance.now();
            document.getElementById('run-all').click();
            """;

    private OutputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        run(args);
    }

    static List<GoalResult> run(String[] args) throws Exception {
        int samples = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        try (PairedSession session = PairedSession.start(BARE_PAGE, LIMIT)) {
            WebDriver driver = session.driver();
            List<Double> jodideTimes = new ArrayList<>();
            List<Double> bareTimes = new ArrayList<>();
            List<Double> jodideCpu = new ArrayList<>();
            List<Double> bareCpu = new ArrayList<>();
            List<Double> jodideThreadPoolCpu = new ArrayList<>();
            List<Double> jodideAgain = new ArrayList<>();
            // One of each first, not counted: caches and the JIT warm up.
            measureBare(driver, session.bareUrl());
            measureJodide(driver, session.jodideUrl());
            for (int sample = 0; sample < samples; sample++) {
                double[] bareSample = measureBare(driver, session.bareUrl());
                bareTimes.add(bareSample[0]);
                bareCpu.add(bareSample[1]);
                JodideSample jodideSample = measureJodide(driver, session.jodideUrl());
                jodideTimes.add(jodideSample.wall());
                jodideCpu.add(jodideSample.cpu());
                jodideThreadPoolCpu.add(jodideSample.threadPoolCpu());
                jodideAgain.add(jodideSample.again());
            }
            double jodideMedian = Samples.median(jodideTimes);
            double bareMedian = Samples.median(bareTimes);
            double ratio = jodideMedian / bareMedian;
            System.out.println(Samples.format("Printing %,d lines in a Python chunk until the last is on screen (ms, median of %d; spread min-max):",
                    LINES, samples));
            System.out.println(Samples.format("  bare Pyodide page : %8.0f   %s   %s", bareMedian, Samples.range(bareTimes, 0),
                    Samples.list(bareTimes, 0)));
            System.out.println(Samples.format("  Jodide notebook   : %8.0f   %s   %s", jodideMedian, Samples.range(jodideTimes, 0),
                    Samples.list(jodideTimes, 0)));
            System.out.println(Samples.format("  ratio Jodide/bare : %8.2f   (goal: at most %.1f)%s", ratio, GOAL_RATIO,
                    ratio <= GOAL_RATIO ? "" : "  NOT MET"));
            if (BrowserCpu.available()) {
                double cpuRatio = Samples.median(jodideCpu) / Samples.median(bareCpu);
                System.out.println("CPU time of all browser processes meanwhile (ms, median; spread min-max):");
                System.out.println(Samples.format("  bare Pyodide page : %8.0f   %s   %s", Samples.median(bareCpu), Samples.range(bareCpu, 0),
                        Samples.list(bareCpu, 0)));
                System.out.println(Samples.format("  Jodide notebook   : %8.0f   %s   %s", Samples.median(jodideCpu), Samples.range(jodideCpu, 0),
                        Samples.list(jodideCpu, 0)));
                System.out.println(Samples.format("  ratio Jodide/bare : %8.2f", cpuRatio));
                System.out.println(Samples.format("  of Jodide's, Chromium's thread pools (V8 compiling in the background): %.0f   %s",
                        Samples.median(jodideThreadPoolCpu), Samples.range(jodideThreadPoolCpu, 0)));
            }
            System.out.println(Samples.format("  Jodide, the same run again in the same page: %.0f ms (median; %s)",
                    Samples.median(jodideAgain), Samples.range(jodideAgain, 0)));
            System.out.println(Samples.format("  machine load (1 min) at the end: %s", loadAverage()));
            Comparison wall = Comparison.of(new Series("Jodide notebook", "ms", jodideTimes), new Series("bare Pyodide page", "ms", bareTimes));
            Comparison cpu = BrowserCpu.available() ? Comparison.of(new Series("Jodide notebook", "ms CPU", jodideCpu),
                    new Series("bare Pyodide page", "ms CPU", bareCpu)) : null;
            String compiling = BrowserCpu.available() ? Samples.format(" Of Jodide's CPU, %.0f ms (median; %s) was Chromium's"
                    + " thread pools, where V8 compiles in the background (the bare page finds Pyodide's optimized code in the"
                    + " browser's code cache; the sandboxed frame has none, so each load tiers Pyodide's Wasm up again).",
                    Samples.median(jodideThreadPoolCpu), Samples.range(jodideThreadPoolCpu, 0)) : "";
            return List.of(new GoalResult(Goals.OUTPUT, wall, cpu, "Run all clicked (bare: `runPython`) → the first frame with"
                    + " the last line on screen, painted (a task posted from its animation-frame callback); CPU of all browser"
                    + " processes meanwhile." + compiling
                    + Samples.format(" Not part of the goal: the same run again in the same page (the engines warm) took"
                    + " %.0f ms (median; %s), %.2f× the bare page's median.", Samples.median(jodideAgain),
                    Samples.range(jodideAgain, 0), Samples.median(jodideAgain) / bareMedian)));
        }
    }

    /** The 1-minute load average, or "unknown". */
    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    /** Wall and CPU milliseconds of one run in the bare page. */
    private static double[] measureBare(WebDriver driver, String url) throws InterruptedException {
        BenchPages.openReady(driver, url, "return window.benchReady === true;", LIMIT);
        Map<Long, Double> cpuBefore = BrowserCpu.snapshot();
        ((JavascriptExecutor) driver).executeScript("setTimeout(() => window.benchRun(arguments[0], arguments[1]));",
                CODE, String.valueOf(LINES - 1));
        return new double[] {awaitDone(driver, url), BrowserCpu.between(cpuBefore, BrowserCpu.snapshot())};
    }

    /**
     * One run in Jodide: its wall and CPU milliseconds, the CPU of the browser's thread pools
     * meanwhile (V8 compiling in the background), and the wall milliseconds of the same run again
     * in the same page once the browser is quiet (not part of the goal).
     */
    private static JodideSample measureJodide(WebDriver driver, String url) throws InterruptedException {
        BenchPages.openReady(driver, url, BenchPages.JODIDE_READY, LIMIT);
        Map<Long, Double> cpuBefore = BrowserCpu.snapshot();
        Map<String, Double> poolsBefore = BrowserCpu.threadPoolSnapshot();
        ((JavascriptExecutor) driver).executeScript(RUN_IN_JODIDE, NOTEBOOK, String.valueOf(LINES - 1));
        double wall = awaitDone(driver, url);
        double cpu = BrowserCpu.between(cpuBefore, BrowserCpu.snapshot());
        double pools = BrowserCpu.between(poolsBefore, BrowserCpu.threadPoolSnapshot());
        BrowserCpu.awaitQuiet(500, 30_000);
        ((JavascriptExecutor) driver).executeScript("window.benchDone = undefined;");
        ((JavascriptExecutor) driver).executeScript(RUN_IN_JODIDE, NOTEBOOK, String.valueOf(LINES - 1));
        return new JodideSample(wall, cpu, pools, awaitDone(driver, url));
    }

    private record JodideSample(double wall, double cpu, double threadPoolCpu, double again) {
    }

    private static double awaitDone(WebDriver driver, String url) {
        double done = ((Number) BenchPages.awaitBenchDone(driver)).doubleValue();
        if (done < 0) {
            throw new IllegalStateException(url + ": the run ended without its last line " + (LINES - 1) + " on screen");
        }
        return done;
    }
}

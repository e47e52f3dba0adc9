package org.jodide.bench;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Run All at scale (issue "Speed"): a notebook of {@value #PY_CHUNKS} one-line py chunks
 * ({@code x0 = 0}, {@code x1 = 1}, …) run with Run all, against one {@code runPython} of the same
 * lines in a bare Pyodide page; and a notebook of {@value #JS_CHUNKS} one-line js chunks
 * ({@code var x0 = 0;}, …) against one indirect {@code eval} of the same lines in that page
 * (js chunks are indirect evals too); in one headless Chromium session, alternating Jodide and
 * bare. Before the workspace listing was made lazy, the cost of a chunk grew with the number of
 * globals (Run All was quadratic); this also compares the time of the last 100 py chunks with
 * that of the first 100, which must stay flat.
 *
 * <ul>
 *   <li>Jodide: the notebook is pasted into the editor and drawn, and the page is idle (as it is
 *   when a user clicks Run all in a notebook on screen); the clock starts when Run all is clicked
 *   and stops once the first frame after the last chunk's console entry has finished is painted.
 *   The page records when each 100th entry finished (performance.now, read afterwards: nothing
 *   polls the page while it runs).
 *   <li>Bare: the clock starts before {@code runPython} (or {@code eval}) and stops once the next
 *   frame is painted.
 * </ul>
 * Also the CPU time of all browser processes during each run ({@link BrowserCpu}). Goal: Jodide
 * within 2x bare ({@link Goals#RUN_ALL_PY}, {@link Goals#RUN_ALL_JS}, {@link Goals#RUN_ALL_FLAT}).
 * Run with {@code ./jodide bench run-all [samples]} (default 3 of each).
 */
public final class RunAllBenchmark {
    static final int PY_CHUNKS = 1000;
    static final int JS_CHUNKS = 100;
    private static final Duration LIMIT = Duration.ofSeconds(600);
    private static final String BARE_READY = "return window.benchReady === true;";

    private static final String BARE_PAGE = """
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><title>bare Pyodide run</title>
            <script src="pyodide/pyodide.js"></script></head>
            <body><script>
            """ + BenchPages.AFTER_PAINT + """
            loadPyodide({indexURL: "pyodide/"}).then((pyodide) => {
              const timed = (run) => {
                const start = performance.now();
                run();
                requestAnimationFrame(() => afterPaint(() => { window.benchDone = {total: performance.now() - start, marks: []}; }));
              };
              window.benchRunPython = (code) => timed(() => pyodide.runPython(code));
              window.benchRunJs = (code) => timed(() => (0, eval)(code));
              window.benchReady = true;
            });
            </script></body></html>
            """;

    /**
     * Puts the notebook into the Jodide page once Python is ready, then waits until the page has
     * drawn it and is idle: the clock measures Run All, which a user clicks in a notebook on screen,
     * not the paste.
     */
    private static final String PASTE_IN_JODIDE = """
            const [notebook, done] = arguments;
            const view = window.jodideCodeMirror.findNotebookEditor(document.getElementById('notebook-editor')).view;
            view.dispatch({changes: {from: 0, to: view.state.doc.length, insert: notebook}, userEvent: 'input.paste'});
            requestAnimationFrame(() => requestAnimationFrame(() => requestIdleCallback(() => done(true), {timeout: 5000})));
            """;

    /** Then watches the console and clicks Run all. */
    private static final String RUN_IN_JODIDE = BenchPages.AFTER_PAINT + """
            const [notebook, chunks] = arguments;
            const console = document.getElementById('console');
            const entries = console.getElementsByClassName('console-entry');
            // A Run All again in the same page: its entries come after those of the first.
            const offset = entries.length;
            const marks = [];
            let start;
            const observer = new MutationObserver(() => {
              // Each 100th finished entry is marked once; entries come in notebook order.
              while (marks.length < chunks / 100) {
                const entry = entries[offset + (marks.length + 1) * 100 - 1];
                if (!entry || entry.getAttribute('data-state') === 'running') return;
                marks.push(performance.now() - start);
              }
              observer.disconnect();
              requestAnimationFrame(() => afterPaint(() => { window.benchDone = {total: performance.now() - start, marks}; }));
            });
            observer.observe(console, {childList: true, subtree: true, attributes: true, attributeFilter: ['data-state']});
            start = performance.now();
            document.getElementById('run-all').click();
            """;

    private RunAllBenchmark() {
    }

    /** The notebook of {@code chunks} one-line chunks of {@code language} and the same lines as one program. */
    private record Workload(String language, int chunks, String lines, String notebook) {
        static Workload of(String language, int chunks, String lineFormat) {
            StringBuilder lines = new StringBuilder();
            StringBuilder notebook = new StringBuilder();
            for (int i = 0; i < chunks; i++) {
                String line = Samples.format(lineFormat, i, i);
                lines.append(line).append('\n');
                notebook.append("%% ").append(language).append('\n').append(line).append('\n');
            }
            return new Workload(language, chunks, lines.toString(), notebook.toString());
        }
    }

    /** The samples of one workload: wall and CPU ms of each run, Jodide and bare, and Jodide's per-100-chunk marks. */
    private static final class Runs {
        final List<Double> jodide = new ArrayList<>();
        final List<Double> bare = new ArrayList<>();
        final List<Double> jodideCpu = new ArrayList<>();
        final List<Double> bareCpu = new ArrayList<>();
        final List<Double> firstHundred = new ArrayList<>();
        final List<Double> lastHundred = new ArrayList<>();
        /** Jodide's second Run All of the same notebook in the same page: its code is compiled and optimized by then. */
        final List<Double> again = new ArrayList<>();
        /** Of Jodide's CPU in its first Run All, what Chromium's thread pools took (V8 compiling in the background). */
        final List<Double> jodideThreadPoolCpu = new ArrayList<>();

        Comparison wall(String bareLabel) {
            return Comparison.of(new Series("Jodide Run All", "ms", jodide), new Series(bareLabel, "ms", bare));
        }

        Comparison cpu(String bareLabel) {
            return Comparison.of(new Series("Jodide Run All", "ms CPU", jodideCpu), new Series(bareLabel, "ms CPU", bareCpu));
        }
    }

    public static void main(String[] args) throws Exception {
        run(args);
    }

    static List<GoalResult> run(String[] args) throws Exception {
        int samples = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Workload python = Workload.of("py", PY_CHUNKS, "x%d = %d");
        Workload javascript = Workload.of("js", JS_CHUNKS, "var x%d = %d;");
        try (PairedSession session = PairedSession.start(BARE_PAGE, LIMIT)) {
            WebDriver driver = session.driver();
            Runs py = new Runs();
            Runs js = new Runs();
            for (int sample = 0; sample < samples; sample++) {
                for (Workload workload : List.of(python, javascript)) {
                    Runs runs = workload == python ? py : js;
                    String bareRun = workload == python ? "window.benchRunPython" : "window.benchRunJs";
                    Result bareResult = measure(driver, session.bareUrl(), BARE_READY, null,
                            "setTimeout(() => " + bareRun + "(arguments[0]));", workload.lines(), workload.chunks());
                    Result jodideResult = measure(driver, session.jodideUrl(), BenchPages.JODIDE_READY, PASTE_IN_JODIDE,
                            RUN_IN_JODIDE, workload.notebook(), workload.chunks());
                    runs.bare.add(bareResult.total());
                    runs.bareCpu.add(bareResult.cpu());
                    runs.jodide.add(jodideResult.total());
                    runs.jodideCpu.add(jodideResult.cpu());
                    runs.jodideThreadPoolCpu.add(jodideResult.threadPoolCpu());
                    runs.again.add(again(driver, workload));
                    List<Double> marks = jodideResult.marks();
                    if (marks.size() >= 2) {
                        runs.firstHundred.add(marks.get(0));
                        runs.lastHundred.add(marks.get(marks.size() - 1) - marks.get(marks.size() - 2));
                    }
                }
            }
            List<GoalResult> results = List.of(
                    GoalResult.of(Goals.RUN_ALL_PY, py.wall("bare runPython"), py.cpu("bare runPython"))
                            .withNote("Jodide: Run all clicked in the notebook on screen (pasted, drawn, the page idle)"
                                    + " → the frame after the last chunk's console entry finished, painted."
                                    + " Bare: one `runPython` of the same lines → the next frame, painted."
                                    + againNote(py)),
                    GoalResult.of(Goals.RUN_ALL_JS, js.wall("bare eval"), js.cpu("bare eval"))
                            .withNote("Jodide: Run all clicked in the notebook on screen (pasted, drawn, the page idle)"
                                    + " → the frame after the last chunk's console entry finished, painted."
                                    + " Bare: one indirect `eval` of the same lines → the next frame, painted."
                                    + againNote(js)),
                    GoalResult.of(Goals.RUN_ALL_FLAT, Comparison.of(new Series("last 100 py chunks", "ms", py.lastHundred),
                                    new Series("first 100 py chunks", "ms", py.firstHundred)))
                            .withNote("Both from the same Jodide Run All of 1,000 py chunks (when the 100th and the last"
                                    + " 100 entries finished)."));
            System.out.println(Samples.format("Run All, %d samples (ms; median, spread min-max; ratios of paired samples):", samples));
            results.forEach(result -> System.out.println("  " + result.summary()));
            return results;
        }
    }

    private record Result(double total, List<Double> marks, double cpu, double threadPoolCpu) {
    }

    /**
     * Wall ms of a second Run All of {@code workload}, in the Jodide page that has just run it once
     * (a second after the first ended): what a first Run All costs beyond it is mostly the
     * JavaScript engines' and Wasm's warm-up in the editor, the frame and the worker.
     */
    private static double again(WebDriver driver, Workload workload) throws InterruptedException {
        Thread.sleep(1000);
        ((JavascriptExecutor) driver).executeScript("window.benchDone = undefined;");
        ((JavascriptExecutor) driver).executeScript(RUN_IN_JODIDE, workload.notebook(), workload.chunks());
        return ((Number) ((Map<?, ?>) BenchPages.awaitBenchDone(driver)).get("total")).doubleValue();
    }

    private static String againNote(Runs runs) {
        return Samples.format(" Not part of the goal: a second Run All in the same page took %s ms (median; %s),"
                + " the first %s ms; of the first's CPU, Chromium's thread pools (V8 compiling in the background) took %s ms"
                + " (median; %s).", Samples.format("%.0f", Samples.median(runs.again)), Samples.range(runs.again, 0),
                Samples.format("%.0f", Samples.median(runs.jodide)), Samples.format("%.0f", Samples.median(runs.jodideThreadPoolCpu)),
                Samples.range(runs.jodideThreadPoolCpu, 0));
    }

    private static Result measure(WebDriver driver, String url, String ready, String prepare, String start, String code,
                                  int chunks) throws InterruptedException {
        BenchPages.openReady(driver, url, ready, LIMIT);
        if (prepare != null) {
            ((JavascriptExecutor) driver).executeAsyncScript(prepare, code);
        }
        Map<Long, Double> cpuBefore = BrowserCpu.snapshot();
        Map<String, Double> threadPoolsBefore = BrowserCpu.threadPoolSnapshot();
        ((JavascriptExecutor) driver).executeScript(start, code, chunks);
        Map<?, ?> done = (Map<?, ?>) BenchPages.awaitBenchDone(driver);
        double cpu = BrowserCpu.between(cpuBefore, BrowserCpu.snapshot());
        double threadPools = BrowserCpu.between(threadPoolsBefore, BrowserCpu.threadPoolSnapshot());
        return new Result(((Number) done.get("total")).doubleValue(), Samples.doubles(done.get("marks")), cpu, threadPools);
    }
}

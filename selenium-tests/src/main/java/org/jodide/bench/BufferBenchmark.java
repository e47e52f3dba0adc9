package org.jodide.bench;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A 100 MiB buffer from Python to JavaScript (issue 10): a Python {@code bytearray} of
 * {@value #MIB} MiB read by a js chunk with {@code await jodide.python.get("buf")} (a typed-array
 * copy of its bytes, from the worker where Python runs in one), against a bare Pyodide page
 * (Python on the main thread) doing what that function does on the main thread:
 * {@code pyodide.globals.get("buf").getBuffer()} and a {@code slice()} of its data, so both end
 * with the bytes in a JavaScript array of their own. Only the read is timed, by the page
 * ({@code performance.now()} around it); each sample opens its page afresh (alternating Jodide
 * and bare), makes the buffer, and then reads it. Nothing polls the page meanwhile.
 *
 * <p>Run with {@code ./jodide bench buffer [samples]} (default 5 of each).
 */
public final class BufferBenchmark {
    static final int MIB = 100;
    private static final Duration LIMIT = Duration.ofSeconds(300);
    private static final String MAKE = "buf = bytearray(" + MIB + " * 1024 * 1024)\n";

    private static final String BARE_PAGE = """
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><title>bare Pyodide buffer</title>
            <script src="pyodide/pyodide.js"></script></head>
            <body><script>
            loadPyodide({indexURL: "pyodide/"}).then((pyodide) => {
              window.benchRun = (make) => {
                pyodide.runPython(make);
                const start = performance.now();
                const proxy = pyodide.globals.get('buf');
                const view = proxy.getBuffer();
                let copy;
                try {
                  copy = view.data.slice();
                } finally {
                  view.release();
                  proxy.destroy();
                }
                const ms = performance.now() - start;
                window.benchDone = 'bench-buffer ' + ms + ' ' + copy.byteLength;
              };
              window.benchReady = true;
            });
            </script></body></html>
            """;

    /** The js chunk that reads the buffer; its value names the ms and the bytes it got. */
    private static final String READ_CHUNK = """
            %% js
            (async () => {
              const start = performance.now();
              const copy = await jodide.python.get('buf');
              const ms = performance.now() - start;
              return 'bench-buffer ' + ms + ' ' + copy.byteLength;
            })()
            """;

    /** Runs the notebook with Run all; benchDone gets the js chunk's value, or "error: ..." when a chunk fails. */
    private static final String RUN_IN_JODIDE = """
            const [notebook] = arguments;
            const console = document.getElementById('console');
            const view = window.jodideCodeMirror.findNotebookEditor(document.getElementById('notebook-editor')).view;
            view.dispatch({changes: {from: 0, to: view.state.doc.length, insert: notebook}, userEvent: 'input.paste'});
            const observer = new MutationObserver(() => {
              for (const entry of console.querySelectorAll('.console-entry')) {
                if (entry.getAttribute('data-state') === 'error') {
                  observer.disconnect();
                  const error = entry.querySelector('.console-error');
                  window.benchDone = 'error: ' + (error ? error.textContent : '(no message)');
                  return;
                }
                const value = entry.querySelector('.console-value');
                if (value && value.textContent.includes('bench-buffer')) {
                  observer.disconnect();
                  window.benchDone = value.textContent;
                  return;
                }
              }
            });
            observer.observe(console, {childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['data-state']});
            document.getElementById('run-all').click();
            """;

    private static final Pattern ANSWER = Pattern.compile("bench-buffer ([0-9.e+-]+) ([0-9]+)");

    private BufferBenchmark() {
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
            // One of each first, not counted: caches and the JIT warm up.
            measureBare(driver, session.bareUrl());
            measureJodide(driver, session.jodideUrl());
            for (int sample = 0; sample < samples; sample++) {
                bareTimes.add(measureBare(driver, session.bareUrl()));
                jodideTimes.add(measureJodide(driver, session.jodideUrl()));
            }
            GoalResult result = GoalResult.of(Goals.BUFFER, Comparison.of(
                            new Series("Jodide `await jodide.python.get`", "ms", jodideTimes),
                            new Series("bare `getBuffer().data.slice()`", "ms", bareTimes)))
                    .withNote("A " + MIB + " MiB `bytearray` read into a JavaScript copy of its bytes, timed in the page around"
                            + " the read only; Jodide in its default mode (Python in a worker where the page is cross-origin"
                            + " isolated), bare with Python on the main thread.");
            System.out.println("A " + MIB + " MiB buffer from Python to JavaScript (ms; median, spread min-max; ratio of paired samples):");
            System.out.println("  " + result.summary());
            return List.of(result);
        }
    }

    private static double measureBare(WebDriver driver, String url) throws InterruptedException {
        BenchPages.openReady(driver, url, "return window.benchReady === true;", LIMIT);
        ((JavascriptExecutor) driver).executeScript("setTimeout(() => window.benchRun(arguments[0]));", MAKE);
        return parse(url, BenchPages.awaitBenchDone(driver));
    }

    private static double measureJodide(WebDriver driver, String url) throws InterruptedException {
        BenchPages.openReady(driver, url, BenchPages.JODIDE_READY, LIMIT);
        ((JavascriptExecutor) driver).executeScript(RUN_IN_JODIDE, "%% py\n" + MAKE + "None\n" + READ_CHUNK);
        return parse(url, BenchPages.awaitBenchDone(driver));
    }

    /** The ms of an answer "bench-buffer MS BYTES", after checking that all the bytes arrived. */
    private static double parse(String url, Object answer) {
        Matcher matcher = ANSWER.matcher(String.valueOf(answer));
        if (!matcher.find()) {
            throw new IllegalStateException(url + " answered " + answer);
        }
        long bytes = Long.parseLong(matcher.group(2));
        if (bytes != MIB * 1024L * 1024L) {
            throw new IllegalStateException(url + " read " + bytes + " bytes, not " + MIB + " MiB");
        }
        return Double.parseDouble(matcher.group(1));
    }
}

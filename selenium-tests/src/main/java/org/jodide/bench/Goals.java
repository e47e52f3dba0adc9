package org.jodide.bench;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The goals of issue 10 ("Speed"), then those of earlier issues that benchmarks check, then the
 * embed's (issue 12), in the
 * order BENCHMARKS.md lists them, with the benchmark that measures each ({@code null}: none yet, listed as "not measured"). Benchmarks name their
 * results by these goals.
 */
final class Goals {
    static final Goal RUN_ALL_PY = Goal.ratio("run-all-py",
            "Run All of 1,000 trivial py chunks ≤ 2× one `runPython` of the same lines", 2.0);
    static final Goal RUN_ALL_JS = Goal.ratio("run-all-js",
            "Run All of 100 trivial js chunks ≤ 2× one eval of the same lines", 2.0);
    static final Goal RUN_ALL_FLAT = Goal.ratio("run-all-flat",
            "Cost per chunk does not grow with the number of globals: the last 100 of 1,000 py chunks"
                    + " ≤ 1.5× the first 100 (our reading of \"does not grow\")", 1.5);
    static final Goal FIRST_RESULT_COLD = Goal.ratioInWallAndCpu("first-result-cold",
            "First Python result ≤ 1.10× bare Pyodide in wall time and in CPU of all browser processes, cold"
                    + " (a first visit: HTTP cache and site data emptied)", 1.10);
    static final Goal FIRST_RESULT_WARM = Goal.ratioInWallAndCpu("first-result-warm",
            "First Python result ≤ 1.10× bare Pyodide in wall time and in CPU of all browser processes, warm"
                    + " (second visit)", 1.10);
    static final Goal EDITABLE_COLD = Goal.ratio("editable-cold",
            "Navigation → typed character ≤ 1.5× a bare textarea page, cold (a first visit: HTTP cache and site data emptied)", 1.5);
    static final Goal EDITABLE_WARM = Goal.ratio("editable-warm",
            "Navigation → typed character ≤ 1.5× a bare textarea page, warm (second visit)", 1.5);
    static final Goal EDITABLE_JS = Goal.figure("editable-js",
            "JS before editable ≤ 250 KB gzip (scripts the page had fetched when the typed character landed)", 250, "KB gzip");
    static final Goal MARKDOWN_2KB = Goal.ratio("markdown-2kb",
            "Markdown render ≤ 2× markdown-it on a 2 KB document, identical output", 2.0);
    static final Goal MARKDOWN_150KB = Goal.ratio("markdown-150kb",
            "Markdown render ≤ 2× markdown-it on a 150 KB document, identical output", 2.0);
    static final Goal MARKDOWN_1MB = Goal.ratio("markdown-1mb",
            "Markdown render ≤ 2× markdown-it on a 1 MB document, identical output", 2.0);
    static final Goal MARKDOWN_KEYSTROKE = Goal.figure("markdown-keystroke",
            "Keystroke → report updated in a 1,000-chunk notebook ≤ 16 ms median", 16, "ms");
    static final Goal BUFFER = Goal.ratio("buffer-100mib",
            "A 100 MiB buffer Python → JavaScript ≤ 2× bare Pyodide (`await jodide.python.get` against"
                    + " `getBuffer().data.slice()` on the main thread)", 2.0);
    static final Goal MEMORY = Goal.ratio("memory",
            "Memory after a notebook and `1+1` ≤ 1.2× bare Pyodide (PSS of all browser processes over about:blank)", 1.2);

    static final Goal OUTPUT = Goal.ratio("output",
            "Earlier goal: printing 100,000 lines in a Python chunk until the last is on screen ≤ 2× a bare Pyodide page", 2.0);
    static final Goal INTERRUPT = Goal.figure("interrupt",
            "Earlier goal: Stop during a pure-Python loop (Python in a worker) → KeyboardInterrupt shown ≤ 50 ms median", 50, "ms");

    static final Goal EMBED_LOAD = Goal.ratio("embed-load",
            "Issue 12 (embed): a documentation page's own `load` event with embed.js and 5 py blocks ≤ 1.10× the same page"
                    + " without the script tag, cold (HTTP cache emptied; the page and the Jodide site on different origins)", 1.10);
    static final Goal EMBED_EDITABLE = Goal.figure("embed-editable",
            "Issue 12 (embed): navigation → the page's 5 cells in the DOM, editable as textareas ≤ 300 ms median, cold"
                    + " (issue 5's bound for the notebook's editor; when CodeMirror is mounted and the application started is"
                    + " reported beside it)", 300, "ms");
    static final Goal EMBED_SIZE = Goal.figure("embed-size",
            "Issue 12 (embed): embed.js ≤ 10 KB gzip (what the page's load pays; all the cells import before Python is"
                    + " reported beside it)", 10, "KB gzip");
    static final Goal MICROPYTHON_FIRST_RESULT = Goal.ratioInWallAndCpu("micropython-first-result",
            "Issue 14 (MicroPython): first Python result with MicroPython ≤ 0.5× bare Pyodide in wall time and CPU, cold", 0.5);
    static final Goal MICROPYTHON_VS_PYODIDE = Goal.ratioInWallAndCpu("micropython-vs-pyodide",
            "Issue 14 (MicroPython): first Python result with MicroPython ≤ 0.5× Jodide with Pyodide in wall time and CPU,"
                    + " cold", 0.5);
    static final Goal MICROPYTHON_BYTES = Goal.ratio("micropython-bytes",
            "Issue 14 (MicroPython): bytes downloaded to the first result with MicroPython ≤ 0.25× with Pyodide, cold", 0.25);

    /** Every goal, in report order, with the benchmark (its name for {@link Benchmarks}) that measures it, or null. */
    static final Map<Goal, String> ALL;

    static {
        Map<Goal, String> all = new LinkedHashMap<>();
        all.put(RUN_ALL_PY, "run-all");
        all.put(RUN_ALL_JS, "run-all");
        all.put(RUN_ALL_FLAT, "run-all");
        all.put(FIRST_RESULT_COLD, "first-result");
        all.put(FIRST_RESULT_WARM, "first-result");
        all.put(EDITABLE_COLD, "editable");
        all.put(EDITABLE_WARM, "editable");
        all.put(EDITABLE_JS, "editable");
        all.put(MARKDOWN_2KB, "markdown");
        all.put(MARKDOWN_150KB, "markdown");
        all.put(MARKDOWN_1MB, "markdown");
        all.put(MARKDOWN_KEYSTROKE, "keystroke");
        all.put(BUFFER, "buffer");
        all.put(MEMORY, "memory");
        all.put(OUTPUT, "output");
        all.put(INTERRUPT, "interrupt");
        all.put(EMBED_LOAD, "embed");
        all.put(EMBED_EDITABLE, "embed");
        all.put(EMBED_SIZE, "embed");
        all.put(MICROPYTHON_FIRST_RESULT, "micropython");
        all.put(MICROPYTHON_VS_PYODIDE, "micropython");
        all.put(MICROPYTHON_BYTES, "micropython");
        ALL = Collections.unmodifiableMap(all);
    }

    private Goals() {
    }

    static List<Goal> all() {
        return List.copyOf(ALL.keySet());
    }

    /** The markdown goal for a document of {@code chars} UTF-16 code units, or null when its size is none of the goal's. */
    static Goal markdownGoalFor(int chars) {
        if (chars <= 10_000) {
            return MARKDOWN_2KB;
        } else if (chars >= 100_000 && chars <= 300_000) {
            return MARKDOWN_150KB;
        } else if (chars >= 700_000) {
            return MARKDOWN_1MB;
        }
        return null;
    }
}

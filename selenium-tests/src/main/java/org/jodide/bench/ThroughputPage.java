package org.jodide.bench;

import org.jodide.browser.BuiltSite;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One page holding Jodide's parser ({@code bench.js}, compiled by TeaVM as the site's code is), the
 * site's markdown renderer in both its builds ({@code markdown.wasm}, WebAssembly GC, which the
 * editor uses where the browser has WebAssembly GC, and {@code markdown.js}) and markdown-it ({@code markdown-it.js}, from npm), and a timing loop
 * that runs them on the same text, alternating between them so they share the page and the
 * machine's state. Before each sample it collects the young generation ({@code window.gc({type: 'minor'})},
 * given by Chromium's {@link #CHROMIUM_FLAGS}), where the previous function's short-lived garbage
 * lies, so that no function pays much for another's. Not a full collection ({@code window.gc()} or
 * {@code type: 'major'}): after one every sample ran as if cold (TeaVM's renderer 10-15x slower on a
 * 2 KB document than with a minor collection or none, markdown-it less, measured in Chromium and
 * node; V8 seems to drop compiled code or feedback then), which measured warm-up, not rendering. Times
 * are {@code performance.now()} differences in milliseconds (5 µs resolution: the page is
 * cross-origin isolated).
 *
 * <p>Functions, by name: {@code jodide.parse}, {@code jodide.parseAndDiagnose},
 * {@code markdown-it.parse} ({@code md.parse(text, {})}), {@code jodide.render} (markdown.wasm),
 * {@code jodide-js.render} (markdown.js), {@code markdown-it.render}. Each returns a number (chunks, tokens, diagnostics, HTML length).
 */
final class ThroughputPage implements AutoCloseable {
    /** Switches for the Chromium this page runs in: {@code window.gc} for the timing loop. */
    static final String[] CHROMIUM_FLAGS = {"--js-flags=--expose-gc"};

    /** The page: loads both libraries, then offers window.benchCall and window.benchMeasure. */
    private static final String PAGE = """
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><title>Jodide throughput benchmark</title></head>
            <body><script type="module">
            import { main, parseNotebook, parseAndDiagnose } from './bench.js';
            import { markdownit } from './markdown-it.js';
            import { load } from './markdown-runtime.js';
            import * as markdownJs from './markdown.js';
            try {
              main([]);
              // The editor's markdown renderer as the site ships it (see markdown-engine.js): the
              // WebAssembly GC build, and the JavaScript build for browsers without WebAssembly GC.
              const markdownWasm = (await load('markdown.wasm')).exports;
              markdownWasm.main([]);
              markdownJs.main([]);
              // html: true because Jodide's renderer keeps raw HTML too (the report sanitizes it later);
              // linkify: true because it links bare URLs too (flexmark's autolink extension).
              const md = markdownit({ html: true, linkify: true });
              const functions = {
                'jodide.parse': (text) => parseNotebook(text),
                'jodide.parseAndDiagnose': (text) => parseAndDiagnose(text),
                'markdown-it.parse': (text) => md.parse(text, {}).length,
                'jodide.render': (text) => markdownWasm.render(text).length,
                'jodide-js.render': (text) => markdownJs.render(text).length,
                'markdown-it.render': (text) => md.render(text).length,
                'jodide.renderHtml': (text) => markdownWasm.render(text),
                'jodide-js.renderHtml': (text) => markdownJs.render(text),
                'markdown-it.renderHtml': (text) => md.render(text),
              };
              window.benchText = '';
              window.benchCall = (name) => functions[name](window.benchText);
              // For each function: warm up (until each ran warmupMs in all and at least 3 times), pick a
              // repeat count so one sample lasts minSampleMs, then take `samples` samples, alternating
              // functions, with a minor garbage collection before each sample when window.gc exists (a
              // full one makes the next sample run cold: see the class comment).
              // Returns {results, reps, times}: times[i] lists ms per call, one per sample.
              window.benchMeasure = (names, samples, warmupMs, minSampleMs) => {
                const fns = names.map((name) => {
                  if (!functions[name]) throw new Error('no benchmark function ' + name);
                  return functions[name];
                });
                const text = window.benchText;
                let sink = 0;
                const results = fns.map((f) => f(text));
                const spent = fns.map(() => 0);
                const calls = fns.map(() => 0);
                while (fns.some((f, i) => spent[i] < warmupMs || calls[i] < 3)) {
                  fns.forEach((f, i) => {
                    const t0 = performance.now();
                    sink += f(text);
                    spent[i] += performance.now() - t0;
                    calls[i]++;
                  });
                }
                const reps = fns.map((f, i) => Math.max(1, Math.ceil(minSampleMs / Math.max(spent[i] / calls[i], 0.001))));
                const times = fns.map(() => []);
                for (let s = 0; s < samples; s++) {
                  fns.forEach((f, i) => {
                    if (window.gc) window.gc({ type: 'minor' }); // the other function's young garbage, not this one's to pay for
                    const t0 = performance.now();
                    for (let r = 0; r < reps[i]; r++) sink += f(text);
                    times[i].push((performance.now() - t0) / reps[i]);
                  });
                }
                window.benchSink = sink;
                return { results, reps, times };
              };
              window.benchReady = true;
            } catch (e) {
              window.benchError = String(e && e.stack || e);
            }
            </script></body></html>
            """;

    private final BenchSite site;
    private final JavascriptExecutor js;

    private ThroughputPage(BenchSite site, JavascriptExecutor js) {
        this.site = site;
        this.js = js;
    }

    /** Serves the page and opens it in {@code driver}; fails when a library did not load. */
    static ThroughputPage open(WebDriver driver) throws IOException {
        Path files = BenchSite.benchFiles();
        Path siteFiles = BuiltSite.root();
        BenchSite site = BenchSite.serve(PAGE, Map.of(
                "bench.js", files.resolve("bench.js"),
                "markdown-it.js", files.resolve("markdown-it.js"),
                "markdown.wasm", siteFiles.resolve("markdown.wasm"),
                "markdown-runtime.js", siteFiles.resolve("markdown-runtime.js"),
                "markdown.js", siteFiles.resolve("markdown.js")));
        try {
            driver.manage().timeouts().scriptTimeout(Duration.ofMinutes(10));
            driver.get(site.uri().toString());
            JavascriptExecutor js = (JavascriptExecutor) driver;
            new WebDriverWait(driver, Duration.ofSeconds(30)).pollingEvery(Duration.ofMillis(20)).until(d ->
                    js.executeScript("return window.benchReady === true || window.benchError !== undefined;").equals(Boolean.TRUE));
            Object error = js.executeScript("return window.benchError;");
            if (error != null) {
                throw new IllegalStateException("the benchmark page failed: " + error);
            }
            if (!Boolean.TRUE.equals(js.executeScript("return typeof window.gc === 'function';"))) {
                System.out.println("(note: no window.gc: start Chromium with ThroughputPage.CHROMIUM_FLAGS; samples may include"
                        + " collections of other functions' garbage)");
            }
            if (!Boolean.TRUE.equals(js.executeScript("return self.crossOriginIsolated;"))) {
                System.out.println("(note: the page is not cross-origin isolated: performance.now() has 100 µs resolution)");
            }
            return new ThroughputPage(site, js);
        } catch (RuntimeException e) {
            site.close();
            throw e;
        }
    }

    /** Makes {@code text} the text every function works on. */
    void setText(String text) {
        js.executeScript("window.benchText = arguments[0];", text);
    }

    /** The function's result on the current text: a number, or a string for the *Html functions. */
    Object call(String name) {
        return js.executeScript("return window.benchCall(arguments[0]);", name);
    }

    /** Times the functions on the current text; returns, per name in order, ms per call of each sample. */
    Map<String, List<Double>> measure(List<String> names, int samples, double warmupMs, double minSampleMs) {
        Map<?, ?> answer = (Map<?, ?>) js.executeScript(
                "return window.benchMeasure(arguments[0], arguments[1], arguments[2], arguments[3]);",
                names, samples, warmupMs, minSampleMs);
        List<?> times = (List<?>) answer.get("times");
        Map<String, List<Double>> out = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            out.put(names.get(i), Samples.doubles(times.get(i)));
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        site.close();
    }
}

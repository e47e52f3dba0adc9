package org.jodide.bench;

import org.jodide.browser.BuiltSite;
import org.jodide.browser.DirectDevTools;
import org.jodide.browser.HeadlessChromium;
import org.jodide.site.SiteServer;
import org.openqa.selenium.chrome.ChromeDriver;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * The embed (issue 12, docs/embed.md): what {@code <script src="SITE/embed.js" defer>} costs a
 * documentation page of another origin. A page of prose with {@value #BLOCKS}
 * {@code <pre data-iomd="py">} blocks, served by one {@link BenchSite} with the script tag and by
 * another without it (the blocks stay plain {@code <pre>}), the Jodide site by a third server (so
 * the page and the site are different origins), opened alternately in the same headless Chromium
 * session, cold (the HTTP cache emptied with DevTools' {@code Network.clearBrowserCache} just
 * before each navigation). The order of the two pages alternates from round to round.
 *
 * <p>What is timed, all by the page itself and read afterwards (nothing polls it while it loads):
 * a probe, an inline script at the top of both pages (so it runs before the embed script and costs
 * both pages alike), records the page's own {@code load} event (PerformanceNavigationTiming's
 * {@code loadEventStart}, ms since navigation start), its {@code DOMContentLoaded}, its first
 * contentful paint, and when embed.js had arrived (Resource Timing). On the embed page, a {@code MutationObserver} started by
 * the probe notes when the cells are in the DOM, each with its textarea (editable from then on;
 * the first frame after is reported too), then watches the cells' shadow roots until every cell
 * holds CodeMirror's {@code .cm-content}, and reads {@code window.jodideEmbed.editableAt} (when
 * CodeMirror was mounted and the application started). The page sets {@code window.benchDone} when
 * it has all it waits for ({@link BenchPages#awaitBenchDone}). CPU time is that of all browser
 * processes ({@link BrowserCpu}) from just before the navigation until the page's {@code load}
 * event (the probe logs it on the console and the JVM hears it as a DevTools event,
 * {@link DirectDevTools}, which also starts the navigation), and, on the embed page, until CodeMirror
 * was mounted. Then the gzip size of embed.js and of everything the cells import before Python
 * ({@link #BEFORE_PYTHON}), from the built site ({@link ShippedSizes#gzipSize}).
 *
 * <p>Run with {@code ./jodide bench embed [rounds]} (default 5; each round is a cold navigation of
 * each page).
 */
public final class EmbedBenchmark {
    /** The code blocks of the page. */
    static final int BLOCKS = 5;
    /** What the cells load before Python, in the order embed.js takes them (docs/embed.md). */
    static final List<String> BEFORE_PYTHON = List.of("embed.js", "codemirror.js", "codemirror-chunk.js", "codemirror-languages.js", "report-libs.js", "page-support.js", "embed-app.js");
    /** What the probe writes on the console when the page's load event fires. */
    private static final String LOADED = "jodide-bench: host page loaded";
    private static final Duration LIMIT = Duration.ofSeconds(120);

    private static final String[] CODE = {
            "import math\nradius = 2.5\narea = math.pi * radius ** 2\nprint(f\"area: {area:.2f}\")",
            "def fib(n):\n    a, b = 0, 1\n    for _ in range(n):\n        a, b = b, a + b\n    return a\n\n[fib(n) for n in range(10)]",
            "words = \"the quick brown fox jumps over the lazy dog\".split()\nsorted(set(words), key=len)",
            "from collections import Counter\nCounter(\"mississippi\").most_common(3)",
            "total = sum(x * x for x in range(1, 101))\ntotal",
    };

    /**
     * Runs first in both pages (inline, in the head): records the page's load, and on the embed page
     * when the cells appeared and when CodeMirror was mounted in all of them. EMBEDDED: whether the
     * page has the script tag (then it also waits for CodeMirror before it reports).
     */
    private static final String PROBE = """
            (() => {
              const EMBEDDED = %s;
              const BLOCKS = %d;
              const result = {};
              let loaded = false;
              let editable = !EMBEDDED;
              // The page's first contentful paint (whether the embed delays it), or none within 5 s of the load event.
              let painted = false;
              const paint = () => {
                painted = true;
                finish();
              };
              new PerformanceObserver((list) => {
                for (const entry of list.getEntries()) {
                  if (entry.name === 'first-contentful-paint' && !painted) {
                    result.firstPaint = entry.startTime;
                    paint();
                  }
                }
              }).observe({ type: 'paint', buffered: true });
              const post = (fn) => {
                const channel = new MessageChannel();
                channel.port1.onmessage = () => fn();
                channel.port2.postMessage(null);
              };
              const finish = () => {
                if (loaded && editable && painted && window.benchDone === undefined) window.benchDone = result;
              };
              const fail = (error) => {
                result.error = error;
                window.benchDone = result;
              };
              const siteScripts = (until) => performance.getEntriesByType('resource')
                  .filter((entry) => entry.responseEnd <= until && new URL(entry.name).origin !== location.origin)
                  .map((entry) => new URL(entry.name).pathname);
              // Every cell holds CodeMirror: when the application says it started, and what the page had fetched from the site by then.
              const watchCodeMirror = (hosts) => {
                const mounted = () => hosts.every((host) => host.shadowRoot.querySelector('.cm-content'));
                const observers = [];
                const check = () => {
                  if (!mounted()) return;
                  observers.forEach((observer) => observer.disconnect());
                  observers.length = 0;
                  result.codeMirrorSeenAt = performance.now();
                  post(() => {
                    const embed = window.jodideEmbed;
                    if (!embed || typeof embed.editableAt !== 'number') {
                      fail('CodeMirror is in every cell but jodideEmbed.editableAt is ' + (embed && embed.editableAt));
                      return;
                    }
                    result.editableAt = embed.editableAt;
                    result.siteFiles = siteScripts(embed.editableAt);
                    editable = true;
                    finish();
                  });
                };
                for (const host of hosts) {
                  const observer = new MutationObserver(check);
                  observer.observe(host.shadowRoot, { childList: true, subtree: true });
                  observers.push(observer);
                }
                check();
              };
              // The same observer on both pages (its cost is the pages' alike); only the embed page's finds cells.
              const cells = new MutationObserver(() => {
                const hosts = Array.from(document.querySelectorAll('.jodide-cell'));
                if (hosts.length < BLOCKS) return;
                cells.disconnect();
                result.cellsAt = performance.now();
                result.cells = hosts.length;
                result.textareas = hosts.filter((host) => host.shadowRoot && host.shadowRoot.querySelector('textarea.jodide-code-text')).length;
                if (result.textareas !== BLOCKS) {
                  fail(result.textareas + ' of ' + BLOCKS + ' cells hold a textarea when they appear');
                  return;
                }
                requestAnimationFrame(() => post(() => { result.cellsFrameAt = performance.now(); }));
                watchCodeMirror(hosts);
              });
              cells.observe(document, { childList: true, subtree: true });
              window.addEventListener('load', () => {
                console.log('LOADED');
                // After the load event has run (whatever else listens to it).
                post(() => {
                  const navigation = performance.getEntriesByType('navigation')[0];
                  result.domContentLoaded = navigation.domContentLoadedEventStart;
                  result.load = navigation.loadEventStart;
                  const script = performance.getEntriesByType('resource').find((entry) => /\\/embed\\.js$/.test(new URL(entry.name).pathname));
                  result.scriptEnd = script ? script.responseEnd : null;
                  if (EMBEDDED && !script) {
                    fail('the page loaded without fetching embed.js');
                    return;
                  }
                  if (!EMBEDDED && document.querySelector('.jodide-cell')) {
                    fail('the page without the script has cells');
                    return;
                  }
                  loaded = true;
                  setTimeout(() => { if (!painted) paint(); }, 5000);
                  finish();
                });
              });
            })();
            """.replace("LOADED", LOADED);

    private EmbedBenchmark() {
    }

    /**
     * One navigation's times, ms since navigation start (NaN where the page has none); the browser's
     * CPU ms until the load event and until the cells were editable in CodeMirror (the embed page); the
     * site's files the page had fetched by then.
     */
    private record Times(double firstPaint, double domContentLoaded, double scriptEnd, double load, double cells, double cellsFrame,
                         double codeMirror, double cpuToLoad, double cpuToCodeMirror, List<String> siteFiles) {
    }

    public static void main(String[] args) throws Exception {
        run(args);
    }

    static List<GoalResult> run(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path site = BuiltSite.root().toAbsolutePath().normalize();
        try (SiteServer jodide = SiteServer.start(site, 0);
             BenchSite embedded = BenchSite.serve(page(jodide.uri()), Map.of());
             BenchSite plain = BenchSite.serve(page(null), Map.of());
             HeadlessChromium browser = HeadlessChromium.start();
             DirectDevTools devTools = new DirectDevTools(browser.driver())) {
            ChromeDriver driver = browser.driver();
            driver.manage().timeouts().scriptTimeout(LIMIT);
            // One of each first, not counted: the first navigation pays for the browser's own start.
            measure(driver, devTools, plain.uri(), false);
            measure(driver, devTools, embedded.uri(), true);
            List<Times> plainVisits = new ArrayList<>();
            List<Times> embedVisits = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                if (round % 2 == 0) {
                    plainVisits.add(measure(driver, devTools, plain.uri(), false));
                    embedVisits.add(measure(driver, devTools, embedded.uri(), true));
                } else {
                    embedVisits.add(measure(driver, devTools, embedded.uri(), true));
                    plainVisits.add(measure(driver, devTools, plain.uri(), false));
                }
            }

            System.out.println("Embed: a documentation page (another origin than the site) with " + BLOCKS + " py blocks, with and without"
                    + " embed.js, " + rounds + " rounds, cold (HTTP cache emptied); ms since navigation start, medians");
            System.out.println("                              first paint  DOMContentLoaded  embed.js in  load event  cells (textarea)  next frame"
                    + "  CodeMirror   CPU ms to load  CPU ms to CodeMirror   load event, each navigation");
            printRow("page without embed.js", plainVisits);
            printRow("page with embed.js", embedVisits);
            System.out.println("  with embed.js, the load event came " + delay(embedVisits, plainVisits, Times::load));
            System.out.println("  with embed.js, the first paint came " + delay(embedVisits, plainVisits, Times::firstPaint));

            List<GoalResult> results = new ArrayList<>();
            results.add(GoalResult.of(Goals.EMBED_LOAD,
                            Comparison.of(series("page with embed.js", "ms", embedVisits, Times::load),
                                    series("page without", "ms", plainVisits, Times::load)),
                            Comparison.of(series("page with embed.js", "ms CPU", embedVisits, Times::cpuToLoad),
                                    series("page without", "ms CPU", plainVisits, Times::cpuToLoad)))
                    .withNote("The page's own `load` event (PerformanceNavigationTiming `loadEventStart`, ms since navigation start),"
                            + " recorded by the page: a page of prose with " + BLOCKS + " `<pre data-iomd=\"py\">` blocks, with"
                            + " `<script src=\"SITE/embed.js\" defer>` at the end of its body and without it (the blocks stay plain"
                            + " `<pre>`), the page and the site on two servers of 127.0.0.1 (two origins), both sending the site's"
                            + " headers (cross-origin isolated, as docs/embed.md advises). With embed.js the load event came "
                            + delay(embedVisits, plainVisits, Times::load) + " embed.js had arrived at "
                            + medianWithSamples(embedVisits, Times::scriptEnd) + ". The first contentful paint: "
                            + medianWithSamples(embedVisits, Times::firstPaint) + " with embed.js, "
                            + medianWithSamples(plainVisits, Times::firstPaint) + " without. CPU: all browser processes from just before the"
                            + " navigation until the page's load event (heard as a console message; the embed's imports start right"
                            + " after it, so a few ms of them may be counted). Cold: the HTTP cache emptied just before; the order"
                            + " of the two pages alternates from round to round."));
            results.add(GoalResult.of(Goals.EMBED_EDITABLE,
                            Comparison.alone(series("cells editable as textareas, cold", "ms", embedVisits, Times::cells)))
                    .withNote("Navigation start → the " + BLOCKS + " cells are in the DOM, each with its textarea (a MutationObserver"
                            + " started before embed.js, recorded by the page); the next frame came at "
                            + medianWithSamples(embedVisits, Times::cellsFrame) + ". CodeMirror mounted in every cell and the"
                            + " application started (`jodideEmbed.editableAt`, after the page's load event): "
                            + medianWithSamples(embedVisits, Times::codeMirror) + ". The page's load event: "
                            + medianWithSamples(embedVisits, Times::load) + ". Cold: the HTTP cache emptied just before."));

            long embedGzip = ShippedSizes.gzipSize(siteFile(site, "embed.js"));
            long totalGzip = 0;
            long totalRaw = 0;
            System.out.println("What the cells load before Python (from the built site; gzip -9 by java.util.zip, KB = 1,000 bytes):");
            System.out.println(Samples.format("  %-27s %10s %9s", "", "raw KB", "gzip KB"));
            for (String file : BEFORE_PYTHON) {
                Path path = siteFile(site, file);
                long raw = Files.size(path);
                long gzip = ShippedSizes.gzipSize(path);
                totalRaw += raw;
                totalGzip += gzip;
                System.out.println(Samples.format("  %-27s %10.1f %9.1f", file, raw / 1000.0, gzip / 1000.0));
            }
            System.out.println(Samples.format("  %-27s %10.1f %9.1f", "total", totalRaw / 1000.0, totalGzip / 1000.0));
            Set<String> fetched = new LinkedHashSet<>();
            embedVisits.forEach(times -> fetched.addAll(times.siteFiles()));
            Set<String> expected = new LinkedHashSet<>();
            BEFORE_PYTHON.forEach(file -> expected.add("/" + file));
            String fetchedNote = "";
            if (!fetched.equals(expected)) {
                fetchedNote = " The page had fetched from the site, by the time CodeMirror was mounted: " + String.join(", ", fetched)
                        + " (not only these files).";
                System.out.println("  NOTE: the embed page fetched from the site before CodeMirror was mounted: " + String.join(", ", fetched));
            }
            results.add(GoalResult.of(Goals.EMBED_SIZE, Comparison.alone(new Series("embed.js", "KB gzip", List.of(embedGzip / 1000.0))))
                    .withNote(Samples.format("embed.js, gzip -9 (KB = 1,000 bytes), from the built site: what the page's load pays."
                            + " Everything the cells import before Python (%s): %.1f KB gzip (%.1f KB raw).", String.join(", ", BEFORE_PYTHON),
                            totalGzip / 1000.0, totalRaw / 1000.0) + fetchedNote));
            results.forEach(result -> System.out.println("  " + result.summary()));
            return results;
        }
    }

    /** The documentation page, with the embed script of the site at {@code site} or (null) without it. */
    static String page(URI site) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < BLOCKS; i++) {
            body.append("<h2>Example ").append(i + 1).append("</h2>\n")
                    .append("<p>Each example below is a code block of the documentation. With the embed script the reader can edit it and"
                            + " run it in place; without it, it is a plain block of text, as documentation pages show code.</p>\n")
                    .append("<pre data-iomd=\"py\">\n").append(CODE[i].replace("&", "&amp;").replace("<", "&lt;")).append("\n</pre>\n");
        }
        String script = site == null ? "" : "<script src=\"" + site.resolve("embed.js") + "\" defer></script>\n";
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>A documentation page</title>
                <script>%s</script>
                <style>
                body { max-width: 46rem; margin: 2rem auto; padding: 0 1rem; font: 16px/1.6 system-ui, sans-serif; color: #1f2328; }
                pre { background: #f6f8fa; padding: 0.75rem; overflow: auto; border-radius: 6px; }
                </style></head>
                <body>
                <h1>A documentation page</h1>
                <p>A page of prose and examples, as a library's documentation is.</p>
                %s%s</body></html>
                """.formatted(PROBE.formatted(site != null, BLOCKS), body, script);
    }

    /**
     * Navigates to {@code url} (from about:blank, with the HTTP cache emptied, once the browser is
     * quiet) with DevTools directly, snapshots the browser's CPU when the page says it loaded, and
     * returns what the page recorded once it is done.
     */
    private static Times measure(ChromeDriver driver, DirectDevTools devTools, URI url, boolean embedded) throws InterruptedException {
        driver.get("about:blank");
        driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
        devTools.watchConsoleFor(LOADED);
        BrowserCpu.awaitQuiet(500, 30_000);
        Map<Long, Double> cpuBefore = BrowserCpu.snapshot();
        devTools.navigate(url);
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!devTools.seen()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(url + " did not load within " + LIMIT);
            }
            Thread.sleep(1);
        }
        double cpuToLoad = BrowserCpu.between(cpuBefore, BrowserCpu.snapshot());
        Map<?, ?> done = (Map<?, ?>) BenchPages.awaitBenchDone(driver);
        double cpuToDone = BrowserCpu.between(cpuBefore, BrowserCpu.snapshot());
        if (done.get("error") != null) {
            throw new IllegalStateException(url + ": " + done.get("error"));
        }
        return new Times(number(done, "firstPaint"), number(done, "domContentLoaded"), number(done, "scriptEnd"), number(done, "load"), number(done, "cellsAt"),
                number(done, "cellsFrameAt"), number(done, "editableAt"), cpuToLoad, embedded ? cpuToDone : Double.NaN,
                done.get("siteFiles") == null ? List.of() : Samples.strings(done.get("siteFiles")));
    }

    private static Path siteFile(Path site, String file) {
        Path path = site.resolve(file).normalize();
        if (!path.startsWith(site) || !Files.isRegularFile(path)) {
            throw new IllegalStateException(path + " is missing: build the site with ./jodide build");
        }
        return path;
    }

    private static Series series(String label, String unit, List<Times> visits, ToDoubleFunction<Times> field) {
        return new Series(label, unit, visits.stream().map(field::applyAsDouble).toList());
    }

    private static String medianWithSamples(List<Times> visits, ToDoubleFunction<Times> field) {
        List<Double> values = visits.stream().map(field::applyAsDouble).toList();
        return Samples.format("%.0f ms (median; %s)", Samples.median(values), Samples.list(values, 0));
    }

    /** How much later a moment came on the embed page than on the plain page, over paired samples: "48 ms later (median of ...; [..])." */
    private static String delay(List<Times> embedVisits, List<Times> plainVisits, ToDoubleFunction<Times> field) {
        List<Double> later = new ArrayList<>();
        for (int i = 0; i < Math.min(embedVisits.size(), plainVisits.size()); i++) {
            later.add(field.applyAsDouble(embedVisits.get(i)) - field.applyAsDouble(plainVisits.get(i)));
        }
        return Samples.format("%.0f ms later (median of paired differences; %s).", Samples.median(later), Samples.list(later, 0));
    }

    private static void printRow(String label, List<Times> visits) {
        List<Double> load = visits.stream().map(Times::load).toList();
        System.out.println(Samples.format("  %-27s %12s %17s %12s %11s %17s %11s %11s %16s %21s   %s", label,
                cell(visits, Times::firstPaint), cell(visits, Times::domContentLoaded), cell(visits, Times::scriptEnd), cell(visits, Times::load),
                cell(visits, Times::cells), cell(visits, Times::cellsFrame), cell(visits, Times::codeMirror),
                cell(visits, Times::cpuToLoad), cell(visits, Times::cpuToCodeMirror), Samples.list(load, 1)));
    }

    /** The median of a field, "-" where the page has none. */
    private static String cell(List<Times> visits, ToDoubleFunction<Times> field) {
        List<Double> values = visits.stream().map(field::applyAsDouble).filter(value -> !Double.isNaN(value)).toList();
        return values.isEmpty() ? "-" : Samples.format("%.1f", Samples.median(values));
    }

    private static double number(Map<?, ?> map, String key) {
        Object value = map.get(key);
        return value == null ? Double.NaN : ((Number) value).doubleValue();
    }
}

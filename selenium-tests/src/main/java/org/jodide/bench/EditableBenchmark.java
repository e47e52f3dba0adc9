package org.jodide.bench;

import org.jodide.browser.BuiltSite;
import org.jodide.browser.DirectDevTools;
import org.jodide.browser.HeadlessChromium;
import org.jodide.site.SiteServer;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Time to editable (issues 5 and 10): milliseconds from navigation start until a real key typed
 * into the notebook's editor is in its document, against a bare page that only holds a
 * {@code <textarea>}, served the same way and opened alternately in the same headless Chromium
 * session, cold (a first visit: the HTTP cache and the site's data emptied just before) and warm
 * (the next visit). Then the JavaScript the notebook page had fetched by then (KB gzip, {@link Goals#EDITABLE_JS}), and the size of
 * every file the notebook page and its eval frame load ({@link ShippedSizes}).
 *
 * <p>How a navigation is timed, so that the number is honest: the JVM starts the navigation
 * (DevTools' {@code Page.navigate}, which does not wait for the load) and then types as a user
 * would, one real key every {@value #KEY_INTERVAL_MS} ms (DevTools' {@code Input.dispatchKeyEvent}:
 * the browser's own input path, trusted key, {@code beforeinput} and {@code input} events, queued
 * behind whatever the page's main thread is busy with). Both go straight to the browser
 * ({@link DirectDevTools}), not through chromedriver, which would hold every key until the page
 * had loaded. A probe, installed with {@code Page.addScriptToEvaluateOnNewDocument} so it runs
 * before any of the page's scripts, watches the DOM for the editor and focuses it once it appears,
 * as a click would (in a task of its own: after all of the start-up code that built it). After
 * every key it checks whether the editor's document holds a typed character: the textarea's value
 * (also at its {@code input} event, in the key's own task), or CodeMirror's state (its
 * {@code getText()}, not the DOM) once CodeMirror has started. The notebook's editor is its
 * {@code <textarea>} until CodeMirror starts from it with what was typed, the selection and the
 * focus ({@code startNotebookEditor}), so a key counts whether it lands in the textarea or in
 * CodeMirror; when CodeMirror started is reported too. The first time a key is in, the probe
 * records {@code performance.now()} (ms since navigation start) with a {@code performance.mark},
 * and says so on the console, which the JVM hears as a DevTools event: nothing polls the page.
 * The typed letters are Greek, which the page's own text must not hold, and the site's storage
 * is emptied before each navigation, so a saved draft cannot pass for a keystroke. The probe also
 * notes when the editor entered the DOM (and by then, when the last script file had arrived), when
 * the first key reached the page, and the first frame after the key landed. The CPU time of all
 * browser processes from just before the navigation until the key landed is shown too.
 *
 * <p>Run with {@code ./jodide bench editable [rounds]} (default 5; each round is a cold and a warm
 * navigation of each page).
 */
public final class EditableBenchmark {
    /** Issue 5: typing must work within this many ms of navigation on localhost. */
    private static final double TARGET_MS = 300;
    /**
     * A key every so many ms, the resolution of the measurement: faster than anyone types, so that
     * the figure is when the page first takes a key (at 25 ms, a step was a quarter of the bare
     * page's ~90 ms).
     */
    static final int KEY_INTERVAL_MS = 10;
    /** What the probe writes on the console when a key landed. */
    private static final String LANDED = "jodide-bench: typed key landed";

    private static final String BARE_PAGE = """
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><title>bare textarea</title></head>
            <body><textarea id="bare-editor" rows="20" cols="80">%% md
            # A notebook
            </textarea></body></html>
            """;

    /** Runs in every new top-level document before its own scripts; leaves its result in window.benchEditable. */
    private static final String PROBE = """
            (() => {
              if (window !== window.top || location.protocol === 'about:') return;
              const TYPED = /[\\u03b1-\\u03c9]/;
              const result = { keys: 0, keysBeforeEditor: 0 };
              let target = null;
              let landed = false;
              const post = (fn) => {
                const channel = new MessageChannel();
                channel.port1.onmessage = () => fn();
                channel.port2.postMessage(null);
              };
              // The notebook's textarea is its editor until CodeMirror has started from it (index.html).
              const textOf = (element) => {
                const codeMirror = window.jodideCodeMirror;
                if (element.id === 'notebook-text') return codeMirror ? codeMirror.early.editor.getText() : element.value;
                if (element.tagName === 'TEXTAREA') return element.value;
                const editor = codeMirror && codeMirror.findNotebookEditor(element);
                return editor ? editor.getText() : '';
              };
              const finish = (error) => {
                if (error) result.error = error;
                console.log('LANDED');
                window.benchEditable = result;
              };
              const check = () => {
                if (landed || !target || !TYPED.test(textOf(target))) return;
                landed = true;
                performance.mark('bench:editable');
                result.editableAt = performance.now();
                // The scripts (by their path) whose response had ended by now.
                result.scripts = performance.getEntriesByType('resource')
                    .filter((entry) => /\\.m?js(\\?|$)/.test(new URL(entry.name).pathname) && entry.responseEnd <= result.editableAt)
                    .map((entry) => new URL(entry.name).pathname);
                requestAnimationFrame(() => post(() => {
                  result.frameAt = performance.now();
                  // The notebook page's result is whole once CodeMirror has started too (when, for the report).
                  if (target.id !== 'notebook-text' || result.codeMirrorAt !== undefined) finish();
                  else codeMirrorStarted = finish;
                }));
              };
              // A textarea holds the key when its input event fires: check then (in the key's own task).
              window.addEventListener('input', check, true);
              // After each key's own task (the browser inserts the text, the editor reads it), check.
              window.addEventListener('keydown', () => {
                result.keys++;
                if (result.firstKeyAt === undefined) result.firstKeyAt = performance.now();
                if (!target) result.keysBeforeEditor++;
                post(check);
              }, true);
              let codeMirrorStarted = () => {};
              const codeMirrorObserver = new MutationObserver(() => {
                if (!document.querySelector('.cm-content')) return;
                codeMirrorObserver.disconnect();
                result.codeMirrorAt = performance.now();
                post(() => codeMirrorStarted());
              });
              codeMirrorObserver.observe(document, { childList: true, subtree: true });
              const observer = new MutationObserver(() => {
                const found = document.querySelector('textarea#notebook-text, .cm-content, textarea#bare-editor');
                if (!found) return;
                observer.disconnect();
                target = found;
                result.inDomAt = performance.now();
                // When the last script file had arrived, for a breakdown: fetching vs running.
                result.scriptsAt = performance.getEntriesByType('resource')
                    .filter((entry) => /\\.m?js(\\?|$)/.test(entry.name))
                    .reduce((latest, entry) => Math.max(latest, entry.responseEnd), 0);
                post(() => {
                  if (TYPED.test(textOf(target))) {
                    finish('the text of the page holds a Greek letter, as the typed keys do');
                    return;
                  }
                  if (!target.contains(document.activeElement)) target.focus();
                });
              });
              observer.observe(document, { childList: true, subtree: true });
            })();
            """.replace("LANDED", LANDED);

    private static final Duration LIMIT = Duration.ofSeconds(90);

    private EditableBenchmark() {
    }

    /** One navigation's times, ms since navigation start; CPU ms of the browser until the key landed; the scripts fetched by then. */
    private record Times(double scripts, double inDom, double firstKey, double editable, double frame, double codeMirror, int keys,
                         double cpu, List<String> scriptPaths) {
    }

    /** The navigations of one page, cold and warm. */
    private static final class Visits {
        final List<Times> cold = new ArrayList<>();
        final List<Times> warm = new ArrayList<>();
    }

    public static void main(String[] args) throws Exception {
        run(args);
    }

    static List<GoalResult> run(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path site = BuiltSite.root().toAbsolutePath().normalize();
        try (SiteServer jodide = SiteServer.start(site, 0);
             BenchSite bare = BenchSite.serve(BARE_PAGE, Map.of());
             HeadlessChromium browser = HeadlessChromium.start();
             DirectDevTools keyboard = new DirectDevTools(browser.driver())) {
            ChromeDriver driver = browser.driver();
            Object probe = driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", PROBE))
                    .get("identifier");
            // One of each first, not counted: the first navigation pays for the browser's own start.
            measure(driver, keyboard, bare.uri(), true);
            measure(driver, keyboard, jodide.uri(), true);
            Visits bareVisits = new Visits();
            Visits jodideVisits = new Visits();
            for (int round = 0; round < rounds; round++) {
                bareVisits.cold.add(measure(driver, keyboard, bare.uri(), true));
                bareVisits.warm.add(measure(driver, keyboard, bare.uri(), false));
                jodideVisits.cold.add(measure(driver, keyboard, jodide.uri(), true));
                jodideVisits.warm.add(measure(driver, keyboard, jodide.uri(), false));
            }
            driver.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", probe));

            System.out.println("Time to editable: ms from navigation start until a typed key is in the editor's document, "
                    + rounds + " rounds (cold: a first visit, the HTTP cache and the site's data emptied; warm: next visit); medians");
            System.out.println("                              scripts fetched  editor in DOM  first key  key in doc  next frame  CodeMirror   CPU ms   key in doc, each navigation");
            printRow("bare <textarea> page, cold", bareVisits.cold);
            printRow("bare <textarea> page, warm", bareVisits.warm);
            printRow("Jodide notebook, cold", jodideVisits.cold);
            printRow("Jodide notebook, warm", jodideVisits.warm);
            double jodideWarm = Samples.median(jodideVisits.warm.stream().map(Times::editable).toList());
            System.out.println(Samples.format("Issue 5, \"typing works within %.0f ms of navigation on localhost\": %s (warm median %.0f ms)",
                    TARGET_MS, jodideWarm < TARGET_MS ? "HOLDS" : "DOES NOT HOLD", jodideWarm));

            String note = "Navigation start → a real key (`Input.dispatchKeyEvent`, one every " + KEY_INTERVAL_MS
                    + " ms from the navigation on) is in the editor's document (CodeMirror's state, the textarea's value),"
                    + " recorded by the page; the editor is focused by a probe as soon as it is in the DOM, as a click would."
                    + " Resolution: one key interval. The notebook's editor is its textarea until CodeMirror starts from it,"
                    + " keeping what was typed, the selection and the focus; CodeMirror was in the DOM at ";
            List<GoalResult> results = new ArrayList<>();
            results.add(editable(Goals.EDITABLE_COLD, jodideVisits.cold, bareVisits.cold)
                    .withNote(note + codeMirrorAt(jodideVisits.cold) + " Cold: a first visit (the HTTP cache and the site's data emptied just before)."));
            results.add(editable(Goals.EDITABLE_WARM, jodideVisits.warm, bareVisits.warm)
                    .withNote(note + codeMirrorAt(jodideVisits.warm) + " Warm: the next visit."));
            List<Double> kilobytes = new ArrayList<>();
            // The visit that had fetched the most is the one named (a key may land before any script has).
            List<String> scripts = List.of();
            double most = -1;
            for (Times times : jodideVisits.warm) {
                double sample = gzipKilobytes(site, times.scriptPaths());
                kilobytes.add(sample);
                if (sample > most) {
                    most = sample;
                    scripts = times.scriptPaths();
                }
            }
            results.add(GoalResult.of(Goals.EDITABLE_JS, Comparison.alone(new Series("JS fetched before editable (warm)", "KB gzip", kilobytes)))
                    .withNote("The scripts the notebook page had fetched when the typed key landed, gzip -9 (KB = 1,000 bytes),"
                            + " in the visit that had fetched the most: " + (scripts.isEmpty() ? "none" : String.join(", ", scripts))
                            + ". The key lands in the notebook's textarea before CodeMirror has started when it can,"
                            + " so a visit may have fetched none."));
            results.forEach(result -> System.out.println("  " + result.summary()));
            System.out.println();

            List<String> loaded = loadedFiles(driver, jodide.uri());
            ShippedSizes.print(site, loaded);
            return results;
        }
    }

    private static String codeMirrorAt(List<Times> visits) {
        List<Double> times = visits.stream().map(Times::codeMirror).toList();
        return Samples.format("%.0f ms (median; %s).", Samples.median(times), Samples.list(times, 0));
    }

    private static GoalResult editable(Goal goal, List<Times> jodide, List<Times> bare) {
        return GoalResult.of(goal,
                Comparison.of(new Series("Jodide notebook", "ms", jodide.stream().map(Times::editable).toList()),
                        new Series("bare textarea page", "ms", bare.stream().map(Times::editable).toList())),
                Comparison.of(new Series("Jodide notebook", "ms CPU", jodide.stream().map(Times::cpu).toList()),
                        new Series("bare textarea page", "ms CPU", bare.stream().map(Times::cpu).toList())));
    }

    /** KB (1,000 bytes) of the site's files at {@code paths} ("/codemirror.js"), each gzipped. */
    private static double gzipKilobytes(Path site, List<String> paths) throws IOException {
        long bytes = 0;
        for (String path : new LinkedHashSet<>(paths)) {
            Path file = site.resolve(path.substring(1)).normalize();
            if (!file.startsWith(site) || !Files.isRegularFile(file)) {
                throw new IllegalStateException("the notebook fetched " + path + ", which is not a file of the site");
            }
            bytes += ShippedSizes.gzipSize(file);
        }
        return bytes / 1000.0;
    }

    private static void printRow(String label, List<Times> times) {
        List<Double> editable = times.stream().map(Times::editable).toList();
        double scripts = median(times, Times::scripts);
        double codeMirror = median(times, Times::codeMirror);
        System.out.println(Samples.format("  %-27s %15s %14.1f %10.1f %11.1f %11.1f %11s %8.0f   %s", label,
                scripts > 0 ? Samples.format("%.1f", scripts) : "-", median(times, Times::inDom), median(times, Times::firstKey),
                Samples.median(editable), median(times, Times::frame), Double.isNaN(codeMirror) ? "-" : Samples.format("%.1f", codeMirror),
                median(times, Times::cpu), Samples.list(editable, 0)));
    }

    private static double median(List<Times> times, java.util.function.ToDoubleFunction<Times> field) {
        return Samples.median(times.stream().map(field::applyAsDouble).toList());
    }

    /**
     * Navigates to {@code url} (from about:blank, with the site's storage emptied, so every
     * navigation starts alike: no draft or setting kept from the last one; the HTTP cache emptied
     * too when {@code cold}), types a key every {@link #KEY_INTERVAL_MS} until the probe says one
     * landed, and returns what the probe saw.
     */
    private static Times measure(ChromeDriver driver, DirectDevTools keyboard, URI url, boolean cold) throws InterruptedException {
        driver.get("about:blank");
        if (cold) {
            FirstVisit.forget(driver, url);
        } else {
            FirstVisit.forgetSiteData(driver, url);
        }
        keyboard.watchConsoleFor(LANDED);
        BrowserCpu.awaitQuiet(500, 30_000);
        Map<Long, Double> cpuBefore = BrowserCpu.snapshot();
        keyboard.navigate(url);
        long deadline = System.nanoTime() + LIMIT.toNanos();
        int key = 0;
        while (!keyboard.seen()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(url + ": no typed key landed in the editor within " + LIMIT);
            }
            keyboard.typeKey(String.valueOf((char) ('\u03b1' + key++ % 24)));
            Thread.sleep(KEY_INTERVAL_MS);
        }
        double cpu = BrowserCpu.between(cpuBefore, BrowserCpu.snapshot());
        Map<?, ?> result = (Map<?, ?>) driver.executeScript("return window.benchEditable;");
        if (result == null) {
            throw new IllegalStateException(url + ": the probe said a key landed but left no result");
        }
        if (result.get("error") != null) {
            throw new IllegalStateException(url + ": " + result.get("error"));
        }
        return new Times(number(result, "scriptsAt"), number(result, "inDomAt"), number(result, "firstKeyAt"),
                number(result, "editableAt"), number(result, "frameAt"), number(result, "codeMirrorAt"),
                ((Number) result.get("keys")).intValue(), cpu,
                Samples.strings(result.get("scripts")));
    }

    private static double number(Map<?, ?> map, String key) {
        Object value = map.get(key);
        return value == null ? Double.NaN : ((Number) value).doubleValue();
    }

    /**
     * The site paths (relative, e.g. {@code pyodide/pyodide.asm.wasm}) of every document and
     * resource the notebook page and its eval frame loaded, in load order, once Python is ready.
     */
    private static List<String> loadedFiles(ChromeDriver driver, URI site) {
        driver.get(site.toString());
        new WebDriverWait(driver, Duration.ofSeconds(120)).pollingEvery(Duration.ofMillis(100)).until(d ->
                "idle".equals(driver.findElement(By.id("kernel-status")).getAttribute("data-state")));
        String entries = "return performance.getEntriesByType('navigation')"
                + ".concat(performance.getEntriesByType('resource')).map((e) => e.name);";
        Set<String> urls = new LinkedHashSet<>(Samples.strings(driver.executeScript(entries)));
        driver.switchTo().frame(driver.findElement(By.cssSelector("iframe[src*='evalframe']")));
        try {
            urls.addAll(Samples.strings(driver.executeScript(entries)));
        } finally {
            driver.switchTo().defaultContent();
        }
        Map<String, String> paths = new LinkedHashMap<>();
        for (String url : urls) {
            URI uri = URI.create(url);
            if (!site.getAuthority().equals(uri.getAuthority())) {
                throw new IllegalStateException("the notebook loaded " + url + ", which is not on the site");
            }
            String path = uri.getPath().substring(1);
            paths.putIfAbsent(path.isEmpty() || path.endsWith("/") ? path + "index.html" : path, url);
        }
        return new ArrayList<>(paths.keySet());
    }
}

package org.jodide.bench;

import org.jodide.browser.HeadlessChromium;
import org.jodide.core.markdown.MarkdownRenderer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Markdown render throughput: Jodide's renderer ({@link MarkdownRenderer}, flexmark compiled by
 * TeaVM) as the editor uses it, the site's {@code markdown.wasm} (WebAssembly GC), against
 * markdown-it's {@code md.render(text)} in the same page of headless Chromium, on
 * {@link BenchDocuments#markdown} documents of the sizes the goal names (about 2 KB, a notebook's
 * markdown chunk; 150 KB; 1 MB). Prints both medians (ms per render), the median and range of the
 * ratios of alternating samples (Jodide/markdown-it, sample i against sample i), and for comparison
 * the site's JavaScript build ({@code markdown.js}, for browsers without WebAssembly GC) and the
 * same renderer on this JVM.
 *
 * <p>Before timing, it checks that the outputs are identical: both builds in the browser must
 * produce exactly what the same renderer produces on the JVM, and markdown-it the same HTML once the
 * differences of style listed in {@link RenderedHtml} are normalised. So all do the same work.
 *
 * <p>Run with {@code ./jodide bench markdown [samples]} (default 15).
 */
public final class MarkdownBenchmark {
    private static final double WARMUP_MS = 1_500;
    private static final double MIN_SAMPLE_MS = 30;
    /** The documents' sizes in UTF-16 code units, with their labels. */
    private static final Map<String, Integer> SIZES = new LinkedHashMap<>();

    static {
        SIZES.put("2 KB", 2_000);
        SIZES.put("150 KB", 150_000);
        SIZES.put("1 MB", 1_000_000);
    }

    private MarkdownBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        run(args);
    }

    /** Prints the table; returns a result for each document whose size is one of issue 10's ({@link Goals#markdownGoalFor}). */
    static List<GoalResult> run(String[] args) throws Exception {
        List<GoalResult> results = new ArrayList<>();
        int samples = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        MarkdownRenderer renderer = new MarkdownRenderer();
        Map<String, ToIntFunction<String>> jvm = new LinkedHashMap<>();
        jvm.put("render", text -> renderer.render(text).length());

        System.out.println("Markdown render: ms per render, median of " + samples + " samples after warm-up;"
                + " ratio: median (range) of Jodide/markdown-it over alternating samples");
        System.out.println("                                     Chromium: Jodide  markdown-it  ratio (range)      Jodide JS build   JVM: Jodide");
        try (HeadlessChromium browser = HeadlessChromium.start(ThroughputPage.CHROMIUM_FLAGS);
             ThroughputPage page = ThroughputPage.open(browser.driver())) {
            for (Map.Entry<String, Integer> size : SIZES.entrySet()) {
                String text = BenchDocuments.markdown(sectionsFor(size.getValue()));
                page.setText(text);
                String ours = (String) page.call("jodide.renderHtml");
                String onJvmHtml = renderer.render(text);
                RenderedHtml.requireEqual("Jodide's HTML in Chromium (markdown.wasm) and on the JVM (" + size.getKey() + ")",
                        onJvmHtml, ours);
                RenderedHtml.requireEqual("Jodide's HTML in Chromium (markdown.js) and on the JVM (" + size.getKey() + ")",
                        onJvmHtml, (String) page.call("jodide-js.renderHtml"));
                RenderedHtml.requireEqual("Jodide's and markdown-it's normalised HTML (" + size.getKey() + ")",
                        RenderedHtml.normalise(ours), RenderedHtml.normalise((String) page.call("markdown-it.renderHtml")));
                Map<String, List<Double>> inPage = page.measure(List.of("jodide.render", "markdown-it.render", "jodide-js.render"),
                        samples, WARMUP_MS, MIN_SAMPLE_MS);
                Map<String, List<Double>> onJvm = JvmTimer.measure(jvm, text, samples, WARMUP_MS, MIN_SAMPLE_MS);
                List<Double> jodide = inPage.get("jodide.render");
                List<Double> markdownIt = inPage.get("markdown-it.render");
                List<Double> ratios = new ArrayList<>();
                for (int i = 0; i < jodide.size(); i++) {
                    ratios.add(jodide.get(i) / markdownIt.get(i));
                }
                String label = Samples.format("%s (%d sections, %.1f KB)", size.getKey(), sectionsFor(size.getValue()),
                        text.length() / 1e3);
                List<Double> jsBuild = inPage.get("jodide-js.render");
                System.out.println(Samples.format("  %-34s %12.3f %12.3f %8.2f (%s) %12.3f %12.3f", label, Samples.median(jodide),
                        Samples.median(markdownIt), Samples.median(ratios), Samples.range(ratios, 2),
                        Samples.median(jsBuild), Samples.median(onJvm.get("render"))));
                Goal goal = Goals.markdownGoalFor(text.length());
                if (goal != null && results.stream().noneMatch(result -> result.goal().equals(goal))) {
                    results.add(GoalResult.of(goal, Comparison.of(
                            new Series("Jodide render", "ms", jodide),
                            new Series("markdown-it render", "ms", markdownIt)))
                            .withNote(Samples.format("%s: %.1f KB, identical output checked; ms per render in the same page, alternating samples."
                                    + " Jodide: the editor's renderer, markdown.wasm (WebAssembly GC). Not part of the goal: the"
                                    + " JavaScript build (markdown.js, for browsers without WebAssembly GC) took %.3f ms (median; %s).",
                                    size.getKey(), text.length() / 1e3, Samples.median(jsBuild), Samples.range(jsBuild, 3))));
                }
            }
        }
        return results;
    }

    /** How many {@link BenchDocuments#markdown} sections make a document of about {@code chars} code units. */
    private static int sectionsFor(int chars) {
        int header = BenchDocuments.markdown(0).length();
        int perSection = BenchDocuments.markdown(1).length() - header;
        return Math.max(1, Math.round((chars - header) / (float) perSection));
    }
}

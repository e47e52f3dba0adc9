package org.jodide.bench;

import org.jodide.browser.HeadlessChromium;
import org.jodide.core.markdown.MarkdownRenderer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Markdown render throughput: Jodide's renderer ({@link MarkdownRenderer}, flexmark compiled by
 * TeaVM, as the report uses it) against markdown-it's {@code md.render(text)} in the same page of
 * headless Chromium, on {@link BenchDocuments#markdown} documents of two sizes: one the size of a
 * notebook's markdown chunk and one long document. Prints both medians (ms per render), their
 * ratio, and for comparison the same renderer on this JVM. Before timing, it checks that both
 * renderers produce the same structure (headings, list items, tables, links, code, emphasis),
 * so that both do the same work.
 *
 * <p>Run with {@code ./jodide bench markdown [samples]} (default 15).
 */
public final class MarkdownBenchmark {
    private static final double WARMUP_MS = 1_500;
    private static final double MIN_SAMPLE_MS = 30;
    /** Tags whose counts must agree between the two renderers' HTML. */
    private static final Pattern TAG = Pattern.compile("<(h[1-6]|li|table|tr|td|th|a|code|pre|em|strong|del|s|blockquote|ol|ul|p)[ >]");

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

        System.out.println("Markdown render: ms per render, median of " + samples + " samples after warm-up");
        System.out.println("                                          Chromium: Jodide  markdown-it  ratio Jodide/markdown-it   JVM: Jodide");
        try (HeadlessChromium browser = HeadlessChromium.start(ThroughputPage.CHROMIUM_FLAGS);
             ThroughputPage page = ThroughputPage.open(browser.driver())) {
            for (int sections : new int[] {2, 200}) {
                String text = BenchDocuments.markdown(sections);
                page.setText(text);
                checkSameStructure((String) page.call("jodide.renderHtml"), (String) page.call("markdown-it.renderHtml"), sections);
                Map<String, List<Double>> inPage = page.measure(List.of("jodide.render", "markdown-it.render"),
                        samples, WARMUP_MS, MIN_SAMPLE_MS);
                Map<String, List<Double>> onJvm = JvmTimer.measure(jvm, text, samples, WARMUP_MS, MIN_SAMPLE_MS);
                double ours = Samples.median(inPage.get("jodide.render"));
                double baseline = Samples.median(inPage.get("markdown-it.render"));
                String label = Samples.format("%s (%d sections, %.1f KB)", sections <= 2 ? "chunk-sized" : "long document",
                        sections, text.length() / 1e3);
                System.out.println(Samples.format("  %-40s %12.3f %12.3f %12.2f %23.3f", label, ours, baseline,
                        ours / baseline, Samples.median(onJvm.get("render"))));
                Goal goal = Goals.markdownGoalFor(text.length());
                if (goal != null && results.stream().noneMatch(result -> result.goal().equals(goal))) {
                    results.add(GoalResult.of(goal, Comparison.of(
                            new Series("Jodide render", "ms", inPage.get("jodide.render")),
                            new Series("markdown-it render", "ms", inPage.get("markdown-it.render"))))
                            .withNote(Samples.format("%s: %.1f KB; ms per render in the same page, alternating samples.", label, text.length() / 1e3)));
                }
            }
        }
        return results;
    }

    /** Fails unless both HTML outputs hold as many of each tag; a difference means the texts were not rendered alike. */
    private static void checkSameStructure(String jodide, String markdownIt, int sections) {
        Map<String, Integer> ours = tagCounts(jodide);
        Map<String, Integer> theirs = tagCounts(markdownIt);
        if (!ours.equals(theirs)) {
            throw new IllegalStateException("the renderers disagree on the " + sections + "-section document: Jodide "
                    + ours + ", markdown-it " + theirs);
        }
    }

    private static Map<String, Integer> tagCounts(String html) {
        Map<String, Integer> counts = new TreeMap<>();
        Matcher matcher = TAG.matcher(html);
        while (matcher.find()) {
            // Strikethrough is <del> in flexmark, <s> in markdown-it.
            counts.merge(matcher.group(1).equals("s") ? "del" : matcher.group(1), 1, Integer::sum);
        }
        return counts;
    }
}

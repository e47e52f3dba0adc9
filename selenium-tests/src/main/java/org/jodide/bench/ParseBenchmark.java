package org.jodide.bench;

import org.jodide.browser.HeadlessChromium;
import org.jodide.iomd.IomdParser;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Parse throughput of the .iomd parser (issue 3) for notebooks of 1,000, 10,000 and 40,000
 * chunks ({@link BenchDocuments#notebook}: 40,000 chunks are 1.4 MB): in headless Chromium, the
 * parser as TeaVM compiles it for the site, against markdown-it ({@code md.parse(text, {})}) on
 * the same text in the same page; and on this JVM, the same parser called directly. Prints ms
 * per parse (median of the samples after warm-up), MB/s (10^6 UTF-16 code units per second) and
 * chunks/s, the ratio to markdown-it, and whether "40,000 chunks (1.4 MB) in well under 100 ms
 * on the JVM and in the browser" holds.
 *
 * <p>Two numbers for the parser: {@code parse} (what the notebook does on load; chunk details
 * are made on first use) and {@code parse + details}, which also reads every chunk's
 * diagnostics, fetch lines and plugin, as {@code ./jodide check} does.
 *
 * <p>Run with {@code ./jodide bench parse [samples]} (default 15).
 */
public final class ParseBenchmark {
    private static final int[] SIZES = {1_000, 10_000, 40_000};
    private static final double LIMIT_MS = 100;
    private static final double WARMUP_MS = 1_500;
    private static final double MIN_SAMPLE_MS = 30;

    private ParseBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int samples = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        IomdParser parser = IomdParser.create();
        Map<String, ToIntFunction<String>> jvm = new LinkedHashMap<>();
        jvm.put("parse", text -> parser.parse(text).chunks().size());
        jvm.put("parse + details", text -> parser.parse(text).diagnostics().size());

        System.out.println("iomd parse throughput: ms per parse, median of " + samples
                + " samples after warm-up (MB = 10^6 UTF-16 code units)");
        double jvm40k = Double.NaN;
        double browser40k = Double.NaN;
        double browserDetails40k = Double.NaN;
        try (HeadlessChromium browser = HeadlessChromium.start(ThroughputPage.CHROMIUM_FLAGS);
             ThroughputPage page = ThroughputPage.open(browser.driver())) {
            for (int size : SIZES) {
                String text = BenchDocuments.notebook(size);
                int parsedChunks = parser.parse(text).chunks().size();
                if (parsedChunks != size) {
                    throw new IllegalStateException("the JVM parser found " + parsedChunks + " chunks, not " + size);
                }
                page.setText(text);
                long browserChunks = ((Number) page.call("jodide.parse")).longValue();
                if (browserChunks != size) {
                    throw new IllegalStateException("the TeaVM parser found " + browserChunks + " chunks, not " + size);
                }
                Map<String, List<Double>> inPage = page.measure(
                        List.of("jodide.parse", "jodide.parseAndDiagnose", "markdown-it.parse"), samples, WARMUP_MS, MIN_SAMPLE_MS);
                Map<String, List<Double>> onJvm = JvmTimer.measure(jvm, text, samples, WARMUP_MS, MIN_SAMPLE_MS);

                double megabytes = text.length() / 1e6;
                System.out.println();
                System.out.println(Samples.format("%,d chunks (%.2f MB, %,d lines)", size, megabytes, parser.parse(text).lineCount()));
                System.out.println("                                      ms/parse      MB/s  M chunks/s   range of samples (ms)");
                double jvmParse = row("JVM       Jodide parse", onJvm.get("parse"), megabytes, size);
                row("JVM       Jodide parse + details", onJvm.get("parse + details"), megabytes, size);
                double ours = row("Chromium  Jodide parse (TeaVM)", inPage.get("jodide.parse"), megabytes, size);
                double oursDetails = row("Chromium  Jodide parse + details", inPage.get("jodide.parseAndDiagnose"), megabytes, size);
                double baseline = row("Chromium  markdown-it md.parse", inPage.get("markdown-it.parse"), megabytes, size);
                System.out.println(Samples.format("  ratio Jodide/markdown-it (Chromium): %.3f parse, %.3f parse + details",
                        ours / baseline, oursDetails / baseline));
                if (size == 40_000) {
                    jvm40k = jvmParse;
                    browser40k = ours;
                    browserDetails40k = oursDetails;
                }
            }
        }
        System.out.println();
        boolean holds = jvm40k < LIMIT_MS && browser40k < LIMIT_MS;
        System.out.println(Samples.format("Issue 3, \"40,000 chunks (1.4 MB) in well under 100 ms on the JVM and in the browser\": %s"
                        + " (JVM %.1f ms, Chromium %.1f ms; %.1f ms with all chunk details in Chromium)",
                holds ? "HOLDS" : "DOES NOT HOLD", jvm40k, browser40k, browserDetails40k));
    }

    /** Prints one row; returns the median ms per parse. */
    private static double row(String label, List<Double> times, double megabytes, int chunks) {
        double median = Samples.median(times);
        System.out.println(Samples.format("  %-34s %9.3f %9.1f %11.2f   %s", label, median, megabytes / (median / 1e3),
                chunks / (median / 1e3) / 1e6, Samples.range(times, 3)));
        return median;
    }
}

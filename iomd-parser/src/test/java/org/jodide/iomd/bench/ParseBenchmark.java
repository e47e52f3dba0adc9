package org.jodide.iomd.bench;

import org.jodide.iomd.Edit;
import org.jodide.iomd.IomdParser;
import org.jodide.iomd.Notebook;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.util.Collection;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Parse throughput for notebooks of 1,000, 10,000 and 40,000 chunks (about 36 UTF-16 units a
 * chunk, so 40,000 chunks are 1.4 MB, the size in the issue), with and without reading every
 * chunk's details (diagnostics, fetch lines, plugins, which are otherwise read on first use), and
 * the cost of one keystroke in the middle of the notebook through
 * {@link IomdParser#reparse(Notebook, Edit)}.
 *
 * <p>Not a test: run it with {@code mvn -pl iomd-parser -Pbench test-compile exec:exec}
 * ({@code -Dbench.args=-quick} for a short run). It prints JMH's table, then MB/s and chunks/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ParseBenchmark {
    @Param({"1000", "10000", "40000"})
    public int chunks;

    private final IomdParser parser = IomdParser.create();
    private String text;
    private Notebook notebook;
    private Edit keystroke;

    @Setup
    public void setUp() {
        text = document(chunks);
        notebook = parser.parse(text);
        int middle = notebook.chunks().get(chunks / 2).bodySpan().start();
        keystroke = new Edit(middle, 0, "x");
    }

    /** A notebook of {@code count} chunks of every common kind, about 36 code units each. */
    public static String document(int count) {
        StringBuilder out = new StringBuilder(count * 40);
        for (int i = 0; i < count; i++) {
            switch (i % 6) {
                case 0: out.append("%% md\n## Part ").append(i).append(": notes on the data\n"); break;
                case 1: out.append("%% py\nx").append(i).append(" = sum(range(9)) * 2 + 1\n"); break;
                case 2: out.append("%% js\nlet v").append(i).append(" = [1, 2, 3].map(f);\n"); break;
                case 3: out.append("%% fetch\ntext: t").append(i).append(" = data/d.csv\n"); break;
                case 4: out.append("%%\nprint(").append(i).append(", 'more output')\n"); break;
                default: out.append("%% py skipRunAll\n\\%%timeit\nf(").append(i).append(")\n"); break;
            }
        }
        return out.toString();
    }

    @Benchmark
    public Notebook parse() {
        return parser.parse(text);
    }

    /** Parse, then read every chunk's details: diagnostics, fetch lines and plugins (what {@code jodide check} does). */
    @Benchmark
    public int parseAndDiagnose() {
        return parser.parse(text).diagnostics().size();
    }

    @Benchmark
    public Notebook reparseOneKeystroke() {
        return parser.reparse(notebook, keystroke);
    }

    public static void main(String[] args) throws RunnerException {
        boolean quick = args.length > 0 && args[0].equals("-quick");
        OptionsBuilder options = new OptionsBuilder();
        options.include(ParseBenchmark.class.getSimpleName());
        if (quick) {
            options.warmupIterations(2).warmupTime(TimeValue.milliseconds(300))
                    .measurementIterations(3).measurementTime(TimeValue.milliseconds(300));
        }
        Options built = options.build();
        Collection<RunResult> results = new Runner(built).run();
        System.out.println();
        System.out.println("iomd parse throughput (JVM)");
        for (RunResult result : results) {
            int count = Integer.parseInt(result.getParams().getParam("chunks"));
            String method = result.getParams().getBenchmark().replaceAll(".*\\.", "");
            double micros = result.getPrimaryResult().getScore();
            if (method.equals("parse") || method.equals("parseAndDiagnose")) {
                double megabytes = document(count).length() / 1e6;
                System.out.println(String.format(Locale.ROOT, "%-16s %6d chunks (%5.2f MB): %9.1f us = %7.1f MB/s = %6.2f M chunks/s",
                        method, count, megabytes, micros, megabytes / (micros / 1e6), count / micros));
            } else {
                System.out.println(String.format(Locale.ROOT, "%-16s %6d chunks:              %9.2f us", "keystroke", count, micros));
            }
        }
    }
}

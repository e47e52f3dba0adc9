package org.jodide.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the benchmarks named on the command line, or all of them, one after the other, each in
 * its own headless Chromium: {@code Benchmarks [NAME...] [ROUNDS] [--report PATH]}, where NAME
 * is one of {@code first-result}, {@code parse}, {@code markdown}, {@code editable},
 * {@code output}, {@code interrupt}, {@code worker-dom}, {@code run-all}, {@code buffer}, {@code memory}, {@code keystroke}, {@code embed}, {@code micropython}, and ROUNDS (optional)
 * is passed to each (its rounds, samples or navigations). {@code ./jodide bench} calls this.
 *
 * <p>Each benchmark prints what it measured and returns a {@link GoalResult} per goal of issue 10
 * it measures. With all benchmarks run, {@link BenchmarksReport} writes them to BENCHMARKS.md at
 * the repository's root (system property {@code jodide.repo.root}, default the working folder);
 * {@code --report PATH} writes the report to PATH instead, whichever benchmarks ran.
 */
public final class Benchmarks {
    /** A benchmark: prints what it measured, returns its results for the goals it measures. */
    interface Benchmark {
        List<GoalResult> run(String[] args) throws Exception;
    }

    private static final Map<String, Benchmark> ALL = new LinkedHashMap<>();

    static {
        ALL.put("first-result", FirstResultBenchmark::run);
        ALL.put("parse", args -> {
            ParseBenchmark.main(args);
            return List.of();
        });
        ALL.put("markdown", MarkdownBenchmark::run);
        ALL.put("editable", EditableBenchmark::run);
        ALL.put("output", OutputBenchmark::run);
        ALL.put("interrupt", InterruptBenchmark::run);
        ALL.put("worker-dom", args -> {
            WorkerDomBenchmark.main(args);
            return List.of();
        });
        ALL.put("run-all", RunAllBenchmark::run);
        ALL.put("buffer", BufferBenchmark::run);
        ALL.put("memory", MemoryBenchmark::run);
        ALL.put("keystroke", KeystrokeBenchmark::run);
        ALL.put("embed", EmbedBenchmark::run);
        ALL.put("micropython", MicroPythonBenchmark::run);
    }

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        Set<String> names = new LinkedHashSet<>();
        String[] rest = new String[0];
        Path report = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.matches("[0-9]+") && Integer.parseInt(arg) > 0) {
                rest = new String[] {arg};
            } else if (ALL.containsKey(arg)) {
                names.add(arg);
            } else if (arg.equals("--report") && i + 1 < args.length) {
                report = Path.of(args[++i]);
            } else if (arg.startsWith("--report=")) {
                report = Path.of(arg.substring("--report=".length()));
            } else {
                System.err.println("unknown benchmark " + arg + "; usage: Benchmarks [" + String.join("|", ALL.keySet())
                        + "]... [ROUNDS] [--report PATH]");
                System.exit(2);
            }
        }
        boolean all = names.isEmpty();
        if (all) {
            names.addAll(ALL.keySet());
            if (report == null) {
                report = repository().resolve("BENCHMARKS.md");
            }
        }
        String loadAfterBuild = Machine.loadNow();
        String loadBefore = Machine.loadOnceSettled(java.time.Duration.ofMinutes(3));
        if (!loadBefore.equals(loadAfterBuild)) {
            System.out.println("Load average after the build " + loadAfterBuild + ", when measuring starts " + loadBefore);
        }
        OtherWork.Sampler otherWork = OtherWork.sample();
        List<GoalResult> results = new ArrayList<>();
        Map<String, String> failures = new LinkedHashMap<>();
        for (String name : names) {
            System.out.println("== " + name + " ==");
            try {
                results.addAll(ALL.get(name).run(rest));
            } catch (Exception | AssertionError e) {
                System.out.println(name + " FAILED: " + e);
                e.printStackTrace();
                failures.put(name, String.valueOf(e));
            }
            System.out.println();
        }
        if (!results.isEmpty()) {
            System.out.println("Goals:");
            results.forEach(result -> System.out.println("  " + result.summary()));
        }
        if (report != null) {
            Machine machine = Machine.probe(loadBefore, otherWork.stop(), System.getProperty("chromium.binary", "/usr/bin/chromium"), repository());
            String arguments = (all ? "all benchmarks" : String.join(", ", names))
                    + (rest.length > 0 ? ", " + rest[0] + " rounds/samples each" : ", default rounds/samples");
            new BenchmarksReport(machine, arguments, results, names, failures).write(report);
            System.out.println("Wrote " + report.toAbsolutePath().normalize());
        }
        if (!failures.isEmpty()) {
            System.out.println("Failed: " + String.join(", ", failures.keySet()));
            System.exit(1);
        }
    }

    private static Path repository() {
        return Path.of(System.getProperty("jodide.repo.root", ".")).toAbsolutePath().normalize();
    }
}

package org.jodide.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the benchmarks named on the command line, or all of them, one after the other, each in
 * its own headless Chromium: {@code Benchmarks [NAME...] [ROUNDS]}, where NAME is one of
 * {@code first-result}, {@code parse}, {@code markdown}, {@code editable}, {@code output},
 * {@code interrupt}, {@code worker-dom}, {@code run-all}, and ROUNDS (optional)
 * is passed to each (its rounds, samples or navigations). {@code ./jodide bench} calls this.
 */
public final class Benchmarks {
    /** A benchmark's main method. */
    private interface Main {
        void run(String[] args) throws Exception;
    }

    private static final Map<String, Main> ALL = new LinkedHashMap<>();

    static {
        ALL.put("first-result", FirstResultBenchmark::main);
        ALL.put("parse", ParseBenchmark::main);
        ALL.put("markdown", MarkdownBenchmark::main);
        ALL.put("editable", EditableBenchmark::main);
        ALL.put("output", OutputBenchmark::main);
        ALL.put("interrupt", InterruptBenchmark::main);
        ALL.put("worker-dom", WorkerDomBenchmark::main);
        ALL.put("run-all", RunAllBenchmark::main);
    }

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        List<String> names = new ArrayList<>();
        String[] rest = new String[0];
        for (String arg : args) {
            if (arg.matches("[0-9]+") && Integer.parseInt(arg) > 0) {
                rest = new String[] {arg};
            } else if (ALL.containsKey(arg)) {
                names.add(arg);
            } else {
                System.err.println("unknown benchmark " + arg + "; usage: Benchmarks [" + String.join("|", ALL.keySet()) + "]... [ROUNDS]");
                System.exit(2);
            }
        }
        if (names.isEmpty()) {
            names.addAll(ALL.keySet());
        }
        List<String> failed = new ArrayList<>();
        for (String name : names) {
            System.out.println("== " + name + " ==");
            try {
                ALL.get(name).run(rest);
            } catch (Exception | AssertionError e) {
                System.out.println(name + " FAILED: " + e);
                e.printStackTrace();
                failed.add(name);
            }
            System.out.println();
        }
        if (!failed.isEmpty()) {
            System.out.println("Failed: " + String.join(", ", failed));
            System.exit(1);
        }
    }
}

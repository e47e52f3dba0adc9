package org.jodide.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders BENCHMARKS.md: the machine and its load, a summary table with one row per goal
 * ({@link Goals#ALL}), then per goal its figure and baseline (median, spread, samples), the
 * ratio of paired samples with its spread, CPU for the load benchmarks, and whether it holds.
 * A goal no result names is "not measured": no benchmark yet, not run this time, or its
 * benchmark failed (with the failure).
 */
final class BenchmarksReport {
    private final Machine machine;
    private final String arguments;
    private final Map<Goal, GoalResult> results = new LinkedHashMap<>();
    private final Map<String, String> failures;
    private final Set<String> ran;
    private final Map<Goal, String> goals;

    /** The report on {@link Goals#ALL}. */
    BenchmarksReport(Machine machine, String arguments, List<GoalResult> results, Set<String> ran, Map<String, String> failures) {
        this(machine, arguments, Goals.ALL, results, ran, failures);
    }

    /**
     * @param arguments what the benchmarks were run with (e.g. "all, default samples")
     * @param goals     every goal, in report order -> the benchmark that measures it, or null when none does yet
     * @param ran       the benchmarks that were run (names of {@link Benchmarks})
     * @param failures  benchmark name -> why it failed
     */
    BenchmarksReport(Machine machine, String arguments, Map<Goal, String> goals, List<GoalResult> results, Set<String> ran,
                     Map<String, String> failures) {
        this.machine = machine;
        this.goals = new LinkedHashMap<>(goals);
        this.arguments = arguments;
        for (GoalResult result : results) {
            if (!goals.containsKey(result.goal())) {
                throw new IllegalArgumentException("a result for " + result.goal().id() + ", which is not a goal of the report");
            }
            if (this.results.put(result.goal(), result) != null) {
                throw new IllegalArgumentException("two results for " + result.goal().id());
            }
        }
        this.ran = Set.copyOf(ran);
        this.failures = Map.copyOf(failures);
    }

    void write(Path file) throws IOException {
        Files.writeString(file, render());
    }

    String render() {
        StringBuilder out = new StringBuilder();
        out.append("# Benchmarks\n\n");
        out.append("Written by `./jodide bench` (`org.jodide.bench.Benchmarks`, ").append(arguments)
                .append("); do not edit by hand. The goals are those of issue 10 (\"Speed\"), earlier ones that benchmarks check, then those of issues 12 (embed) and 14 (MicroPython).\n");
        out.append("Each figure is measured alternately with its baseline in the same headless Chromium session."
                + " A ratio is the median of the ratios of paired samples (figure/baseline, taken one after the other),"
                + " with their spread (min–max). CPU is the CPU time of all browser processes (read from `/proc`),"
                + " which holds up better than wall time on a loaded machine; a load goal holds only if both hold."
                + " Times are taken in the page (`performance.now()`, marks read afterwards): nothing polls the page"
                + " while it is measured. A clock that stops when something is on screen stops once the frame showing it"
                + " is painted (a task posted from that frame's animation-frame callback runs after its layout and paint).\n\n");
        renderMachine(out);
        renderSummary(out);
        out.append("## Goals\n");
        for (Goal goal : goals.keySet()) {
            renderGoal(out, goal);
        }
        return out.toString();
    }

    private void renderMachine(StringBuilder out) {
        out.append("## Machine\n\n| | |\n|---|---|\n");
        row(out, "CPU", machine.cpuModel() + ", " + machine.cores() + " logical cores");
        row(out, "Memory", machine.memory());
        row(out, "Browser", machine.chromium() + " (headless)");
        row(out, "Load average (1, 5, 15 min)", "before: " + machine.loadBefore() + "; after: " + machine.loadAfter()
                + " (after includes the benchmarks' own browsers)");
        row(out, "Other work meanwhile", Samples.format("%.1f %%", machine.otherWorkShare() * 100)
                + " of the machine's CPU time (processes other than the benchmarks' JVM, drivers and browsers)");
        row(out, "Date (UTC)", machine.date().toString());
        row(out, "Commit", "`" + machine.commit() + "`");
        out.append('\n');
        if (machine.loaded()) {
            out.append("**The machine was loaded** (a 1-minute load average above its ").append(machine.cores())
                    .append(" cores when measuring started, or other work above ")
                    .append(Samples.format("%.0f %%", Machine.OTHER_WORK_LIMIT * 100))
                    .append(" of its CPU time meanwhile): other work competed with the browser, so these figures are not to be"
                            + " trusted; measure again on a quiet machine.\n\n");
        }
    }

    private void renderSummary(StringBuilder out) {
        out.append("## Summary\n\n| Goal | Limit | Figure | Baseline | Ratio (wall) | Ratio (CPU) | Holds |\n|---|---|---|---|---|---|---|\n");
        for (Goal goal : goals.keySet()) {
            GoalResult result = results.get(goal);
            String link = "[" + goal.id() + "](#" + goal.id() + ")";
            if (result == null) {
                out.append("| ").append(link).append(" | ").append(goal.limitText()).append(" | — | — | — | — | ")
                        .append(notMeasuredShort(goal)).append(" |\n");
                continue;
            }
            Comparison wall = result.wall();
            out.append("| ").append(link).append(" | ").append(goal.limitText())
                    .append(" | ").append(median(wall.figure()))
                    .append(" | ").append(wall.hasBaseline() ? median(wall.baseline()) : "—")
                    .append(" | ").append(wall.hasBaseline() ? ratioText(wall.ratio()) : "—")
                    .append(" | ").append(result.cpu() != null ? ratioText(result.cpu().ratio()) : "—")
                    .append(" | ").append(result.holds() ? "**yes**" : "**NO**").append(" |\n");
        }
        out.append('\n');
    }

    private void renderGoal(StringBuilder out, Goal goal) {
        out.append("\n### ").append(goal.id()).append("\n\n").append(goal.wording()).append(".\n\n");
        GoalResult result = results.get(goal);
        if (result == null) {
            out.append("**Not measured**: ").append(notMeasuredLong(goal)).append("\n");
            return;
        }
        out.append("| | Median | Spread (min–max) | Samples |\n|---|---|---|---|\n");
        comparisonRows(out, "", result.wall());
        if (result.cpu() != null) {
            comparisonRows(out, "CPU: ", result.cpu());
        }
        out.append('\n');
        String limit = goal.limitText();
        String on = goal.limit() == Goal.Limit.FIGURE ? "median figure" : goal.cpuToo() ? "median ratios, wall and CPU" : "median ratio";
        out.append(result.holds() ? "**Holds**" : "**Does not hold**").append(" (").append(on).append(' ').append(limit).append(").\n");
        if (!result.note().isEmpty()) {
            out.append('\n').append(result.note()).append('\n');
        }
    }

    private static void comparisonRows(StringBuilder out, String prefix, Comparison comparison) {
        seriesRow(out, prefix, comparison.figure());
        if (comparison.hasBaseline()) {
            seriesRow(out, prefix, comparison.baseline());
            Spread ratio = comparison.ratio();
            int pairs = Math.min(comparison.figure().samples().size(), comparison.baseline().samples().size());
            int dividable = Spread.dividablePairs(comparison.figure(), comparison.baseline());
            out.append("| ").append(prefix).append("ratio ").append(comparison.figure().label()).append(" / ")
                    .append(comparison.baseline().label()).append(" | ")
                    .append(ratio.measured() ? Samples.format("%.2f×", ratio.median()) : "—")
                    .append(" | ").append(ratio.measured() ? Samples.format("%.2f–%.2f×", ratio.min(), ratio.max()) : "—")
                    .append(" | ").append(dividable).append(dividable == 1 ? " pair" : " pairs")
                    .append(dividable < pairs ? " (" + (pairs - dividable) + " of " + pairs
                            + " left out: a baseline of 0, below the clock's resolution)" : "").append(" |\n");
        }
    }

    private static void seriesRow(StringBuilder out, String prefix, Series series) {
        out.append("| ").append(prefix).append(series.label()).append(" (").append(series.unit()).append(") | ")
                .append(number(series.median())).append(" | ").append(number(series.min())).append("–")
                .append(number(series.max())).append(" | ").append(series.samples().size()).append(" |\n");
    }

    private static String median(Series series) {
        return number(series.median()) + " " + series.unit();
    }

    private static String ratioText(Spread ratio) {
        return ratio.text();
    }

    private String notMeasuredShort(Goal goal) {
        String benchmark = goals.get(goal);
        if (benchmark == null) {
            return "not measured yet";
        }
        if (failures.containsKey(benchmark)) {
            return "not measured (benchmark failed)";
        }
        return ran.contains(benchmark) ? "not measured" : "not measured (not run)";
    }

    private String notMeasuredLong(Goal goal) {
        String benchmark = goals.get(goal);
        if (benchmark == null) {
            return "no benchmark measures this goal yet.";
        }
        if (failures.containsKey(benchmark)) {
            return "`" + benchmark + "` failed: " + failures.get(benchmark).replace('\n', ' ');
        }
        if (!ran.contains(benchmark)) {
            return "`" + benchmark + "` was not run this time (`./jodide bench " + benchmark + "`).";
        }
        return "`" + benchmark + "` ran but gave no figure for this goal.";
    }

    private static void row(StringBuilder out, String name, String value) {
        out.append("| ").append(name).append(" | ").append(value).append(" |\n");
    }

    /** A figure with as many decimals as its size needs: 1234, 56.7, 8.90, 0.123; a whole number without any. */
    static String number(double value) {
        double size = Math.abs(value);
        if (value == Math.rint(value) && size < 1e15) {
            return Samples.format("%.0f", value);
        }
        String pattern = size >= 100 ? "%.0f" : size >= 10 ? "%.1f" : size >= 1 ? "%.2f" : "%.3f";
        return Samples.format(pattern, value);
    }
}

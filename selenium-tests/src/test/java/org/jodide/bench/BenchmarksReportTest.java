package org.jodide.bench;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchmarksReportTest {
    private static final Machine MACHINE = new Machine("Example CPU @ 2.00GHz", 2, "7.8 GiB", "Chromium 131.0.6778.85",
            "0.10 0.20 0.30", "1.50 0.90 0.40", 0.02, Instant.parse("2026-11-30T07:00:00Z"), "abc123def456");

    private static Series ms(String label, double... samples) {
        return new Series(label, "ms", java.util.Arrays.stream(samples).boxed().toList());
    }

    private static GoalResult runAllHolds() {
        return GoalResult.of(Goals.RUN_ALL_PY, Comparison.of(ms("Jodide Run All", 1200, 1300, 1100), ms("bare runPython", 1000, 1000, 1000)));
    }

    /** Wall within 1.10x, CPU not: a load goal that does not hold. */
    private static GoalResult firstResultCpuTooHigh() {
        return GoalResult.of(Goals.FIRST_RESULT_COLD,
                Comparison.of(ms("Jodide", 1060, 1000), ms("bare Pyodide", 1000, 1000)),
                Comparison.of(ms("Jodide", 1600, 1500), ms("bare Pyodide", 1000, 1000)));
    }

    private static BenchmarksReport report(List<GoalResult> results) {
        return new BenchmarksReport(MACHINE, "all, default samples", results, Set.of("run-all", "first-result", "markdown"),
                Map.of("markdown", "java.lang.IllegalStateException: the renderers disagree"));
    }

    @Test
    void showsTheMachineAndItsLoad() {
        String text = report(List.of()).render();
        assertTrue(text.contains("| CPU | Example CPU @ 2.00GHz, 2 logical cores |"), text);
        assertTrue(text.contains("| Memory | 7.8 GiB |"), text);
        assertTrue(text.contains("| Browser | Chromium 131.0.6778.85 (headless) |"), text);
        assertTrue(text.contains("| Load average (1, 5, 15 min) | before: 0.10 0.20 0.30; after: 1.50 0.90 0.40"
                + " (after includes the benchmarks' own browsers) |"), text);
        assertTrue(text.contains("| Other work meanwhile | 2.0 % of the machine's CPU time (processes other than the benchmarks'"
                + " JVM, drivers and browsers) |"), text);
        assertTrue(text.contains("| Date (UTC) | 2026-11-30T07:00:00Z |"), text);
        assertTrue(text.contains("| Commit | `abc123def456` |"), text);
    }

    @Test
    void aLoadedMachineIsCalledOut() {
        assertFalse(report(List.of()).render().contains("The machine was loaded"), "load 0.1 before, 2 % other work is not loaded");
        Instant when = Instant.parse("2026-11-30T07:00:00Z");
        Machine busyAfter = new Machine("Example CPU", 2, "7.8 GiB", "Chromium", "0.50 0.40 0.30", "9.86 5.00 3.00", 0.03, when, "abc");
        assertFalse(busyAfter.loaded(), "the load after is the benchmarks' own browsers'");
        Machine loadedBefore = new Machine("Example CPU", 2, "7.8 GiB", "Chromium", "2.50 0.40 0.30", "1.00 1.00 1.00", 0.03, when, "abc");
        Machine otherWork = new Machine("Example CPU", 2, "7.8 GiB", "Chromium", "0.50 0.40 0.30", "2.00 1.00 1.00", 0.25, when, "abc");
        for (Machine loaded : List.of(loadedBefore, otherWork)) {
            String text = new BenchmarksReport(loaded, "all", List.of(), Set.of(), Map.of()).render();
            assertTrue(text.contains("**The machine was loaded** (a 1-minute load average above its 2 cores when measuring started,"
                    + " or other work above 10 % of its CPU time meanwhile)"), text);
        }
    }

    @Test
    void otherWorkIsTheMachinesBusyTimeLessThatOfTheBenchmarksOwnProcesses() {
        String procStat = "cpu  1000 50 300 9000 20 5 7 3 0 0\ncpu0 500 25 150 4500 10 2 3 1 0 0\n";
        assertEquals(1000 + 50 + 300 + 5 + 7 + 3, OtherWork.machineBusyTicks(procStat), "idle and iowait are not busy");
        String stat = "4242 (chrome (renderer)) S 1 4242 4242 0 -1 4194560 100 0 0 0 70 30 4 6 20 0 12 0 100 0 0";
        assertEquals(70 + 30, OtherWork.processTicks(stat), "utime and stime, after a command with spaces");
        assertEquals(0.25, new OtherWork(5, 10, 2).shareOfMachine(), "5 s of 20 s of two cores' time");
        assertTrue(OtherWork.sample().stop().shareOfMachine() >= 0);
    }

    @Test
    void aGoalThatHoldsShowsFigureBaselineAndTheRatioOfPairedSamplesWithItsSpread() {
        String text = report(List.of(runAllHolds())).render();
        assertTrue(text.contains("| [run-all-py](#run-all-py) | ≤ 2.00× | 1200 ms | 1000 ms | 1.20× (1.10–1.30) | — | **yes** |"), text);
        assertTrue(text.contains("| Jodide Run All (ms) | 1200 | 1100–1300 | 3 |"), text);
        assertTrue(text.contains("| bare runPython (ms) | 1000 | 1000–1000 | 3 |"), text);
        assertTrue(text.contains("| ratio Jodide Run All / bare runPython | 1.20× | 1.10–1.30× | 3 pairs |"), text);
        assertTrue(section(text, "run-all-py").contains("**Holds** (median ratio ≤ 2.00×)."), text);
    }

    @Test
    void aLoadGoalWhoseCpuRatioIsTooHighDoesNotHoldEvenWhenItsWallRatioDoes() {
        GoalResult result = firstResultCpuTooHigh();
        assertFalse(result.holds());
        String text = report(List.of(result)).render();
        assertTrue(text.contains("| [first-result-cold](#first-result-cold) | ≤ 1.10× | 1030 ms | 1000 ms | 1.03× (1.00–1.06) | 1.55× (1.50–1.60) | **NO** |"),
                text);
        String section = section(text, "first-result-cold");
        assertTrue(section.contains("| CPU: ratio Jodide / bare Pyodide | 1.55× | 1.50–1.60× | 2 pairs |"), section);
        assertTrue(section.contains("**Does not hold** (median ratios, wall and CPU ≤ 1.10×)."), section);
    }

    /** CPU time is read in 10 ms ticks: a baseline that took less reads 0, and a ratio to it would be infinite. */
    @Test
    void aPairWhoseBaselineReadZeroGivesNoRatioAndTheReportSaysSo() {
        Series cpuOfJodide = new Series("Jodide Run All", "ms CPU", List.of(300.0, 310.0, 290.0));
        GoalResult someZero = GoalResult.of(Goals.RUN_ALL_JS, Comparison.of(ms("Jodide Run All", 90, 100, 95), ms("bare eval", 1, 1, 1)),
                Comparison.of(cpuOfJodide, new Series("bare eval", "ms CPU", List.of(0.0, 10.0, 0.0))));
        String text = report(List.of(someZero)).render();
        assertTrue(text.contains("| 95.00× (90.00–100.00) | 31.00× (31.00–31.00) | **NO** |"), text);
        assertTrue(section(text, "run-all-js").contains("| CPU: ratio Jodide Run All / bare eval | 31.00× | 31.00–31.00× | 1 pair"
                + " (2 of 3 left out: a baseline of 0, below the clock's resolution) |"), text);
        assertFalse(text.contains("Infinity"), text);

        GoalResult allZero = GoalResult.of(Goals.RUN_ALL_JS, Comparison.of(ms("Jodide Run All", 90), ms("bare eval", 1)),
                Comparison.of(new Series("Jodide Run All", "ms CPU", List.of(300.0)), new Series("bare eval", "ms CPU", List.of(0.0))));
        String none = report(List.of(allZero)).render();
        assertTrue(none.contains("| 90.00× (90.00–90.00) | — | **NO** |"), none);
        assertTrue(allZero.summary().endsWith("bare eval 0 ms CPU: — (goal ≤ 2.00×) DOES NOT HOLD"), allZero.summary());
    }

    @Test
    void aLimitOnTheFigureItselfIsCheckedWithoutBaseline() {
        GoalResult tooBig = GoalResult.of(Goals.EDITABLE_JS, Comparison.alone(new Series("JS before editable", "KB gzip", List.of(608.0))));
        assertFalse(tooBig.holds());
        String text = report(List.of(tooBig)).render();
        assertTrue(text.contains("| [editable-js](#editable-js) | ≤ 250 KB gzip | 608 KB gzip | — | — | — | **NO** |"), text);
        GoalResult small = GoalResult.of(Goals.EDITABLE_JS, Comparison.alone(new Series("JS before editable", "KB gzip", List.of(211.0))));
        assertTrue(small.holds());
    }

    @Test
    void goalsWithoutAFigureSayWhy() {
        Goal future = Goal.figure("future", "A goal no benchmark measures yet", 5, "ms");
        Map<Goal, String> goals = new java.util.LinkedHashMap<>(Goals.ALL);
        goals.put(future, null);
        String text = new BenchmarksReport(MACHINE, "all, default samples", goals, List.of(runAllHolds()),
                Set.of("run-all", "first-result", "markdown"), Map.of("markdown", "java.lang.IllegalStateException: the renderers disagree"))
                .render();
        assertTrue(text.contains("| [future](#future) | ≤ 5 ms | — | — | — | — | not measured yet |"), text);
        assertTrue(section(text, "future").contains("**Not measured**: no benchmark measures this goal yet."), text);
        assertTrue(text.contains("| [memory](#memory) | ≤ 1.20× | — | — | — | — | not measured (not run) |"), text);
        assertTrue(section(text, "markdown-2kb").contains("`markdown` failed: java.lang.IllegalStateException: the renderers disagree"), text);
        assertTrue(section(text, "editable-cold").contains("`editable` was not run this time"), text);
        assertTrue(section(text, "run-all-js").contains("`run-all` ran but gave no figure for this goal."), text);
        for (Goal goal : Goals.all()) {
            assertTrue(text.contains("\n### " + goal.id() + "\n"), "a section for " + goal.id());
        }
    }

    @Test
    void theRatioIsTheMedianOfPairedRatiosNotTheRatioOfMedians() {
        Spread ratio = Spread.ofPairs(ms("a", 100, 300, 200), ms("b", 100, 100, 400));
        assertEquals(1.0, ratio.median(), 1e-9);
        assertEquals(0.5, ratio.min(), 1e-9);
        assertEquals(3.0, ratio.max(), 1e-9);
    }

    @Test
    void aRatioGoalNeedsABaselineAndALoadGoalItsCpu() {
        assertThrows(IllegalArgumentException.class, () -> GoalResult.of(Goals.RUN_ALL_PY, Comparison.alone(ms("Jodide", 1))));
        assertThrows(IllegalArgumentException.class, () -> GoalResult.of(Goals.FIRST_RESULT_WARM,
                Comparison.of(ms("Jodide", 1), ms("bare", 1))));
        assertThrows(IllegalArgumentException.class, () -> report(List.of(runAllHolds(), runAllHolds())));
        assertThrows(IllegalArgumentException.class, () -> new BenchmarksReport(MACHINE, "", Map.of(), List.of(runAllHolds()),
                Set.of(), Map.of()));
    }

    @Test
    void readsTheMachineFromProcFiles() {
        String cpuinfo = "processor\t: 0\nmodel name\t: Intel(R) Xeon(R)   CPU @ 2.20GHz\n\nprocessor\t: 1\nmodel name\t: Intel(R) Xeon(R)   CPU @ 2.20GHz\n";
        assertEquals("Intel(R) Xeon(R) CPU @ 2.20GHz", Machine.cpuModel(cpuinfo));
        assertEquals(2, Machine.cores(cpuinfo));
        assertEquals("7.8 GiB", Machine.memory("MemTotal:        8152064 kB\nMemFree:  100 kB\n"));
        assertEquals("1.20 2.77 3.17", Machine.loadAverage("1.20 2.77 3.17 3/512 12345\n"));
        assertEquals(Machine.UNKNOWN, Machine.cpuModel(""));
    }

    /**
     * BENCHMARKS.sample.md (test resources) shows what the writer renders, every state of a goal
     * included, from made-up figures; it must stay what the writer renders. After a change of the
     * format, rewrite it with {@code -Dbench.sample.write=true}.
     */
    @Test
    void theSampleReportIsWhatTheWriterRenders() throws java.io.IOException {
        GoalResult editableJs = GoalResult.of(Goals.EDITABLE_JS,
                Comparison.alone(new Series("JS fetched before editable (warm)", "KB gzip", List.of(633.0, 633.0, 633.0))))
                .withNote("Made-up figures: a sample of the format.");
        String text = report(List.of(runAllHolds(), firstResultCpuTooHigh(), editableJs)).render();
        java.nio.file.Path sample = java.nio.file.Path.of("src/test/resources/org/jodide/bench/BENCHMARKS.sample.md");
        if (Boolean.getBoolean("bench.sample.write")) {
            java.nio.file.Files.createDirectories(sample.getParent());
            java.nio.file.Files.writeString(sample, text);
        }
        assertEquals(java.nio.file.Files.readString(sample), text, "rewrite " + sample + " with -Dbench.sample.write=true");
    }

    /** The text of one goal's section, from its heading to the next. */
    private static String section(String text, String id) {
        int start = text.indexOf("\n### " + id + "\n");
        assertTrue(start >= 0, "no section " + id);
        int end = text.indexOf("\n### ", start + 1);
        return text.substring(start, end < 0 ? text.length() : end);
    }
}

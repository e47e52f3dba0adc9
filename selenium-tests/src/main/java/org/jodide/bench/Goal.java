package org.jodide.bench;

/**
 * One goal a benchmark checks: its id (stable, used in BENCHMARKS.md), its wording as the issue
 * states it, and its limit: either on the ratio of the figure to its baseline (e.g. "at most 2x
 * bare"), or on the figure itself, in {@code unit} (e.g. "at most 250 KB gzip"). {@code cpuToo}:
 * the ratio goal holds only if the ratio of the browser's CPU time holds as well (the load goals).
 */
record Goal(String id, String wording, Limit limit, double at, String unit, boolean cpuToo) {
    /** What the limit bounds. */
    enum Limit {
        /** The median ratio figure/baseline over paired samples must be at most {@link #at}. */
        RATIO,
        /** The median of the figure must be at most {@link #at}, in {@link #unit}. */
        FIGURE
    }

    static Goal ratio(String id, String wording, double at) {
        return new Goal(id, wording, Limit.RATIO, at, "", false);
    }

    static Goal ratioInWallAndCpu(String id, String wording, double at) {
        return new Goal(id, wording, Limit.RATIO, at, "", true);
    }

    static Goal figure(String id, String wording, double at, String unit) {
        return new Goal(id, wording, Limit.FIGURE, at, unit, false);
    }

    /** The limit as BENCHMARKS.md shows it: "≤ 2.00×" or "≤ 250 KB". */
    String limitText() {
        return limit == Limit.RATIO ? Samples.format("≤ %.2f×", at) : "≤ " + BenchmarksReport.number(at) + " " + unit;
    }
}

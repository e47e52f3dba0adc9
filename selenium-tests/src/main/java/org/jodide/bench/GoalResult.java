package org.jodide.bench;

/**
 * What a benchmark measured for one {@link Goal}: the wall-time (or size, or per-call time)
 * comparison, the CPU-time comparison for load benchmarks (null where not measured), and a note
 * (how it was measured, or what to mind; may be empty).
 */
record GoalResult(Goal goal, Comparison wall, Comparison cpu, String note) {
    GoalResult {
        if (goal.limit() == Goal.Limit.RATIO && !wall.hasBaseline()) {
            throw new IllegalArgumentException(goal.id() + " is a ratio goal but " + wall.figure().label() + " has no baseline");
        }
        if (goal.cpuToo() && cpu == null) {
            throw new IllegalArgumentException(goal.id() + " needs the CPU time too");
        }
        note = note == null ? "" : note;
    }

    static GoalResult of(Goal goal, Comparison wall) {
        return new GoalResult(goal, wall, null, "");
    }

    static GoalResult of(Goal goal, Comparison wall, Comparison cpu) {
        return new GoalResult(goal, wall, cpu, "");
    }

    GoalResult withNote(String text) {
        return new GoalResult(goal, wall, cpu, text);
    }

    /**
     * Whether the goal holds: the median ratio of paired samples (for a CPU goal, of the CPU
     * times as well) is at most the limit, or, for a limit on the figure, its median is.
     */
    boolean holds() {
        if (goal.limit() == Goal.Limit.FIGURE) {
            return wall.figure().median() <= goal.at();
        }
        boolean wallHolds = wall.ratio().median() <= goal.at();
        return goal.cpuToo() ? wallHolds && cpu.ratio().median() <= goal.at() : wallHolds;
    }

    /** One line for the console: the goal, the figures, the ratio and whether it holds. */
    String summary() {
        StringBuilder out = new StringBuilder(goal.id()).append(": ");
        out.append(describe(wall));
        if (cpu != null) {
            out.append("; CPU ").append(describe(cpu));
        }
        return out.append(" (goal ").append(goal.limitText()).append(") ")
                .append(holds() ? "HOLDS" : "DOES NOT HOLD").toString();
    }

    private static String describe(Comparison comparison) {
        Series figure = comparison.figure();
        String text = Samples.format("%s %s %s", figure.label(), BenchmarksReport.number(figure.median()), figure.unit());
        if (!comparison.hasBaseline()) {
            return text;
        }
        return text + Samples.format(" vs %s %s %s: %s", comparison.baseline().label(),
                BenchmarksReport.number(comparison.baseline().median()), comparison.baseline().unit(),
                comparison.ratio().text());
    }
}

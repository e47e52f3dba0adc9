package org.jodide.bench;

/**
 * A figure and its baseline, measured alternately in the same browser session, and the ratio of
 * their paired samples; {@code baseline} is null for a figure compared with a fixed limit only.
 */
record Comparison(Series figure, Series baseline) {
    static Comparison of(Series figure, Series baseline) {
        return new Comparison(figure, baseline);
    }

    static Comparison alone(Series figure) {
        return new Comparison(figure, null);
    }

    boolean hasBaseline() {
        return baseline != null;
    }

    /** Figure/baseline over paired samples; only with a baseline. */
    Spread ratio() {
        if (baseline == null) {
            throw new IllegalStateException(figure.label() + " has no baseline");
        }
        return Spread.ofPairs(figure, baseline);
    }
}

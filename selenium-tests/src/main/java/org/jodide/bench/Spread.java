package org.jodide.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A median with the range (min-max) of the values it is the median of. */
record Spread(double median, double min, double max) {
    static Spread of(List<Double> values) {
        return new Spread(Samples.median(values), Collections.min(values), Collections.max(values));
    }

    /** No ratio: no pair had a baseline to divide by. */
    static final Spread NOT_MEASURED = new Spread(Double.NaN, Double.NaN, Double.NaN);

    /**
     * The ratios figure/baseline of samples taken in pairs (the i-th of each, measured one after
     * the other, so both saw the same machine): the medians of ratios, not the ratio of medians.
     * A pair whose baseline is 0 gives no ratio (a CPU time below the 10 ms resolution of
     * {@code /proc} reads 0; see {@link #dividablePairs}); with none left it is {@link #NOT_MEASURED}.
     */
    static Spread ofPairs(Series figure, Series baseline) {
        int pairs = Math.min(figure.samples().size(), baseline.samples().size());
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            if (baseline.samples().get(i) > 0) {
                ratios.add(figure.samples().get(i) / baseline.samples().get(i));
            }
        }
        return ratios.isEmpty() ? NOT_MEASURED : of(ratios);
    }

    /** How many pairs {@link #ofPairs} divides: those whose baseline is above 0. */
    static int dividablePairs(Series figure, Series baseline) {
        int pairs = Math.min(figure.samples().size(), baseline.samples().size());
        int dividable = 0;
        for (int i = 0; i < pairs; i++) {
            if (baseline.samples().get(i) > 0) {
                dividable++;
            }
        }
        return dividable;
    }

    boolean measured() {
        return !Double.isNaN(median);
    }

    /** "1.23× (1.10–1.40)" as reports write a ratio; "—" when not measured. */
    String text() {
        return measured() ? Samples.format("%.2f× (%.2f–%.2f)", median, min, max) : "—";
    }
}

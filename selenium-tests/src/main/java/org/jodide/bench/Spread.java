package org.jodide.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A median with the range (min-max) of the values it is the median of. */
record Spread(double median, double min, double max) {
    static Spread of(List<Double> values) {
        return new Spread(Samples.median(values), Collections.min(values), Collections.max(values));
    }

    /**
     * The ratios figure/baseline of samples taken in pairs (the i-th of each, measured one after
     * the other, so both saw the same machine): the medians of ratios, not the ratio of medians.
     */
    static Spread ofPairs(Series figure, Series baseline) {
        int pairs = Math.min(figure.samples().size(), baseline.samples().size());
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            ratios.add(figure.samples().get(i) / baseline.samples().get(i));
        }
        return of(ratios);
    }
}

package org.jodide.bench;

import java.util.Collections;
import java.util.List;

/** The samples of one measured figure, in the order taken: what was measured ({@code label}) and in which unit. */
record Series(String label, String unit, List<Double> samples) {
    Series {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException(label + ": no samples");
        }
        samples = List.copyOf(samples);
    }

    double median() {
        return Samples.median(samples);
    }

    double min() {
        return Collections.min(samples);
    }

    double max() {
        return Collections.max(samples);
    }
}

package org.jodide.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Small statistics and formatting helpers shared by the benchmarks. */
final class Samples {
    private Samples() {
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no samples");
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    /** The numbers as a list, each with {@code decimals} decimals. */
    static String list(List<Double> values, int decimals) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            out.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%." + decimals + "f", values.get(i)));
        }
        return out.append(']').toString();
    }

    /** "min-max" of the numbers, each with {@code decimals} decimals. */
    static String range(List<Double> values, int decimals) {
        String number = "%." + decimals + "f";
        return format(number + "-" + number, Collections.min(values), Collections.max(values));
    }

    /** Doubles from a list WebDriver returned (Long or Double elements). */
    static List<Double> doubles(Object webDriverList) {
        List<Double> out = new ArrayList<>();
        for (Object value : (List<?>) webDriverList) {
            out.add(((Number) value).doubleValue());
        }
        return out;
    }

    /** Strings from a list WebDriver returned. */
    static List<String> strings(Object webDriverList) {
        List<String> out = new ArrayList<>();
        for (Object value : (List<?>) webDriverList) {
            out.add((String) value);
        }
        return out;
    }

    static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }
}

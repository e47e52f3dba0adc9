package org.jodide.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * The timing loop of {@link ThroughputPage}, on this JVM: warm up each function (until it ran
 * {@code warmupMs} in all and at least 3 times), pick a repeat count so one sample lasts
 * {@code minSampleMs}, then take the samples, alternating functions, with a {@code System.gc()}
 * before each. Times are ms per call.
 */
final class JvmTimer {
    private static volatile int sink;

    private JvmTimer() {
    }

    static Map<String, List<Double>> measure(Map<String, ToIntFunction<String>> functions, String text,
                                             int samples, double warmupMs, double minSampleMs) {
        List<String> names = new ArrayList<>(functions.keySet());
        int n = names.size();
        double[] spent = new double[n];
        int[] calls = new int[n];
        int total = 0;
        boolean warming = true;
        while (warming) {
            warming = false;
            for (int i = 0; i < n; i++) {
                long t0 = System.nanoTime();
                total += functions.get(names.get(i)).applyAsInt(text);
                spent[i] += (System.nanoTime() - t0) / 1e6;
                calls[i]++;
                warming |= spent[i] < warmupMs || calls[i] < 3;
            }
        }
        int[] reps = new int[n];
        for (int i = 0; i < n; i++) {
            reps[i] = (int) Math.max(1, Math.ceil(minSampleMs / Math.max(spent[i] / calls[i], 0.001)));
        }
        Map<String, List<Double>> times = new LinkedHashMap<>();
        names.forEach(name -> times.put(name, new ArrayList<>()));
        for (int s = 0; s < samples; s++) {
            for (int i = 0; i < n; i++) {
                ToIntFunction<String> function = functions.get(names.get(i));
                System.gc();
                long t0 = System.nanoTime();
                for (int r = 0; r < reps[i]; r++) {
                    total += function.applyAsInt(text);
                }
                times.get(names.get(i)).add((System.nanoTime() - t0) / 1e6 / reps[i]);
            }
        }
        sink = total;
        return times;
    }
}

package org.jodide.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time used by the browser this JVM started (chromedriver, Chromium and all its processes:
 * renderers, GPU, network), read from {@code /proc}. Wall time on a loaded 2-core machine mostly
 * measures the neighbours; CPU time holds up better, and it counts the work every process of the
 * page does (a second renderer busy drawing output takes CPU from the one running Python).
 * Linux only; elsewhere {@link #available()} is false.
 */
final class BrowserCpu {
    /** Clock ticks per second of {@code /proc/<pid>/stat} (USER_HZ, 100 on Linux). */
    private static final double TICKS_PER_SECOND = 100;

    private BrowserCpu() {
    }

    static boolean available() {
        return Files.isReadable(Path.of("/proc/self/stat"));
    }

    /** Milliseconds of CPU (user + system) each descendant process of this JVM has used so far. */
    static Map<Long, Double> snapshot() {
        Map<Long, Double> used = new HashMap<>();
        ProcessHandle.current().descendants().forEach(process -> {
            Double millis = cpuMillis(process.pid());
            if (millis != null) {
                used.put(process.pid(), millis);
            }
        });
        return used;
    }

    /**
     * Milliseconds of CPU each thread of Chromium's thread pools (named {@code ThreadPoolForeg…} and
     * {@code ThreadPoolBackg…}) in a descendant process of this JVM has used so far, by
     * "pid/tid". V8 compiles there in the background: it optimizes hot JavaScript and tiers hot
     * WebAssembly functions up, so in a renderer these threads' CPU is mostly the engines' warm-up.
     */
    static Map<String, Double> threadPoolSnapshot() {
        Map<String, Double> used = new HashMap<>();
        ProcessHandle.current().descendants().forEach(process -> {
            Path tasks = Path.of("/proc", Long.toString(process.pid()), "task");
            try (var threads = Files.list(tasks)) {
                threads.forEach(thread -> {
                    String stat = readOrNull(thread.resolve("stat"));
                    if (stat != null && (stat.contains("(ThreadPoolForeg") || stat.contains("(ThreadPoolBackg"))) {
                        Double millis = cpuMillisOf(stat);
                        if (millis != null) {
                            used.put(process.pid() + "/" + thread.getFileName(), millis);
                        }
                    }
                });
            } catch (IOException | RuntimeException e) {
                // The process ended meanwhile.
            }
        });
        return used;
    }

    /**
     * Waits (at most {@code limitMs}) until the browser uses less than a tenth of a core over
     * {@code windowMs}: after a page loads, V8 goes on optimizing Pyodide's Wasm in background
     * threads for seconds, which would count as the measured run's CPU and slow it down.
     *
     * @return whether the browser went quiet in time
     */
    static boolean awaitQuiet(long windowMs, long limitMs) throws InterruptedException {
        long deadline = System.nanoTime() + limitMs * 1_000_000;
        while (System.nanoTime() < deadline) {
            Map<Long, Double> before = snapshot();
            Thread.sleep(windowMs);
            if (between(before, snapshot()) < windowMs / 10.0) {
                return true;
            }
        }
        return false;
    }

    /**
     * CPU milliseconds used between two snapshots, of processes ({@link #snapshot}) or of threads
     * ({@link #threadPoolSnapshot}): one that started in between counts from 0.
     */
    static <K> double between(Map<K, Double> before, Map<K, Double> after) {
        double total = 0;
        for (Map.Entry<K, Double> used : after.entrySet()) {
            total += used.getValue() - before.getOrDefault(used.getKey(), 0.0);
        }
        return total;
    }

    private static Double cpuMillis(long pid) {
        String stat = readOrNull(Path.of("/proc", Long.toString(pid), "stat"));
        return stat == null ? null : cpuMillisOf(stat);
    }

    private static String readOrNull(Path stat) {
        try {
            return Files.readString(stat);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** utime + stime of a {@code /proc/…/stat} line, in ms, or null when it does not read as one. */
    private static Double cpuMillisOf(String stat) {
        try {
            // Fields after the command name (which may hold spaces, so split after its closing parenthesis).
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // utime and stime are fields 14 and 15 of the whole line: 12 and 13 after the name.
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return ticks * 1000 / TICKS_PER_SECOND;
        } catch (RuntimeException e) {
            return null;
        }
    }
}

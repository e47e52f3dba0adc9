package org.jodide.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * How much of the machine's CPU time went to work that was not the benchmarks' own while they ran:
 * the machine's busy time ({@code /proc/stat}) less that of this JVM and every process it started
 * (chromedriver, the browsers, their renderers; {@code /proc/PID/stat}), sampled every
 * {@link #INTERVAL_MS} ms so that a browser that ends is counted while it lives (its time would
 * otherwise leave with it: Chromium's processes are not all reaped by a parent in this tree). A
 * process of ours that lives less than an interval counts as other work, which errs on the side of
 * calling the machine loaded. The load average cannot tell the two apart: the benchmarks' own
 * browsers keep both cores busy, so the load after a run is near the cores however quiet the
 * machine was.
 *
 * <pre>{@code
 * OtherWork.Sampler sampler = OtherWork.sample();
 * ...                                                  // the benchmarks
 * double share = sampler.stop().shareOfMachine();      // 0.03: 3 % of all cores' time
 * }</pre>
 */
record OtherWork(double otherSeconds, double wallSeconds, int cores) {
    /** Clock ticks per second of {@code /proc} times (USER_HZ, 100 on Linux). */
    private static final double TICKS_PER_SECOND = 100;
    static final int INTERVAL_MS = 500;

    /** Samples until {@link #stop}, on a daemon thread. */
    static final class Sampler {
        private final Thread thread;
        private final long startedNanos = System.nanoTime();
        private final long machineBusyAtStart;
        /** Ticks of each process of ours at the last sample. */
        private Map<Long, Long> ours;
        private long oursTicks;
        private volatile boolean stopped;

        private Sampler() {
            machineBusyAtStart = machineBusyTicks(read(Path.of("/proc/stat")));
            ours = ourProcesses();
            thread = new Thread(this::loop, "other-work-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        private void loop() {
            while (!stopped) {
                try {
                    Thread.sleep(INTERVAL_MS);
                } catch (InterruptedException e) {
                    return;
                }
                sampleNow();
            }
        }

        private synchronized void sampleNow() {
            Map<Long, Long> now = ourProcesses();
            for (Map.Entry<Long, Long> process : now.entrySet()) {
                Long before = ours.get(process.getKey());
                // A new process's time so far is ours; a pid taken again by a new process starts over.
                oursTicks += before == null || before > process.getValue() ? process.getValue() : process.getValue() - before;
            }
            ours = now;
        }

        /** Stops sampling and gives what other work took since {@link #sample}. */
        OtherWork stop() {
            stopped = true;
            thread.interrupt();
            synchronized (this) {
                sampleNow();
                long busy = machineBusyTicks(read(Path.of("/proc/stat"))) - machineBusyAtStart;
                return new OtherWork(Math.max(0, busy - oursTicks) / TICKS_PER_SECOND,
                        (System.nanoTime() - startedNanos) / 1e9, Runtime.getRuntime().availableProcessors());
            }
        }
    }

    static Sampler sample() {
        return new Sampler();
    }

    /** The other work's CPU time over all cores' time meanwhile: 0.5 is one core busy on two. */
    double shareOfMachine() {
        return wallSeconds <= 0 || cores <= 0 ? 0 : otherSeconds / (wallSeconds * cores);
    }

    /** Busy ticks of all cores, from the {@code cpu} line of {@code /proc/stat}: all but idle and iowait (guest time is in user). */
    static long machineBusyTicks(String procStat) {
        for (String line : procStat.split("\n")) {
            if (line.startsWith("cpu ")) {
                String[] fields = line.trim().split("\\s+");
                long busy = 0;
                // user nice system idle iowait irq softirq steal [guest guest_nice]
                for (int i : new int[]{1, 2, 3, 6, 7, 8}) {
                    busy += i < fields.length ? Long.parseLong(fields[i]) : 0;
                }
                return busy;
            }
        }
        return 0;
    }

    /**
     * utime + stime of a {@code /proc/PID/stat} line (fields 14 and 15; the command may hold
     * spaces). Not the ended children's (cutime, cstime): those are sampled while they live.
     */
    static long processTicks(String stat) {
        int afterCommand = stat.lastIndexOf(')');
        if (afterCommand < 0) {
            return 0;
        }
        String[] fields = stat.substring(afterCommand + 2).trim().split("\\s+");
        // fields[0] is the state (field 3), so utime (field 14) is fields[11] and stime fields[12].
        return fields.length > 12 ? Long.parseLong(fields[11]) + Long.parseLong(fields[12]) : 0;
    }

    /** This JVM and every process it started, by pid, with its {@link #processTicks}. */
    private static Map<Long, Long> ourProcesses() {
        Map<Long, Long> ticks = new HashMap<>();
        ProcessHandle self = ProcessHandle.current();
        Stream.concat(Stream.of(self), self.descendants()).forEach(process ->
                ticks.put(process.pid(), processTicks(read(Path.of("/proc", Long.toString(process.pid()), "stat")))));
        return ticks;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}

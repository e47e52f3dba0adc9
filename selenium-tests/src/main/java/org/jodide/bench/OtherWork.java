package org.jodide.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * How much of the machine's CPU time went to work that was not the benchmarks' own while they ran:
 * the machine's busy time ({@code /proc/stat}) less that of this JVM and every process it started
 * (chromedriver, the browsers, their renderers; {@code /proc/PID/stat}, children that ended counted
 * in their parents). The load average cannot tell the two apart: the benchmarks' own browsers keep
 * both cores busy, so the load after a run is near the cores however quiet the machine was.
 *
 * <pre>{@code
 * OtherWork.Snapshot start = OtherWork.now();
 * ...                                   // the benchmarks
 * double share = OtherWork.since(start).shareOfMachine();   // 0.03: 3 % of all cores' time
 * }</pre>
 */
record OtherWork(double otherSeconds, double wallSeconds, int cores) {
    /** Clock ticks per second of {@code /proc} times (USER_HZ, 100 on Linux). */
    private static final double TICKS_PER_SECOND = 100;

    /** The machine's busy ticks and this process tree's ticks at one moment. */
    record Snapshot(long machineBusy, long ours, long nanoTime) {
    }

    static Snapshot now() {
        return new Snapshot(machineBusyTicks(read(Path.of("/proc/stat"))), ourTicks(), System.nanoTime());
    }

    static OtherWork since(Snapshot start) {
        Snapshot end = now();
        long other = (end.machineBusy() - start.machineBusy()) - (end.ours() - start.ours());
        return new OtherWork(Math.max(0, other) / TICKS_PER_SECOND, (end.nanoTime() - start.nanoTime()) / 1e9,
                Runtime.getRuntime().availableProcessors());
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

    /** utime + stime + cutime + cstime of a {@code /proc/PID/stat} line (fields 14-17; the command may hold spaces). */
    static long processTicks(String stat) {
        int afterCommand = stat.lastIndexOf(')');
        if (afterCommand < 0) {
            return 0;
        }
        String[] fields = stat.substring(afterCommand + 2).trim().split("\\s+");
        // fields[0] is the state (field 3); utime is field 14, so fields[11..14].
        long ticks = 0;
        for (int i = 11; i <= 14 && i < fields.length; i++) {
            ticks += Long.parseLong(fields[i]);
        }
        return ticks;
    }

    private static long ourTicks() {
        ProcessHandle self = ProcessHandle.current();
        return Stream.concat(Stream.of(self), self.descendants())
                .mapToLong(process -> processTicks(read(Path.of("/proc", Long.toString(process.pid()), "stat"))))
                .sum();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}

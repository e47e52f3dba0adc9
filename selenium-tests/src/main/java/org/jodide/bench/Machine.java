package org.jodide.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The machine the benchmarks ran on and its load, for BENCHMARKS.md: CPU model and logical cores
 * ({@code /proc/cpuinfo}), memory ({@code /proc/meminfo}), the Chromium version, the load
 * average (1, 5, 15 min; {@code /proc/loadavg}) before and after, the share of the machine's CPU
 * time that other work took meanwhile ({@link OtherWork}), when, and the git commit measured. What
 * cannot be read says "unknown".
 */
record Machine(String cpuModel, int cores, String memory, String chromium, String loadBefore, String loadAfter,
               double otherWorkShare, Instant date, String commit) {
    static final String UNKNOWN = "unknown";
    /** Other work above this share of all cores' time (a fifth of one core on two) competed with the benchmarks. */
    static final double OTHER_WORK_LIMIT = 0.10;

    /**
     * Whether other work competed: the 1-minute load average was above the cores when measuring
     * started, or other processes took more than {@link #OTHER_WORK_LIMIT} of the machine's CPU time
     * while it went on. (The load after is no test: the benchmarks' own browsers make it.)
     */
    boolean loaded() {
        return oneMinute(loadBefore) > cores || otherWorkShare > OTHER_WORK_LIMIT;
    }

    private static double oneMinute(String load) {
        try {
            return Double.parseDouble(load.split(" ")[0]);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The load average now, as "1.20 2.77 3.17". */
    static String loadNow() {
        return loadAverage(read(Path.of("/proc/loadavg")));
    }

    /**
     * Waits, up to {@code limit}, until the 1-minute load average is at most the number of cores,
     * and gives it then ({@link #loadNow}). {@code ./jodide bench} builds the site just before (TeaVM
     * keeps both cores busy for a minute), so without the wait every report would open with the
     * build's load and call the machine loaded; the decaying average needs a minute or so to
     * forget it. What else runs on the machine is not waited out past the limit.
     */
    static String loadOnceSettled(java.time.Duration limit) throws InterruptedException {
        int cores = cores(read(Path.of("/proc/cpuinfo")));
        long deadline = System.nanoTime() + limit.toNanos();
        String load = loadNow();
        while (cores > 0 && oneMinute(load) > cores && System.nanoTime() < deadline) {
            TimeUnit.SECONDS.sleep(5);
            load = loadNow();
        }
        return load;
    }

    /**
     * This machine now; {@code loadBefore} was taken with {@link #loadNow()} before the benchmarks
     * ran, and {@code otherWork} measured while they ran.
     */
    static Machine probe(String loadBefore, OtherWork otherWork, String chromiumBinary, Path repository) {
        String cpuinfo = read(Path.of("/proc/cpuinfo"));
        return new Machine(cpuModel(cpuinfo), cores(cpuinfo), memory(read(Path.of("/proc/meminfo"))),
                firstLine(run(repository, chromiumBinary, "--version")), loadBefore, loadNow(), otherWork.shareOfMachine(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS), commit(repository));
    }

    static String cpuModel(String cpuinfo) {
        for (String line : cpuinfo.split("\n")) {
            if (line.startsWith("model name")) {
                return line.substring(line.indexOf(':') + 1).trim().replaceAll("\\s+", " ");
            }
        }
        return UNKNOWN;
    }

    /** Logical cores: the {@code processor} entries. */
    static int cores(String cpuinfo) {
        int count = 0;
        for (String line : cpuinfo.split("\n")) {
            if (line.matches("processor\\s*:.*")) {
                count++;
            }
        }
        return count;
    }

    /** MemTotal as "7.8 GiB". */
    static String memory(String meminfo) {
        for (String line : meminfo.split("\n")) {
            if (line.startsWith("MemTotal:")) {
                String[] fields = line.trim().split("\\s+");
                return Samples.format("%.1f GiB", Long.parseLong(fields[1]) / 1024.0 / 1024.0);
            }
        }
        return UNKNOWN;
    }

    /** The three load averages of a {@code /proc/loadavg} line. */
    static String loadAverage(String loadavg) {
        String[] fields = loadavg.trim().split("\\s+");
        return fields.length >= 3 ? String.join(" ", fields[0], fields[1], fields[2]) : UNKNOWN;
    }

    /** The commit (short hash), with "+ uncommitted changes" when the work tree differs from it. */
    private static String commit(Path repository) {
        String hash = firstLine(run(repository, "git", "rev-parse", "--short=12", "HEAD"));
        if (hash.equals(UNKNOWN)) {
            return hash;
        }
        String status = run(repository, "git", "status", "--porcelain", "--untracked-files=no");
        return status.isBlank() ? hash : hash + " + uncommitted changes";
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static String firstLine(String text) {
        String line = text.strip().lines().findFirst().orElse("");
        return line.isEmpty() ? UNKNOWN : line;
    }

    /** A command's standard output, or "" when it cannot run or fails. */
    private static String run(Path directory, String... command) {
        List<String> arguments = new ArrayList<>(List.of(command));
        try {
            Process process = new ProcessBuilder(arguments).directory(directory.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                return "";
            }
            return new String(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}

package org.jodide.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Memory used by the browser this JVM started (chromedriver, Chromium and all its processes),
 * as the sum of their proportional set sizes (PSS: a page shared by n processes counts 1/n in
 * each), read from {@code /proc/<pid>/smaps_rollup}. Linux only; elsewhere {@link #available()}
 * is false.
 */
final class BrowserMemory {
    private BrowserMemory() {
    }

    static boolean available() {
        return Files.isReadable(Path.of("/proc/self/smaps_rollup"));
    }

    /** MiB of PSS of all descendant processes of this JVM now. */
    static double pssMib() {
        long[] kib = {0};
        ProcessHandle.current().descendants().forEach(process -> kib[0] += pssKib(process.pid()));
        return kib[0] / 1024.0;
    }

    private static long pssKib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "smaps_rollup"))) {
                if (line.startsWith("Pss:")) {
                    return Long.parseLong(line.substring(4).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // The process has ended meanwhile.
        }
        return 0;
    }
}

package org.jodide.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Prints the size of each file the notebook loads, raw and after gzip (level 9, as
 * {@code java.util.zip} does it), grouped as the app (Jodide's own files, the bundles of
 * CodeMirror, DOMPurify and KaTeX included) and Pyodide, with totals. Sizes are bytes on disk in
 * the built site; KiB = 1024 bytes.
 */
final class ShippedSizes {
    private ShippedSizes() {
    }

    /** One file: its path in the site, its size and its gzipped size, in bytes. */
    private record Sized(String path, long raw, long gzip) {
    }

    /** {@code paths}: site-relative paths in load order (see EditableBenchmark). */
    static void print(Path site, List<String> paths) throws IOException {
        List<Sized> app = new ArrayList<>();
        List<Sized> pyodide = new ArrayList<>();
        for (String path : paths) {
            Path file = site.resolve(path).normalize();
            if (!file.startsWith(site) || !Files.isRegularFile(file)) {
                throw new IllegalStateException("the notebook loaded " + path + ", which is not a file of the site");
            }
            Sized sized = new Sized(path, Files.size(file), gzipSize(file));
            (path.startsWith("pyodide/") ? pyodide : app).add(sized);
        }
        System.out.println("Shipped files: every file the notebook page and its eval frame load until Python is ready"
                + " (KiB; gzip -9 by java.util.zip)");
        System.out.println("                                          raw KiB    gzip KiB");
        Sized appTotal = group("app (Jodide's own)", app);
        Sized pyodideTotal = group("Pyodide", pyodide);
        System.out.println(Samples.format("  %-38s %10.1f %10.1f", "all", kib(appTotal.raw() + pyodideTotal.raw()),
                kib(appTotal.gzip() + pyodideTotal.gzip())));
    }

    private static Sized group(String title, List<Sized> files) {
        System.out.println("  " + title);
        long raw = 0;
        long gzip = 0;
        for (Sized file : files) {
            System.out.println(Samples.format("    %-36s %10.1f %10.1f", file.path(), kib(file.raw()), kib(file.gzip())));
            raw += file.raw();
            gzip += file.gzip();
        }
        System.out.println(Samples.format("    %-36s %10.1f %10.1f", "total (" + files.size() + " files)", kib(raw), kib(gzip)));
        return new Sized(title, raw, gzip);
    }

    private static double kib(long bytes) {
        return bytes / 1024.0;
    }

    /** Bytes of {@code file} after gzip at level 9. */
    static long gzipSize(Path file) throws IOException {
        CountingStream counter = new CountingStream();
        try (InputStream in = Files.newInputStream(file);
             GZIPOutputStream gzip = new GZIPOutputStream(counter, 1 << 16) {
                 {
                     def.setLevel(Deflater.BEST_COMPRESSION);
                 }
             }) {
            in.transferTo(gzip);
        }
        return counter.count;
    }

    /** An output stream that only counts bytes. */
    private static final class CountingStream extends OutputStream {
        private long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            count += length;
        }
    }
}

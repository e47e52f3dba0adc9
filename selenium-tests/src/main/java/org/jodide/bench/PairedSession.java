package org.jodide.bench;

import org.jodide.browser.BuiltSite;
import org.jodide.browser.HeadlessChromium;
import org.jodide.site.SiteServer;
import org.openqa.selenium.chrome.ChromeDriver;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * What a benchmark that compares Jodide with a bare Pyodide page sets up: the built site served,
 * the bare page served beside it with the site's Pyodide linked in, and one headless Chromium for
 * both, whose scripts may run for the given time. Closing it closes the browser, then both servers.
 *
 * <pre>{@code
 * try (PairedSession session = PairedSession.start(BARE_PAGE, LIMIT)) {
 *     measure(session.driver(), session.bareUrl());
 *     measure(session.driver(), session.jodideUrl());
 * }
 * }</pre>
 */
final class PairedSession implements AutoCloseable {
    private final SiteServer jodide;
    private final BenchSite bare;
    private final HeadlessChromium browser;

    private PairedSession(SiteServer jodide, BenchSite bare, HeadlessChromium browser) {
        this.jodide = jodide;
        this.bare = bare;
        this.browser = browser;
    }

    static PairedSession start(String barePage, Duration scriptLimit) throws IOException {
        Path site = BuiltSite.root().toAbsolutePath().normalize();
        SiteServer jodide = SiteServer.start(site, 0);
        BenchSite bare = null;
        try {
            bare = BenchSite.serve(barePage, Map.of("pyodide", site.resolve("pyodide")));
            HeadlessChromium browser = HeadlessChromium.start();
            browser.driver().manage().timeouts().scriptTimeout(scriptLimit);
            return new PairedSession(jodide, bare, browser);
        } catch (IOException | RuntimeException e) {
            if (bare != null) {
                try {
                    bare.close();
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            jodide.close();
            throw e;
        }
    }

    ChromeDriver driver() {
        return browser.driver();
    }

    /** The Jodide page (the site's index). */
    String jodideUrl() {
        return jodide.uri().toString();
    }

    /** The bare page. */
    String bareUrl() {
        return bare.uri().toString();
    }

    /** Bytes the browser has downloaded whole from the Jodide site so far (200 responses: the files' sizes, uncompressed). */
    long jodideBytes() {
        return bytesOf(jodide);
    }

    /** Bytes the browser has downloaded whole from the bare page's site so far. */
    long bareBytes() {
        return bare.downloadedBytes();
    }

    /** The sizes of the files {@code server} has answered whole (200) so far, summed. */
    static long bytesOf(SiteServer server) {
        long bytes = 0;
        for (String path : server.downloadedPaths()) {
            Path file = server.resolve(path);
            try {
                bytes += file == null ? 0 : java.nio.file.Files.size(file);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return bytes;
    }

    @Override
    public void close() throws IOException {
        try {
            browser.close();
        } finally {
            try {
                bare.close();
            } finally {
                jodide.close();
            }
        }
    }
}

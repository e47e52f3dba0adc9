package org.jodide.bench;

import org.jodide.browser.BuiltSite;
import org.jodide.site.SiteServer;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A page made for one benchmark, served by a {@link SiteServer} (so it gets the site's headers,
 * cross-origin isolation included) from a temporary folder that holds the page and links to the
 * files it loads. Closing it stops the server and deletes the folder.
 *
 * <pre>{@code
 * try (BenchSite page = BenchSite.serve(html, Map.of("bench.js", BenchSite.benchFiles().resolve("bench.js")))) {
 *     driver.get(page.uri().toString());
 * }
 * }</pre>
 */
final class BenchSite implements AutoCloseable {
    private final Path root;
    private final SiteServer server;

    private BenchSite(Path root, SiteServer server) {
        this.root = root;
        this.server = server;
    }

    /**
     * The benchmark-only files built next to the site ({@code static/target/bench-site}: TeaVM's
     * {@code bench.js}, esbuild's {@code markdown-it.js}); the system property
     * {@code jodide.bench.root} overrides it.
     */
    static Path benchFiles() {
        String property = System.getProperty("jodide.bench.root");
        Path root = property != null ? Path.of(property)
                : BuiltSite.root().toAbsolutePath().normalize().resolveSibling("bench-site");
        for (String file : new String[] {"bench.js", "markdown-it.js"}) {
            if (!Files.isRegularFile(root.resolve(file))) {
                throw new IllegalStateException(root.resolve(file) + " is missing: build with ./jodide build");
            }
        }
        return root;
    }

    /** Serves {@code html} as index.html, with each of {@code links} (name in the folder -> file or folder) linked beside it. */
    static BenchSite serve(String html, Map<String, Path> links) throws IOException {
        Path root = Files.createTempDirectory("jodide-bench-");
        Files.writeString(root.resolve("index.html"), html);
        for (Map.Entry<String, Path> link : links.entrySet()) {
            Files.createSymbolicLink(root.resolve(link.getKey()), link.getValue().toAbsolutePath().normalize());
        }
        try {
            return new BenchSite(root, SiteServer.start(root, 0));
        } catch (IOException | RuntimeException e) {
            deleteFolder(root);
            throw e;
        }
    }

    URI uri() {
        return server.uri();
    }

    /** Bytes the browser has downloaded whole from this site so far (200 responses: the files' sizes). */
    long downloadedBytes() {
        return PairedSession.bytesOf(server);
    }

    @Override
    public void close() throws IOException {
        server.close();
        deleteFolder(root);
    }

    /** Deletes the folder's entries (links are deleted, never followed) and the folder. */
    private static void deleteFolder(Path folder) throws IOException {
        try (var entries = Files.list(folder)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                Files.delete(entry);
            }
        }
        Files.delete(folder);
    }
}

package org.jodide.site;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves the built site from a folder on 127.0.0.1, with the headers the notebook needs:
 * {@code application/wasm} for Wasm, cross-origin isolation (COOP/COEP) so SharedArrayBuffer
 * exists, and CORS + CORP on every file so the sandboxed (opaque-origin) eval frame may load
 * Pyodide. Static files only: GET and HEAD, no directory listings, nothing outside the root.
 * Two pages get a Content-Security-Policy (see {@link PageHeaders}): the eval frame is always
 * sandboxed, and only the site itself may frame the editor.
 *
 * <pre>{@code
 * try (SiteServer server = SiteServer.start(Path.of("static/target/site"), 0)) {
 *     URI page = server.uri(); // http://127.0.0.1:PORT/
 * }
 * }</pre>
 */
public final class SiteServer implements AutoCloseable {
    /**
     * The JDK's server leaves Nagle's algorithm on. It writes a response's headers and its body
     * apart, so on a kept-alive connection the body waited for the client's delayed ACK of the
     * headers: every request after a connection's first took ~40 ms more (curl, two files on one
     * connection: 41 ms for the second against 1.3 ms with this). The JDK reads the property once,
     * when its first server is made in this JVM, so it is set before that.
     */
    static final String NO_DELAY_PROPERTY = "sun.net.httpserver.nodelay";

    static {
        if (System.getProperty(NO_DELAY_PROPERTY) == null) {
            System.setProperty(NO_DELAY_PROPERTY, "true");
        }
    }

    /** Which headers the server sends: what Jodide asks of a host, or what a plain static host sends. */
    public enum Isolation {
        /** COOP + COEP + CORP (and CORS): the page and its eval frame are cross-origin isolated; Python runs in a worker. */
        CROSS_ORIGIN_ISOLATED,
        /**
         * Only CORS ({@code Access-Control-Allow-Origin: *}, which GitHub Pages sends too): like a
         * static host that cannot set COOP/COEP. Python falls back to the eval frame's main thread.
         */
        NONE,
        /**
         * No headers of Jodide's at all, not even CORS or the pages' Content-Security-Policy: a bare
         * static server such as {@code python3 -m http.server}. The sandboxed eval frame cannot load
         * its scripts there (an opaque origin loads the site's modules as another origin's), and the
         * editor says so.
         */
        BARE
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Path root;
    private final Isolation isolation;
    private final List<String> notFound = new CopyOnWriteArrayList<>();
    private final List<String> downloaded = new CopyOnWriteArrayList<>();
    private final List<String> answered = new CopyOnWriteArrayList<>();

    private SiteServer(HttpServer server, ExecutorService executor, Path root, Isolation isolation) {
        this.server = server;
        this.executor = executor;
        this.root = root;
        this.isolation = isolation;
    }

    /** Starts serving {@code root} on 127.0.0.1:{@code port} cross-origin isolated; port 0 picks a free port. */
    public static SiteServer start(Path root, int port) throws IOException {
        return start(root, port, Isolation.CROSS_ORIGIN_ISOLATED);
    }

    /** Starts serving {@code root} on 127.0.0.1:{@code port} with the headers of {@code isolation}; port 0 picks a free port. */
    public static SiteServer start(Path root, int port, Isolation isolation) throws IOException {
        Path absoluteRoot = root.toAbsolutePath().normalize();
        if (!Files.isRegularFile(absoluteRoot.resolve("index.html"))) {
            throw new IOException("no built site at " + absoluteRoot + " (index.html missing): build it with mvn -B package");
        }
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        ExecutorService executor = Executors.newFixedThreadPool(8, r -> {
            Thread thread = new Thread(r, "jodide-site-server");
            thread.setDaemon(true);
            return thread;
        });
        SiteServer site = new SiteServer(http, executor, absoluteRoot, isolation);
        http.createContext("/", site::handle);
        http.setExecutor(executor);
        http.start();
        return site;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The site's root URL, ending with a slash. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + port() + "/");
    }

    /** The paths requested so far that were answered 404, oldest first (tests check that a page loads without any). */
    public List<String> notFoundPaths() {
        return List.copyOf(notFound);
    }

    /**
     * The paths answered so far with their whole body (a 200 to a GET, not a 304), oldest first: what
     * browsers downloaded (tests check what a revisit takes from the browser's cache).
     */
    public List<String> downloadedPaths() {
        return List.copyOf(downloaded);
    }

    /**
     * Every GET and HEAD answered so far with the file it named, as "METHOD /path status" ("GET
     * /editor.js 304", "HEAD /pyodide/python_stdlib.zip 200"), oldest first: tests check what a
     * visit asked of the host.
     */
    public List<String> answeredRequests() {
        return List.copyOf(answered);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Headers headers = exchange.getResponseHeaders();
            addSiteHeaders(headers, isolation);
            String method = exchange.getRequestMethod();
            if (method.equals("OPTIONS")) {
                headers.set("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS");
                headers.set("Access-Control-Allow-Headers", "*");
                exchange.sendResponseHeaders(204, -1);
                return;
            }
            if (!method.equals("GET") && !method.equals("HEAD")) {
                sendText(exchange, 405, "method not allowed");
                return;
            }
            Path file = resolve(exchange.getRequestURI().getPath());
            if (file == null) {
                notFound.add(exchange.getRequestURI().getPath());
                sendText(exchange, 404, "not found");
                return;
            }
            headers.set("Content-Type", ContentTypes.of(file.getFileName().toString()));
            if (isolation != Isolation.BARE) {
                PageHeaders.add(headers, root.relativize(file).toString().replace('\\', '/'));
            }
            // Revalidated on every use, answered 304 when unchanged: a revisit downloads nothing again,
            // and a cached .wasm keeps Chromium's compiled code.
            headers.set("Cache-Control", "no-cache");
            long size = Files.size(file);
            Validators validators = Validators.of(size, Files.getLastModifiedTime(file).toInstant());
            headers.set("ETag", validators.etag());
            headers.set("Last-Modified", validators.lastModified());
            if (validators.notModified(exchange.getRequestHeaders().getFirst("If-None-Match"),
                    exchange.getRequestHeaders().getFirst("If-Modified-Since"))) {
                answered.add(method + " " + exchange.getRequestURI().getPath() + " 304");
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            answered.add(method + " " + exchange.getRequestURI().getPath() + " 200");
            if (method.equals("HEAD")) {
                headers.set("Content-Length", Long.toString(size));
                exchange.sendResponseHeaders(200, -1);
                return;
            }
            downloaded.add(exchange.getRequestURI().getPath());
            exchange.sendResponseHeaders(200, size == 0 ? -1 : size);
            try (OutputStream body = exchange.getResponseBody()) {
                Files.copy(file, body);
            }
        } catch (IOException e) {
            // The browser went away mid-response (a reload, a closed tab): nothing to answer.
        }
    }

    /** Headers every response carries; see the class comment for why. */
    static void addSiteHeaders(Headers headers, Isolation isolation) {
        if (isolation == Isolation.BARE) {
            return;
        }
        if (isolation == Isolation.CROSS_ORIGIN_ISOLATED) {
            headers.set("Cross-Origin-Opener-Policy", "same-origin");
            headers.set("Cross-Origin-Embedder-Policy", "require-corp");
            headers.set("Cross-Origin-Resource-Policy", "cross-origin");
        }
        headers.set("Access-Control-Allow-Origin", "*");
        headers.set("X-Content-Type-Options", "nosniff");
    }

    /** The file a URL path names, or null when it names nothing servable (missing, a folder without index.html, outside the root). */
    public Path resolve(String urlPath) {
        if (urlPath == null || !urlPath.startsWith("/") || urlPath.indexOf('\0') >= 0) {
            return null;
        }
        Path file = root.resolve(urlPath.substring(1)).normalize();
        if (!file.startsWith(root)) {
            return null;
        }
        if (Files.isDirectory(file)) {
            file = file.resolve("index.html");
        }
        return Files.isRegularFile(file) ? file : null;
    }

    private static void sendText(HttpExchange exchange, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /**
     * {@code java org.jodide.site.SiteServer --root DIR [--port N] [--no-isolation]}: serve until
     * killed; {@code --no-isolation} sends no COOP/COEP, as many static hosts (see {@link Isolation#NONE}).
     */
    public static void main(String[] args) throws IOException {
        Path root = Path.of("static/target/site");
        int port = 8000;
        Isolation isolation = Isolation.CROSS_ORIGIN_ISOLATED;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if ((arg.equals("--port") || arg.equals("--root")) && i + 1 >= args.length) {
                fail("missing value after " + arg);
            }
            if (arg.equals("--port")) {
                port = parsePort(args[++i]);
            } else if (arg.equals("--root")) {
                root = Path.of(args[++i]);
            } else if (arg.equals("--no-isolation")) {
                isolation = Isolation.NONE;
            } else {
                fail("unknown argument " + arg + " (usage: --root DIR --port N [--no-isolation])");
            }
        }
        SiteServer server;
        try {
            server = start(root, port, isolation);
        } catch (java.net.BindException e) {
            fail("port " + port + " is in use: choose another with --port N");
            return;
        } catch (IOException e) {
            fail(e.getMessage());
            return;
        }
        System.out.println("Serving on " + server.uri()
                + (isolation == Isolation.NONE ? " without cross-origin isolation (Python on the report's thread; Stop restarts)" : ""));
        System.out.flush();
    }

    private static int parsePort(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        fail("--port takes a number from 0 to 65535, got " + text);
        return -1;
    }

    private static void fail(String message) {
        System.err.println("jodide serve: " + message);
        System.exit(2);
    }
}

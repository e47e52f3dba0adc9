package org.jodide.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Forwards GET requests to a site, except that requests for paths ending with a given suffix get
 * no answer at all while {@link #stalling} is on: a server (or a network) that stalls mid-load;
 * they are answered late after {@link #answerHeld()}, never after {@link #stopStalling()}.
 */
final class StallingProxy implements AutoCloseable {
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "transfer-encoding", "keep-alive");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "stalling-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient client = HttpClient.newHttpClient();
    private final URI target;
    private final String stalledSuffix;
    private volatile CountDownLatch release = new CountDownLatch(1);
    private volatile boolean stalling = true;
    private volatile boolean answerHeld;

    StallingProxy(URI target, String stalledSuffix) throws IOException {
        this.target = target;
        this.stalledSuffix = stalledSuffix;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** From now on every request is answered; the stalled ones stay unanswered (their client gave up). */
    void stopStalling() {
        stalling = false;
    }

    /** From now on every request is answered, the stalled ones too: a slow network that catches up. */
    void answerHeld() {
        answerHeld = true;
        stalling = false;
        release.countDown();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            if (stalling && path.endsWith(stalledSuffix)) {
                release.await(5, TimeUnit.MINUTES);
                if (!answerHeld) {
                    return;
                }
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().getRawPath().substring(1)
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery())))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.noBody());
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            for (Map.Entry<String, List<String>> header : response.headers().map().entrySet()) {
                if (!header.getKey().startsWith(":") && !HOP_BY_HOP.contains(header.getKey().toLowerCase())) {
                    exchange.getResponseHeaders().put(header.getKey(), header.getValue());
                }
            }
            byte[] body = response.body();
            boolean empty = body.length == 0 || exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(response.statusCode(), empty ? -1 : body.length);
            if (!empty) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the browser went away
        }
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}

package org.jodide.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Jupyter server for the tests ({@code python3 -m jupyter_server}, Debian's
 * {@code python3-jupyter-server} and {@code python3-ipykernel}, which .ci/run installs) on a free
 * port, with a random token, allowing one origin (the site's), its home, runtime and notebook folders
 * in a temporary folder. {@link #close} kills it and its kernels.
 */
final class JupyterServer implements AutoCloseable {
    private static final Duration STARTUP = Duration.ofSeconds(60);

    private final Process process;
    private final Path home;
    private final int port;
    private final String token;

    private JupyterServer(Process process, Path home, int port, String token) {
        this.process = process;
        this.home = home;
        this.port = port;
        this.token = token;
    }

    /** Starts a server that lets pages of {@code allowedOrigin} in (e.g. {@code http://127.0.0.1:8123}), and waits until it answers. */
    static JupyterServer start(String allowedOrigin) throws IOException, InterruptedException {
        Path home = Files.createTempDirectory("jodide-jupyter-");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        String token = HexFormat.of().formatHex(random);
        ProcessBuilder builder = new ProcessBuilder(List.of("/usr/bin/python3", "-m", "jupyter_server",
                "--allow-root", "--no-browser", "--ip=127.0.0.1", "--port=" + port, "--port-retries=0",
                "--ServerApp.token=" + token, "--ServerApp.allow_origin=" + allowedOrigin,
                "--ServerApp.root_dir=" + home));
        builder.environment().put("HOME", home.toString());
        builder.environment().put("JUPYTER_RUNTIME_DIR", home.resolve("runtime").toString());
        builder.environment().put("JUPYTER_DATA_DIR", home.resolve("data").toString());
        builder.environment().put("JUPYTER_CONFIG_DIR", home.resolve("config").toString());
        builder.redirectErrorStream(true).redirectOutput(home.resolve("server.log").toFile());
        JupyterServer server = new JupyterServer(builder.start(), home, port, token);
        server.awaitAnswer();
        return server;
    }

    private void awaitAnswer() throws InterruptedException, IOException {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the Jupyter server ended at start (is python3-jupyter-server installed?): " + log());
            }
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url() + "api/status"))
                        .header("Authorization", "token " + token).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        close();
        throw new IllegalStateException("the Jupyter server did not answer within " + STARTUP.toSeconds() + " s: " + log());
    }

    /** {@code http://127.0.0.1:PORT/}. */
    String url() {
        return "http://127.0.0.1:" + port + "/";
    }

    String token() {
        return token;
    }

    /** The server's root folder (its Contents API's files). */
    Path root() {
        return home;
    }

    /** What the server printed so far (for assertion messages). */
    String log() {
        try {
            return Files.readString(home.resolve("server.log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Kills the server and its kernels at once (as a crash would), and removes its folder. */
    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (var files = Files.walk(home)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder
        }
    }
}

package org.jodide.site;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SiteServerTest {
    @TempDir
    Path root;
    private SiteServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void serve() throws IOException {
        Files.writeString(root.resolve("index.html"), "<h1>hi</h1>");
        Files.writeString(root.resolve("evalframe.html"), "<p>frame</p>");
        Files.createDirectories(root.resolve("pyodide"));
        Files.write(root.resolve("pyodide/pyodide.asm.wasm"), new byte[] {0, 'a', 's', 'm'});
        Files.writeString(root.getParent().resolve("secret.txt"), "outside the site");
        server = SiteServer.start(root, 0);
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
        Files.deleteIfExists(root.getParent().resolve("secret.txt"));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesIndexAtTheRootWithCrossOriginIsolationHeaders() throws Exception {
        HttpResponse<String> response = get("/");
        assertEquals(200, response.statusCode());
        assertEquals("<h1>hi</h1>", response.body());
        assertEquals("same-origin", response.headers().firstValue("Cross-Origin-Opener-Policy").orElseThrow());
        assertEquals("require-corp", response.headers().firstValue("Cross-Origin-Embedder-Policy").orElseThrow());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
    }

    @Test
    void turnsNaglesAlgorithmOffForTheJdksServer() {
        // A server is running (serve()), so the JDK has read the property: it must have been "true"
        // then, or every response after a kept-alive connection's first waits ~40 ms for a delayed ACK.
        assertEquals("true", System.getProperty(SiteServer.NO_DELAY_PROPERTY));
    }

    @Test
    void withoutIsolationItSendsCorsButNeitherCoopNorCoepNorCorp() throws Exception {
        try (SiteServer plain = SiteServer.start(root, 0, SiteServer.Isolation.NONE)) {
            for (String path : new String[] {"/", "/evalframe.html", "/pyodide/pyodide.asm.wasm"}) {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + plain.port() + path)).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, response.statusCode(), path);
                assertEquals("*", response.headers().firstValue("Access-Control-Allow-Origin").orElseThrow(), path);
                assertTrue(response.headers().firstValue("Cross-Origin-Opener-Policy").isEmpty(), path);
                assertTrue(response.headers().firstValue("Cross-Origin-Embedder-Policy").isEmpty(), path);
                assertTrue(response.headers().firstValue("Cross-Origin-Resource-Policy").isEmpty(), path);
            }
        }
    }

    @Test
    void bareSendsNoneOfJodidesHeadersAsAPlainStaticServer() throws Exception {
        try (SiteServer bare = SiteServer.start(root, 0, SiteServer.Isolation.BARE)) {
            for (String path : new String[] {"/", "/evalframe.html", "/pyodide/pyodide.asm.wasm"}) {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + bare.port() + path)).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, response.statusCode(), path);
                for (String header : new String[] {"Access-Control-Allow-Origin", "Cross-Origin-Opener-Policy",
                        "Cross-Origin-Embedder-Policy", "Cross-Origin-Resource-Policy", "Content-Security-Policy"}) {
                    assertTrue(response.headers().firstValue(header).isEmpty(), path + " " + header);
                }
            }
        }
    }

    @Test
    void anUnchangedFileIsAnswered304ToItsValidatorsAndAChangedOneAgain() throws Exception {
        HttpResponse<String> first = get("/pyodide/pyodide.asm.wasm");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
        assertEquals("no-cache", first.headers().firstValue("Cache-Control").orElseThrow());
        URI uri = URI.create("http://127.0.0.1:" + server.port() + "/pyodide/pyodide.asm.wasm");
        HttpResponse<String> byTag = http.send(HttpRequest.newBuilder(uri).header("If-None-Match", etag).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(304, byTag.statusCode());
        assertEquals("", byTag.body());
        HttpResponse<String> byDate = http.send(HttpRequest.newBuilder(uri).header("If-Modified-Since", lastModified).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(304, byDate.statusCode());

        Files.write(root.resolve("pyodide/pyodide.asm.wasm"), new byte[] {0, 'a', 's', 'm', 1});
        HttpResponse<String> changed = http.send(HttpRequest.newBuilder(uri).header("If-None-Match", etag).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, changed.statusCode(), "a file of another size has another tag");
    }

    @Test
    void servesWasmAsApplicationWasmWithCors() throws Exception {
        HttpResponse<String> response = get("/pyodide/pyodide.asm.wasm");
        assertEquals(200, response.statusCode());
        assertEquals("application/wasm", response.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("*", response.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
        assertEquals("cross-origin", response.headers().firstValue("Cross-Origin-Resource-Policy").orElseThrow());
    }

    @Test
    void theEvalFrameIsSandboxedByItsOwnHeadersAndStillCrossOriginIsolated() throws Exception {
        HttpResponse<String> response = get("/evalframe.html#packageIndex=x");
        assertEquals(200, response.statusCode());
        assertEquals("sandbox allow-scripts allow-modals",
                response.headers().firstValue("Content-Security-Policy").orElseThrow());
        assertEquals("require-corp", response.headers().firstValue("Cross-Origin-Embedder-Policy").orElseThrow());
        assertEquals("cross-origin", response.headers().firstValue("Cross-Origin-Resource-Policy").orElseThrow());
    }

    @Test
    void onlyTheSiteItselfMayFrameTheEditor() throws Exception {
        for (String path : new String[] {"/", "/index.html", "/?notebook=examples/a.iomd"}) {
            assertEquals(List.of("frame-ancestors 'self'"), get(path).headers().allValues("Content-Security-Policy"), path);
        }
    }

    @Test
    void otherFilesGetNoContentSecurityPolicy() throws Exception {
        HttpResponse<String> response = get("/pyodide/pyodide.asm.wasm");
        assertTrue(response.headers().firstValue("Content-Security-Policy").isEmpty());
        assertTrue(get("/nope.html").headers().firstValue("Content-Security-Policy").isEmpty());
    }

    @Test
    void anIndexHtmlInASubfolderIsNotTheEditor() throws Exception {
        Files.writeString(root.resolve("pyodide/index.html"), "<p>not the editor</p>");
        Files.writeString(root.resolve("pyodide/evalframe.html"), "<p>not the frame</p>");
        assertTrue(get("/pyodide/").headers().firstValue("Content-Security-Policy").isEmpty());
        assertTrue(get("/pyodide/evalframe.html").headers().firstValue("Content-Security-Policy").isEmpty());
    }

    @Test
    void missingFilesAre404() throws Exception {
        assertEquals(404, get("/nope.js").statusCode());
        assertEquals(List.of("/nope.js"), server.notFoundPaths());
    }

    @Test
    void pathsOutsideTheRootAreNotServed() throws Exception {
        assertEquals(404, get("/../secret.txt").statusCode());
        assertEquals(404, get("/%2e%2e/secret.txt").statusCode());
        assertEquals(404, get("/pyodide/../../secret.txt").statusCode());
    }

    @Test
    void onlyReadingMethodsAreAllowed() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.uri())
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, response.statusCode());
    }

    @Test
    void refusesToStartWithoutABuiltSite(@TempDir Path empty) {
        IOException e = assertThrows(IOException.class, () -> SiteServer.start(empty, 0));
        assertTrue(e.getMessage().contains("index.html"), e.getMessage());
    }
}

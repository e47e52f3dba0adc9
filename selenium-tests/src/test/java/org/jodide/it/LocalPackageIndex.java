package org.jodide.it;

import org.jodide.browser.BuiltSite;
import org.jodide.site.SiteServer;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A package index laid out like the official one (its own pyodide-lock.json next to the wheels)
 * holding one pure-Python package, served on a port of its own by a SiteServer, which sends
 * Access-Control-Allow-Origin and validators (ETag, Last-Modified) as a CDN does.
 */
final class LocalPackageIndex {
    /** The package's name differs from the module it provides: only the index's lock file links the two. */
    static final String PACKAGE = "jodide-greeting";
    static final String MODULE = "jodide_hello";
    static final String WHEEL = "jodide_greeting-1.0-py3-none-any.whl";
    /** Python that imports the module and shows what it returns: {@link #GREETING_VALUE}. */
    static final String CODE = "import " + MODULE + "\n" + MODULE + ".greet()";
    /** {@link #CODE} as a notebook's chunk. */
    static final String CHUNK = "%% py\n" + CODE + "\n";
    static final String GREETING_VALUE = "'hello from the local index'";

    private LocalPackageIndex() {
    }

    /** Writes the index into {@code folder} (the wheel, its lock file, a page) and serves it. */
    static SiteServer serve(Path folder) throws Exception {
        byte[] wheel = wheel();
        Files.write(folder.resolve(WHEEL), wheel);
        Files.writeString(folder.resolve("pyodide-lock.json"), lockFile(sha256(wheel)));
        Files.writeString(folder.resolve("index.html"), "a package index");
        return SiteServer.start(folder, 0);
    }

    /**
     * Runs {@link #CHUNK} in {@code page} opened with {@code packages} as its index, then again after a
     * reload, and checks that the revisit downloaded nothing again from the index: the report's frame
     * has an opaque origin, which the browser gives no HTTP cache from one visit to the next, so the
     * editor page fetches the index's files for it (page/package-files.js) and a revisit takes the
     * wheel from the page's cache, asking only whether it changed (304).
     */
    static void assertARevisitDownloadsNothingAgain(NotebookPage page, SiteServer packages) {
        String query = "?packageIndex=" + packages.uri();
        page.openWith(query);
        page.replaceText(CHUNK);
        NotebookPage.ConsoleEntry first = page.runWithShiftEnter();
        assertEquals(GREETING_VALUE, first.value(), first.error() + "\n" + first.output());
        List<String> firstVisit = packages.downloadedPaths();
        assertTrue(firstVisit.contains("/" + WHEEL), firstVisit.toString());

        page.reopenWith(query);
        page.replaceText(CHUNK);
        NotebookPage.ConsoleEntry second = page.runWithShiftEnter();
        assertEquals(GREETING_VALUE, second.value(), second.error() + "\n" + second.output());
        List<String> asked = packages.answeredRequests();
        assertEquals(firstVisit, packages.downloadedPaths(), "nothing was downloaded again, neither the wheel nor the lock file: " + asked);
        assertTrue(asked.contains("GET /" + WHEEL + " 304"), "the revisit asked whether the wheel changed: " + asked);
    }

    /**
     * Waits until the editor page has kept its copies of the index's lock file and wheel in Cache
     * Storage ({@code jodide.packages}, page/package-store.js), which it writes after it has answered
     * the frame: only then can the package load again with the index out of reach.
     */
    static void awaitCopiesKept(WebDriver driver, SiteServer packages) {
        List<String> kept = List.of(packages.uri() + "pyodide-lock.json", packages.uri() + WHEEL);
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(
                ((JavascriptExecutor) d).executeAsyncScript("const [urls, done] = arguments;"
                        + "caches.open('jodide.packages').then((cache) => Promise.all(urls.map((url) => cache.match(url))))"
                        + ".then((copies) => done(copies.every(Boolean)), () => done(false));", kept)));
    }

    /** pyodide-lock.json with the shipped one's info (Pyodide checks its ABI version) and one package. */
    private static String lockFile(String sha256) throws IOException {
        Json json = new Json();
        Map<?, ?> shipped = json.toType(Files.readString(BuiltSite.root().resolve("pyodide/pyodide-lock.json")), Map.class);
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", PACKAGE);
        entry.put("version", "1.0");
        entry.put("file_name", WHEEL);
        entry.put("install_dir", "site");
        entry.put("sha256", sha256);
        entry.put("package_type", "package");
        entry.put("imports", List.of(MODULE));
        entry.put("depends", List.of());
        return json.toJson(Map.of("info", shipped.get("info"), "packages", Map.of(PACKAGE, entry)));
    }

    /** A pure-Python wheel (see PackagesIT.buildWheel): package jodide-greeting, module jodide_hello. */
    private static byte[] wheel() throws IOException {
        String distInfo = "jodide_greeting-1.0.dist-info/";
        String[][] entries = {
                {MODULE + "/__init__.py", "def greet():\n    return " + GREETING_VALUE + "\n"},
                {distInfo + "METADATA", "Metadata-Version: 2.1\nName: " + PACKAGE + "\nVersion: 1.0\n"},
                {distInfo + "WHEEL", "Wheel-Version: 1.0\nGenerator: jodide-tests\nRoot-Is-Purelib: true\nTag: py3-none-any\n"},
                {distInfo + "top_level.txt", MODULE + "\n"},
                {distInfo + "RECORD", MODULE + "/__init__.py,,\n" + distInfo + "METADATA,,\n" + distInfo + "WHEEL,,\n"
                        + distInfo + "top_level.txt,,\n" + distInfo + "RECORD,,\n"}};
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String[] file : entries) {
                zip.putNextEntry(new ZipEntry(file[0]));
                zip.write(file[1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static String sha256(byte[] data) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }
}

package org.jodide.it;

import org.jodide.browser.BuiltSite;
import org.jodide.site.SiteServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.json.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Packages load from a package index laid out like the official one (its own pyodide-lock.json
 * next to the wheels), built here and served on another port; and without {@code ?packageIndex=}
 * the official index of the shipped Pyodide version is the one asked.
 */
class PackageIndexIT {
    @RegisterExtension
    static final SiteExtension SITE = new SiteExtension();

    /** The package's name differs from the module it provides: only the index's lock file links the two. */
    private static final String PACKAGE = "jodide-greeting";
    private static final String MODULE = "jodide_hello";
    private static final String WHEEL = "jodide_greeting-1.0-py3-none-any.whl";

    @Test
    void importingAModuleLoadsItsPackageFromTheIndexGivenInTheUrl(@TempDir Path index) throws Exception {
        try (SiteServer packages = servedIndex(index)) {
            String indexUrl = packages.uri().toString();
            NotebookPage page = SITE.notebookPage().openWith("?packageIndex=" + indexUrl);
            page.replaceText("%% py\nimport " + MODULE + "\n" + MODULE + ".greet()\n");
            NotebookPage.ConsoleEntry entry = page.runWithShiftEnter();

            assertEquals("'hello from the local index'", entry.value(), entry.error() + "\n" + entry.output());
            assertTrue(entry.output().contains("Loading " + MODULE + " from " + indexUrl), entry.output());
            assertTrue(entry.output().contains("Loaded " + PACKAGE), "Pyodide's progress shows: " + entry.output());
            assertEquals(List.of(), packages.notFoundPaths(), "the index served its lock file and the wheel");
        }
    }

    /**
     * The report's frame has an opaque origin, so whatever it fetches itself is downloaded again at
     * every visit; the editor page fetches the index's files for it (page/package-files.js), so a
     * revisit takes the wheel from the browser's cache: this index, which sends validators, is only
     * asked whether it changed (304).
     */
    @Test
    void aRevisitTakesThePackageFromTheBrowsersCacheInsteadOfDownloadingItAgain(@TempDir Path index) throws Exception {
        try (SiteServer packages = servedIndex(index)) {
            String query = "?packageIndex=" + packages.uri();
            String chunk = "%% py\nimport " + MODULE + "\n" + MODULE + ".greet()\n";
            NotebookPage page = SITE.notebookPage().openWith(query);
            page.replaceText(chunk);
            NotebookPage.ConsoleEntry first = page.runWithShiftEnter();
            assertEquals("'hello from the local index'", first.value(), first.error() + "\n" + first.output());
            List<String> firstVisit = packages.downloadedPaths();
            assertTrue(firstVisit.contains("/" + WHEEL), firstVisit.toString());

            page.reopenWith(query);
            page.replaceText(chunk);
            NotebookPage.ConsoleEntry second = page.runWithShiftEnter();
            assertEquals("'hello from the local index'", second.value(), second.error() + "\n" + second.output());
            List<String> asked = packages.answeredRequests();
            assertEquals(firstVisit, packages.downloadedPaths(), "nothing was downloaded again, neither the wheel nor the lock file: " + asked);
            assertTrue(asked.contains("GET /" + WHEEL + " 304"), "the revisit asked whether the wheel changed: " + asked);
        }
    }

    @Test
    void withoutAnIndexTheOfficialIndexOfTheShippedVersionIsAsked() {
        // No internet here: the official index cannot answer, but the message names the URL that was asked.
        NotebookPage page = SITE.notebookPage().openWith("?packageTimeoutMs=10000");
        page.replaceText("%% py\nimport numpy\n");
        NotebookPage.ConsoleEntry entry = page.runWithShiftEnter();
        String official = "https://cdn.jsdelivr.net/pyodide/v314.0.7/full/";
        assertEquals("error", entry.state());
        assertTrue(entry.output().contains("Loading numpy from " + official), entry.output());
        assertTrue(entry.error().contains(official), entry.error());
        assertFalse(entry.error().contains("vundefined"), entry.error());
    }

    /** An index in {@code folder}, served on a port of its own: the wheel, its lock file and a page. */
    private static SiteServer servedIndex(Path folder) throws Exception {
        byte[] wheel = wheel();
        Files.write(folder.resolve(WHEEL), wheel);
        Files.writeString(folder.resolve("pyodide-lock.json"), lockFile(sha256(wheel)));
        Files.writeString(folder.resolve("index.html"), "a package index");
        return SiteServer.start(folder, 0);
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
                {MODULE + "/__init__.py", "def greet():\n    return 'hello from the local index'\n"},
                {distInfo + "METADATA", "Metadata-Version: 2.1\nName: " + PACKAGE + "\nVersion: 1.0\n"},
                {distInfo + "WHEEL", "Wheel-Version: 1.0\nGenerator: jodide-tests\nRoot-Is-Purelib: true\nTag: py3-none-any\n"},
                {distInfo + "top_level.txt", MODULE + "\n"},
                {distInfo + "RECORD", MODULE + "/__init__.py,,\n" + distInfo + "METADATA,,\n" + distInfo + "WHEEL,,\n"
                        + distInfo + "top_level.txt,,\n" + distInfo + "RECORD,,\n"}};
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
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

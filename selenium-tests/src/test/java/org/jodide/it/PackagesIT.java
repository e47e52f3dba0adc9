package org.jodide.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.jodide.site.SiteServer;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Packages a chunk imports load from the configured index before it runs; an unreachable or
 * silent index gives a clear error naming the package and the index, and never blocks the kernel;
 * each test with Python on the frame's main thread and in its worker ({@link PythonMode}).
 */
class PackagesIT {
    @RegisterExtension
    static final SiteExtension SITE = new SiteExtension();

    /** A package index that accepts connections and never answers. */
    private static ServerSocket silentIndex;
    private static final List<Socket> held = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startSilentIndex() throws IOException {
        silentIndex = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!silentIndex.isClosed()) {
                try {
                    held.add(silentIndex.accept());
                } catch (IOException e) {
                    return;
                }
            }
        }, "silent-package-index");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @AfterAll
    static void stopSilentIndex() throws IOException {
        silentIndex.close();
        for (Socket socket : held) {
            socket.close();
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @ParameterizedTest
    @EnumSource(value = PythonMode.class, names = PythonMode.DEFAULT_ONLY)
    void anUnreachableIndexGivesAnErrorNamingThePackageAndTheIndex(PythonMode mode) throws IOException {
        String index = "http://127.0.0.1:" + closedPort() + "/packages/";
        NotebookPage page = mode.open(SITE, "packageIndex=" + index);
        page.replaceText("%% py\nimport numpy\nnumpy.zeros(2)\n");
        NotebookPage.ConsoleEntry entry = page.runWithShiftEnter();
        assertEquals("error", entry.state());
        assertTrue(entry.error().contains("Could not load numpy from the package index " + index), entry.error());
        assertTrue(entry.output().contains("Loading numpy from " + index), "progress shows in the chunk's output");

        page.replaceText("%% py\n%pip install seaborn\n");
        NotebookPage.ConsoleEntry pip = page.runWithShiftEnter();
        assertTrue(pip.error() != null && pip.error().contains("Could not load micropip from the package index " + index),
                "%pip install goes through micropip, which loads from the index as an import does: " + pip.error());

        page.replaceText("%% py\n1+1\n");
        assertEquals("2", page.runWithShiftEnter().value(), "the kernel still runs code");
    }

    @ParameterizedTest
    @EnumSource(value = PythonMode.class, names = PythonMode.DEFAULT_ONLY)
    void aSilentIndexTimesOutAndNeverBlocksTheKernel(PythonMode mode) {
        String index = "http://127.0.0.1:" + silentIndex.getLocalPort() + "/";
        NotebookPage page = mode.open(SITE, "packageIndex=" + index + "&packageTimeoutMs=1000");
        page.replaceText("%% py\nimport numpy\n");
        NotebookPage.ConsoleEntry entry = page.runWithShiftEnter();
        assertEquals("error", entry.state());
        assertTrue(entry.error().contains("Could not load numpy: the package index " + index
                + " did not answer within 1 s"), entry.error());

        page.replaceText("%% py\n6*7\n");
        assertEquals("42", page.runWithShiftEnter().value(), "code that needs no package runs");

        page.replaceText("%% py\nimport pandas\n");
        NotebookPage.ConsoleEntry second = page.runWithShiftEnter();
        assertEquals("error", second.state());
        assertTrue(second.output().contains("Not loading pandas"), second.output());
        assertTrue(second.error().contains("ModuleNotFoundError"), second.error());

        page.click("restart-kernel");
        page.awaitKernelState("idle", NotebookPage.PYTHON);
        page.replaceText("%% py\nimport numpy\n");
        NotebookPage.ConsoleEntry retried = page.runWithShiftEnter();
        assertTrue(retried.output().contains("Loading numpy from " + index), "a restart tries the index again");
    }

    /** A pure-Python wheel, built here: a zip with the package and its .dist-info. */
    private static Path buildWheel(Path folder) throws IOException {
        String name = "jodide_demo-1.0-py3-none-any.whl";
        Path wheel = folder.resolve(name);
        String module = "def greet(who='wheel'):\n    return f'hello from a {who}'\n";
        String metadata = "Metadata-Version: 2.1\nName: jodide-demo\nVersion: 1.0\n";
        String wheelInfo = "Wheel-Version: 1.0\nGenerator: jodide-tests\nRoot-Is-Purelib: true\nTag: py3-none-any\n";
        String record = "jodide_demo/__init__.py,,\njodide_demo-1.0.dist-info/METADATA,,\n"
                + "jodide_demo-1.0.dist-info/WHEEL,,\njodide_demo-1.0.dist-info/RECORD,,\n";
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(wheel))) {
            for (String[] entry : new String[][] {
                    {"jodide_demo/__init__.py", module},
                    {"jodide_demo-1.0.dist-info/METADATA", metadata},
                    {"jodide_demo-1.0.dist-info/WHEEL", wheelInfo},
                    {"jodide_demo-1.0.dist-info/RECORD", record}}) {
                zip.putNextEntry(new ZipEntry(entry[0]));
                zip.write(entry[1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return wheel;
    }

    @ParameterizedTest
    @EnumSource(value = PythonMode.class, names = PythonMode.DEFAULT_ONLY)
    void aWheelLineInstallsAPurePythonWheelBuiltByTheTest(PythonMode mode, @TempDir Path folder) throws IOException {
        Path wheel = buildWheel(folder);
        Files.writeString(folder.resolve("index.html"), "wheels");
        try (SiteServer wheels = SiteServer.start(folder, 0)) {
            NotebookPage page = mode.open(SITE);
            page.replaceText("%% fetch\nwheel: " + wheels.uri() + wheel.getFileName() + "\n"
                    + "%% py\nimport jodide_demo\njodide_demo.greet()\n");
            page.click("run-all");
            NotebookPage.ConsoleEntry install = page.awaitEntry(0);
            assertEquals("done", install.state(), install.error() + "\n" + install.output());
            assertTrue(install.output().contains("✓ line 2: wheel: "), install.output());
            assertEquals("'hello from a wheel'", page.awaitEntry(1).value());
        }
    }

    @ParameterizedTest
    @EnumSource(value = PythonMode.class, names = PythonMode.DEFAULT_ONLY)
    void aMissingWheelFailsItsLineAndStopsRunAll(PythonMode mode, @TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("index.html"), "no wheels here");
        try (SiteServer wheels = SiteServer.start(folder, 0)) {
            NotebookPage page = mode.open(SITE);
            page.replaceText("%% fetch\nwheel: " + wheels.uri() + "missing-1.0-py3-none-any.whl\n%% py\n'must not run'\n");
            page.click("run-all");
            NotebookPage.ConsoleEntry install = page.awaitEntry(0);
            assertEquals("error", install.state());
            assertTrue(install.output().contains("✗ line 2: wheel: "), install.output());
            new WebDriverWait(SITE.browser().driver(), Duration.ofSeconds(10)).until(d ->
                    !d.findElements(By.cssSelector("#console .console-note")).isEmpty());
            assertEquals(1, page.consoleEntries().size());
        }
    }

    @ParameterizedTest
    @EnumSource(value = PythonMode.class, names = PythonMode.DEFAULT_ONLY)
    void stdlibImportsNeedNoIndex(PythonMode mode) {
        NotebookPage page = mode.open(SITE, "packageIndex=http://127.0.0.1:1/");
        page.replaceText("%% py\nimport json, sqlite3, decimal, hashlib\nhashlib.sha256(b'x').hexdigest()[:8]\n");
        NotebookPage.ConsoleEntry entry = page.runWithShiftEnter();
        assertEquals("'2d711642'", entry.value(), entry.error());
        assertTrue(SITE.browser().driver().findElements(By.cssSelector(".console-status")).isEmpty());
    }
}

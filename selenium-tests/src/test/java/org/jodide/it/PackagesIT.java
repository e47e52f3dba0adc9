package org.jodide.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
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
 * silent index gives a clear error naming the package and the index, and never blocks the kernel.
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

    private NotebookPage openWith(String query) {
        WebDriver driver = SITE.browser().driver();
        driver.get(SITE.server().uri() + "?" + query);
        NotebookPage page = SITE.notebookPage();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> page.editor().isDisplayed());
        return page;
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void anUnreachableIndexGivesAnErrorNamingThePackageAndTheIndex() throws IOException {
        String index = "http://127.0.0.1:" + closedPort() + "/packages/";
        NotebookPage page = openWith("packageIndex=" + index);
        page.replaceText("%% py\nimport numpy\nnumpy.zeros(2)\n");
        NotebookPage.ConsoleEntry entry = page.runWithShiftEnter();
        assertEquals("error", entry.state());
        assertTrue(entry.error().contains("Could not load numpy from the package index " + index), entry.error());
        assertTrue(entry.output().contains("Loading numpy from " + index), "progress shows in the chunk's output");

        page.replaceText("%% py\n1+1\n");
        assertEquals("2", page.runWithShiftEnter().value(), "the kernel still runs code");
    }

    @Test
    void aSilentIndexTimesOutAndNeverBlocksTheKernel() {
        String index = "http://127.0.0.1:" + silentIndex.getLocalPort() + "/";
        NotebookPage page = openWith("packageIndex=" + index + "&packageTimeoutMs=3000");
        page.replaceText("%% py\nimport numpy\n");
        NotebookPage.ConsoleEntry entry = page.runWithShiftEnter();
        assertEquals("error", entry.state());
        assertTrue(entry.error().contains("Could not load numpy: the package index " + index
                + " did not answer within 3 s"), entry.error());

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

    @Test
    void stdlibImportsNeedNoIndex() {
        NotebookPage page = openWith("packageIndex=http://127.0.0.1:1/");
        page.replaceText("%% py\nimport json, sqlite3, decimal, hashlib\nhashlib.sha256(b'x').hexdigest()[:8]\n");
        NotebookPage.ConsoleEntry entry = page.runWithShiftEnter();
        assertEquals("'2d711642'", entry.value(), entry.error());
        assertTrue(SITE.browser().driver().findElements(By.cssSelector(".console-status")).isEmpty());
    }
}

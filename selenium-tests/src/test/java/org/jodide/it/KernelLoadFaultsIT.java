package org.jodide.it;

import org.jodide.browser.BuiltSite;
import org.jodide.browser.HeadlessChromium;
import org.jodide.site.SiteServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pyodide's files truncated or stalling, or the kernel's own Python missing: the kernel fails
 * within its load deadline with a message in the kernel status and the console, and a visible
 * Retry loads it again once the files are there. (A missing Wasm binary: {@link KernelFailureIT}.)
 */
class KernelLoadFaultsIT {
    @TempDir
    static Path truncatedSite;
    @TempDir
    static Path siteWithoutKernel;
    private static SiteServer site;
    private static SiteServer truncated;
    private static SiteServer withoutKernel;
    private static HeadlessChromium browser;

    @BeforeAll
    static void serve() throws IOException {
        Path root = BuiltSite.root().toAbsolutePath().normalize();
        site = SiteServer.start(root, 0);
        SiteCopy.linkExcept(root, truncatedSite, Set.of("pyodide/pyodide.asm.wasm"));
        try (InputStream wasm = Files.newInputStream(root.resolve("pyodide/pyodide.asm.wasm"))) {
            Files.write(truncatedSite.resolve("pyodide/pyodide.asm.wasm"), wasm.readNBytes(200_000));
        }
        truncated = SiteServer.start(truncatedSite, 0);
        SiteCopy.linkExcept(root, siteWithoutKernel, Set.of("pyodide/jodide-kernel.json"));
        withoutKernel = SiteServer.start(siteWithoutKernel, 0);
        browser = HeadlessChromium.start();
    }

    @AfterAll
    static void stop() {
        browser.close();
        truncated.close();
        withoutKernel.close();
        site.close();
    }

    @Test
    void aTruncatedWasmBinaryFailsWithAMessageAndJavascriptStillRuns() {
        NotebookPage page = new NotebookPage(browser.driver(), truncated.uri()).open();
        String text = "%% py\n1+1\n%% js\n6*7\n";
        page.replaceText(text);
        page.awaitKernelState("failed", Duration.ofSeconds(90));
        assertTrue(status(page).contains("Pyodide could not be loaded"), status(page));
        assertTrue(consoleFault(page).contains("Python could not start"), consoleFault(page));
        assertTrue(browser.driver().findElement(By.id("retry-kernel")).isDisplayed(), "Retry is offered");

        page.putCursorAt(0);
        NotebookPage.ConsoleEntry python = page.runWithShiftEnter();
        assertEquals("error", python.state());
        assertTrue(python.error().contains("Python is not available"), python.error());
        assertEquals("42", page.runWithShiftEnter().value());
        assertEquals(text, page.editorText());
    }

    @Test
    void aMissingKernelFileFailsAtOnceNamingTheFileAndJavascriptStillRuns() {
        NotebookPage page = new NotebookPage(browser.driver(), withoutKernel.uri()).open();
        String text = "%% py\n1+1\n%% js\n6*7\n";
        page.replaceText(text);
        page.awaitKernelState("failed", Duration.ofSeconds(60));
        assertTrue(status(page).contains("could not read the Jodide kernel's Python"), status(page));
        assertTrue(status(page).contains("pyodide/jodide-kernel.json"), status(page));
        assertTrue(status(page).contains("HTTP 404"), status(page));
        assertTrue(consoleFault(page).contains("Python could not start"), consoleFault(page));
        assertTrue(browser.driver().findElement(By.id("retry-kernel")).isDisplayed(), "Retry is offered");

        page.putCursorAt(0);
        NotebookPage.ConsoleEntry python = page.runWithShiftEnter();
        assertEquals("error", python.state());
        assertTrue(python.error().contains("Python is not available"), python.error());
        assertEquals("42", page.runWithShiftEnter().value());
        assertEquals(text, page.editorText());
    }

    @Test
    void aStalledDownloadEndsAtTheLoadDeadlineAndRetryLoadsPython() throws IOException {
        try (StallingProxy proxy = new StallingProxy(site.uri(), "/pyodide.asm.wasm")) {
            NotebookPage page = new NotebookPage(browser.driver(), proxy.uri()).openWith("?loadTimeoutMs=15000");
            String text = "%% py\n1+1\n%% js\n6*7\n";
            page.replaceText(text);
            page.awaitKernelState("failed", Duration.ofSeconds(60));
            assertTrue(status(page).contains("did not finish loading within 15 s"), status(page));
            assertTrue(consoleFault(page).contains("did not finish loading within 15 s"), consoleFault(page));

            proxy.stopStalling();
            page.click("retry-kernel");
            page.awaitKernelState("idle", NotebookPage.PYTHON);
            assertFalse(browser.driver().findElement(By.id("retry-kernel")).isDisplayed(), "Retry is gone once Python runs");
            page.putCursorAt(0);
            assertEquals("2", page.runWithShiftEnter().value());
            assertEquals("42", page.runWithShiftEnter().value());
            assertEquals(text, page.editorText());
        }
    }

    private static String status(NotebookPage page) {
        return browser.driver().findElement(By.id("kernel-status")).getDomAttribute("title");
    }

    private static String consoleFault(NotebookPage page) {
        return browser.driver().findElements(By.cssSelector("#console .console-fault")).stream()
                .map(org.openqa.selenium.WebElement::getText).findFirst().orElse("");
    }
}

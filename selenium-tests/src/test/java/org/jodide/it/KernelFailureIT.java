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
import java.nio.file.Path;
import java.util.Set;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When Python cannot load, the user is told where they look, and the rest of the notebook still works. */
class KernelFailureIT {
    @TempDir
    static Path brokenSite;
    private static SiteServer server;
    private static HeadlessChromium browser;

    /** The built site, linked file by file, without Pyodide's Wasm binary. */
    @BeforeAll
    static void serveASiteWithoutPyodidesWasm() throws IOException {
        SiteCopy.linkExcept(BuiltSite.root().toAbsolutePath().normalize(), brokenSite, Set.of("pyodide/pyodide.asm.wasm"));
        server = SiteServer.start(brokenSite, 0);
        browser = HeadlessChromium.start();
    }

    @AfterAll
    static void stop() {
        browser.close();
        server.close();
    }

    @Test
    void pythonChunksSayWhyPythonIsMissingAndJavascriptStillRuns() {
        NotebookPage page = new NotebookPage(browser.driver(), server.uri()).open();
        String text = "%% py\n1+1\n%% js\n6*7\n";
        page.replaceText(text);
        page.awaitKernelState("failed", Duration.ofSeconds(60));
        String detail = browser.driver().findElement(By.id("kernel-status")).getDomAttribute("title");
        assertTrue(detail.contains("Pyodide could not be loaded"), detail);
        String told = browser.driver().findElement(By.cssSelector("#console .console-fault")).getText();
        assertTrue(told.contains("Python could not start: Pyodide could not be loaded"), told);
        assertTrue(browser.driver().findElement(By.id("retry-kernel")).isDisplayed(), "Retry is offered");

        page.putCursorAt(0);
        NotebookPage.ConsoleEntry python = page.runWithShiftEnter();
        assertEquals("error", python.state());
        assertTrue(python.error().contains("Python is not available: Pyodide could not be loaded"), python.error());
        assertEquals("42", page.runWithShiftEnter().value(), "JavaScript does not need Python");
        assertEquals(text, page.editorText(), "the text is untouched");
    }
}

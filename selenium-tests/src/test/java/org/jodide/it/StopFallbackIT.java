package org.jodide.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where Python runs on the eval frame's main thread (the default, and the fallback when the page
 * is not cross-origin isolated), the UI says that Stop restarts the kernel, and Stop does.
 */
class StopFallbackIT {
    @RegisterExtension
    static final SiteExtension SITE = new SiteExtension();

    @Test
    void onTheMainThreadStopSaysAndDoesARestart() {
        NotebookPage page = SITE.notebookPage().open();
        String notebook = "%% py\nwhile True: pass\n%% py\n1+1\n";
        page.replaceText(notebook);
        page.awaitKernelState("idle", NotebookPage.PYTHON);
        WebElement stop = SITE.browser().driver().findElement(By.id("stop-run"));
        assertEquals("restarts", stop.getDomAttribute("data-stop"));
        assertTrue(stop.getDomAttribute("title").contains("restarting the kernel"), stop.getDomAttribute("title"));

        int loop = page.consoleEntries().size();
        page.putCursorAt(notebook.indexOf("while"));
        page.pressShiftEnter();
        new WebDriverWait(SITE.browser().driver(), Duration.ofSeconds(10)).until(d -> page.consoleEntries().size() > loop);
        page.awaitKernelState("busy", Duration.ofSeconds(10));
        page.click("stop-run");
        NotebookPage.ConsoleEntry stopped = page.awaitEntry(loop);
        assertTrue(stopped.error().contains("restarted"), stopped.error());
        List<WebElement> notes = SITE.browser().driver().findElements(By.cssSelector("#console .console-note"));
        assertTrue(notes.stream().anyMatch(note -> note.getText().contains("Stop restarted the kernel")),
                "the console says Stop restarted the kernel");
        page.awaitKernelState("idle", NotebookPage.PYTHON);
        page.putCursorAt(notebook.indexOf("1+1"));
        assertEquals("2", page.runWithShiftEnter().value());
    }
}

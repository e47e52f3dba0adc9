package org.jodide.it;

import org.jodide.site.SiteServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The site on a server that sends none of Jodide's headers, as {@code python3 -m http.server}
 * ({@link SiteServer.Isolation#BARE}): the sandboxed report frame cannot load its scripts there.
 * What the user gets is not an endless "loading": the kernel shows failed, the console says why
 * and which header the host must send, and the editor keeps working.
 */
class PlainHostIT {
    @RegisterExtension
    static final SiteExtension SITE = new SiteExtension(SiteServer.Isolation.BARE);

    @Test
    void theConsoleSaysWhyTheReportCannotStartAndTheEditorKeepsWorking() {
        NotebookPage page = SITE.notebookPage().open();
        page.awaitKernelState("failed", Duration.ofSeconds(60));
        String fault = new WebDriverWait(SITE.browser().driver(), Duration.ofSeconds(60)).until(d ->
                d.findElements(By.cssSelector("#console .console-fault")).stream().map(WebElement::getText)
                        .filter(text -> text.contains("report could not start")).findFirst().orElse(null));
        assertTrue(fault.contains("Access-Control-Allow-Origin"), fault);
        assertTrue(fault.contains("python3 -m http.server"), fault);
        assertTrue(fault.contains("keeps your text"), fault);

        page.replaceText("%% md\n# Still editing\n");
        assertEquals("%% md\n# Still editing\n", page.editorText());
    }
}

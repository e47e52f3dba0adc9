package org.jodide.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The console's Clear button empties the console, as a terminal's or DevTools' clear does. */
class ConsoleClearIT {
    @RegisterExtension
    static final SiteExtension SITE = new SiteExtension();

    /** The console's children (entries, notes, faults) as text. */
    @SuppressWarnings("unchecked")
    private static List<String> consoleChildren(NotebookPage page) {
        return (List<String>) page.script("return [...document.getElementById('console').children]"
                + ".map(e => e.className + ' ' + (e.getAttribute('data-state') || '') + ' ' + e.innerText);");
    }

    /**
     * Entries and notes go; a run still going (waiting for input()) keeps its entry, which goes on
     * filling in; the outputs under the chunks stay; the console takes new runs after.
     */
    @Test
    void clearEmptiesTheConsoleButARunStillGoingStays() {
        NotebookPage page = SITE.notebookPage().open();
        page.replaceText("%% py\nprint('done before')\n%% py\nprint('asking')\nanswer = input('Go? ')\nanswer\n");
        page.click("run-all");
        assertNull(page.awaitEntry(0).error());
        WebElement field = new WebDriverWait(SITE.browser().driver(), Duration.ofSeconds(30)).until(d ->
                d.findElements(By.cssSelector(".console-question input")).stream().findFirst().orElse(null));

        page.click("clear-console");
        new WebDriverWait(SITE.browser().driver(), Duration.ofSeconds(5)).until(d -> consoleChildren(page).size() == 1);
        String left = consoleChildren(page).get(0);
        assertTrue(left.startsWith("console-entry running") && left.contains("asking"), left);
        assertEquals(2, SITE.browser().driver().findElements(By.cssSelector("#notebook-editor .chunk-output")).size(),
                "the outputs under the chunks stay");

        field.sendKeys("yes", Keys.ENTER);
        assertEquals("'yes'", page.awaitEntry(0).value(), "the run kept going in its entry");
        page.click("clear-console");
        new WebDriverWait(SITE.browser().driver(), Duration.ofSeconds(5)).until(d -> consoleChildren(page).isEmpty());
        page.click("run-all");
        assertTrue(page.awaitEntry(0).output().contains("done before"), "new runs fill the console from its top");
        new WebDriverWait(SITE.browser().driver(), Duration.ofSeconds(30)).until(d ->
                d.findElements(By.cssSelector(".console-question input")).stream().findFirst().orElse(null)).sendKeys("no", Keys.ENTER);
        assertEquals("'no'", page.awaitEntry(1).value());
    }
}

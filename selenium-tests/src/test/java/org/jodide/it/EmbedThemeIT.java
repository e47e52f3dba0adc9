package org.jodide.it;

import org.jodide.site.SiteServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The light and dark looks of embedded cells (docs/embed.md, "Light and dark"): a documentation page
 * with a theme of its own says which with {@code data-jodide-theme} on the script tag, whatever the
 * reader's system is set to, and its theme switch calls {@code jodideEmbed.setTheme}; "auto" follows
 * the system. Cells, an embedded notebook and its cell, their code editors (CodeMirror, once loaded)
 * and their outputs (a value, HTML, markdown with highlighted code) all take the look, and each look
 * passes an accessibility audit (axe-core, {@link AxeAudit}: contrast included).
 */
class EmbedThemeIT {
    @RegisterExtension
    static final SiteExtension SITE = new SiteExtension();

    @TempDir
    static Path hostRoot;
    private static SiteServer host;

    private static final Duration SHORT = Duration.ofSeconds(10);

    /** A cell with every kind of output, and a notebook holding markdown and a cell. */
    private static final String BLOCKS = ""
            + "<pre data-iomd=\"py\">from IPython.display import HTML, Markdown, display\n"
            + "display(HTML('&lt;table&gt;&lt;tr&gt;&lt;th&gt;bed&lt;/th&gt;&lt;td&gt;12&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;'))\n"
            + "display(Markdown('Some **markdown** and `code`:\\n\\n```python\\nimport os\\n```'))\n"
            + "print('printed')\n"
            + "{'beds': 2}</pre>\n"
            + "<script type=\"text/iomd\">\n%% md\n## A notebook in the page\nText and a [link](https://example.com).\n"
            + "%% py\nprint('from the notebook')\n</script>\n";

    @BeforeAll
    static void startTheDocumentationSite() throws IOException {
        Files.writeString(hostRoot.resolve("index.html"), "documentation site");
        Files.writeString(hostRoot.resolve("dark.html"), page("data-jodide-theme=\"dark\" "));
        host = SiteServer.start(hostRoot, 0);
    }

    @AfterAll
    static void stopTheDocumentationSite() {
        SITE.browser().emulateColourScheme("light");
        if (host != null) {
            host.close();
        }
    }

    private static String page(String attributes) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Themed cells</title>\n"
                + "<style>body { background: #0d1117; color: #e6edf3; }</style></head>\n"
                + "<body><main><h1>Themed cells</h1>\n" + BLOCKS + "</main>\n"
                + "<script src=\"" + SITE.uri() + "embed.js\" " + attributes + "defer></script>\n</body></html>\n";
    }

    @Test
    void thePagesThemeHoldsOverTheSystemsAndItsSwitchChangesIt() {
        SITE.browser().emulateColourScheme("light");
        EmbeddedCells cells = EmbeddedCells.open(driver(), host.uri() + "dark.html", 2);
        awaitLooks("dark");
        for (int cell = 0; cell < 2; cell++) {
            cells.cell(cell).runAndAwait();
        }
        awaitEditors("dark");
        assertEquals("rgb(13, 17, 23)", frameBackground(), "a cell's box is dark on a light system");
        AxeAudit.assertPasses(driver(), "the dark cells");

        script("window.jodideEmbed.setTheme('light');");
        awaitLooks("light");
        awaitEditors("light");
        assertEquals("rgb(255, 255, 255)", frameBackground());
        script("document.body.style.cssText = 'background: #fff; color: #1f2328';");
        AxeAudit.assertPasses(driver(), "the light cells");

        SITE.browser().emulateColourScheme("dark");
        script("window.jodideEmbed.setTheme('auto');");
        awaitLooks("dark");
        awaitEditors("dark");
        SITE.browser().emulateColourScheme("light");
        awaitLooks("light");
        awaitEditors("light");
        assertEquals("auto", script("return window.jodideEmbed.theme;"));
    }

    /** The looks of every cell and notebook host, the notebook's cell included. */
    private static final String LOOKS = "const hosts = [...document.querySelectorAll('.jodide-cell, .jodide-notebook')];"
            + " hosts.push(...hosts.filter((h) => h.shadowRoot).flatMap((h) => [...h.shadowRoot.querySelectorAll('.jodide-cell')]));"
            + " return [...new Set(hosts.map((h) => h.dataset.look))].join(' ') + ' of ' + hosts.length;";

    private void awaitLooks(String look) {
        String expected = look + " of 3";
        new WebDriverWait(driver(), SHORT).until(d -> expected.equals(script(LOOKS)));
    }

    /** Every cell's CodeMirror editor (the notebook's cell included) shows {@code theme}. */
    private void awaitEditors(String theme) {
        String editors = "const cells = [...document.querySelectorAll('.jodide-cell'),"
                + " ...[...document.querySelectorAll('.jodide-notebook')].flatMap((n) => [...n.shadowRoot.querySelectorAll('.jodide-cell')])];"
                + " return cells.map((c) => { const editor = c.shadowRoot.querySelector('.cm-editor');"
                + "   return editor ? editor.dataset.theme : 'no editor'; }).join(' ');";
        String expected = theme + " " + theme;
        new WebDriverWait(driver(), SHORT).until(d -> expected.equals(script(editors)));
    }

    private String frameBackground() {
        return (String) script("return getComputedStyle(document.querySelector('.jodide-cell').shadowRoot"
                + ".querySelector('.jodide-frame')).backgroundColor;");
    }

    private static Object script(String script) {
        return ((JavascriptExecutor) driver()).executeScript(script);
    }

    private static WebDriver driver() {
        return SITE.browser().driver();
    }

}

package org.jodide.it;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Rich output cannot restyle, cover or make requests for the editor page: it renders in a closed
 * shadow root inside a paint-contained wrapper, and the page's Content-Security-Policy keeps its
 * CSS from loading anything from other servers.
 */
class OutputIsolationIT {
    @RegisterExtension
    static final SiteExtension SITE = new SiteExtension();

    private static NotebookPage page;
    /** Another origin, counting the requests it gets. */
    private static HttpServer other;
    private static final List<String> requests = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        other = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        other.createContext("/", exchange -> {
            requests.add(exchange.getRequestURI().toString());
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        other.start();
        page = SITE.notebookPage().open();
    }

    @AfterAll
    static void stop() {
        other.stop(0);
    }

    private static String otherUrl(String path) {
        return "http://127.0.0.1:" + other.getAddress().getPort() + "/" + path;
    }

    /** What a user sees of the Run all button. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> runAllLook() {
        return (Map<String, Object>) page.script("const button = document.getElementById('run-all');"
                + "const style = getComputedStyle(button); const box = button.getBoundingClientRect();"
                + "const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);"
                + "return {display: style.display, visibility: style.visibility, opacity: style.opacity,"
                + " color: style.color, background: style.backgroundColor,"
                + " x: box.x, y: box.y, width: box.width, height: box.height,"
                + " hit: hit === button, body: getComputedStyle(document.body).backgroundColor,"
                + " toolbar: getComputedStyle(document.querySelector('.toolbar')).visibility};");
    }

    @Test
    void styledOutputStaysInsideItsOwnBox() {
        Map<String, Object> before = runAllLook();
        assertEquals(true, before.get("hit"), "the button is on top before the run");
        page.script("window.cspViolations = [];"
                + "document.addEventListener('securitypolicyviolation', e => window.cspViolations.push(e.blockedURI));");
        String evil = "<p class=\"evil\">styled</p>"
                + "<style>#run-all { display: none !important; } body { background: rgb(255, 0, 0) !important; }"
                + " .toolbar { visibility: hidden !important; } :host { position: fixed !important; inset: 0; }"
                + " .evil { background-image: url(" + otherUrl("background.png") + "); }"
                + " @font-face { font-family: Evil; src: url(" + otherUrl("font.woff") + "); } .evil { font-family: Evil; }</style>"
                + "<div style=\"position: fixed; top: 0; left: 0; width: 100vw; height: 100vh; z-index: 2147483647;"
                + " background: white\">Session expired \u2013 sign in again</div>"
                + "<img src=\"" + otherUrl("image.png") + "\" alt=\"\">";
        String table = "<style>#T_abc_row0_col0 { background-color: rgb(0, 128, 0); color: rgb(255, 255, 255); }</style>"
                + "<table id=\"T_abc\"><tr><td id=\"T_abc_row0_col0\">42</td></tr></table>";
        page.replaceText("%% py hideOutput\n"
                + "class Html:\n    def __init__(self, html): self.html = html\n"
                + "    def _repr_html_(self): return self.html\n"
                + "display(Html(" + pythonString(evil) + "))\n"
                + "Html(" + pythonString(table) + ")\n");
        NotebookPage.ConsoleEntry entry = page.runWithShiftEnter();
        assertNull(entry.error());

        // The browser has dealt with the URLs the output's CSS and HTML named, and refused them.
        // (Chromium ignores @font-face inside shadow roots; were it to load the font, the count below would say so.)
        try {
            new WebDriverWait(SITE.browser().driver(), Duration.ofSeconds(10)).until(d -> {
                String seen = String.valueOf(page.script("return window.cspViolations.join(' ');"));
                return seen.contains("image.png") && seen.contains("background.png");
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("refused: " + page.script("return window.cspViolations.join(' ');")
                    + "; requests: " + requests, e);
        }
        assertEquals(before, runAllLook(), "the toolbar looks and sits as before, and nothing covers it");
        assertEquals(List.of(), requests, "the editor page asked the other server for nothing");

        List<WebElement> displays = entry.element().findElements(By.cssSelector(".console-display"));
        WebElement styledTable = page.isolatedContent(displays.get(1));
        WebElement cell = styledTable.findElement(By.cssSelector("#T_abc_row0_col0"));
        assertEquals("rgba(0, 128, 0, 1)", cell.getCssValue("background-color"), "the table's own style applies to it");
        WebElement evilParagraph = page.isolatedContent(displays.get(0)).findElement(By.cssSelector(".evil"));
        assertEquals("styled", evilParagraph.getText());

        // The fixed element is positioned and clipped inside its output's paint-contained wrapper.
        Map<?, ?> boxes = (Map<?, ?>) page.script("return {contain: getComputedStyle(arguments[0]).contain};", displays.get(0));
        assertEquals("paint", boxes.get("contain"));
    }

    /** A Python string literal holding {@code text}. */
    private static String pythonString(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}

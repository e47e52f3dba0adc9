package org.jodide.it;

import org.jodide.core.Language;
import org.jodide.core.protocol.EditorToFrame;
import org.jodide.core.protocol.ProtocolCodec;
import org.jodide.site.SiteServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.ScriptTimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A page of another origin (another port) cannot use the eval frame to run code in the site's
 * origin, nor frame the editor; the site's own pages still can.
 */
class FrameSecurityIT {
    @RegisterExtension
    static final SiteExtension SITE = new SiteExtension();

    /** What the attacker wants to run: mark the frame, then write into the storage of the origin it runs in. */
    private static final String ATTACK = "document.title = 'pwned'; window.pwned = true;"
            + " localStorage.setItem('jodide.pwned', 'yes'); 1";

    private static Path attackerRoot;
    private static SiteServer attacker;

    @BeforeAll
    static void startAttacker() throws IOException {
        attackerRoot = Files.createTempDirectory("jodide-attacker-");
        Files.writeString(attackerRoot.resolve("index.html"), "attacker");
        attacker = SiteServer.start(attackerRoot, 0);
    }

    @AfterAll
    static void stopAttacker() throws IOException {
        attacker.close();
        try (var files = Files.list(attackerRoot)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(attackerRoot);
    }

    /**
     * A page of the attacker's origin that frames {@code target} (without a sandbox), records
     * every message it gets, and posts {@code wire} to the frame every 100 ms: as a window message,
     * and through a channel it offers the frame the way the editor does.
     */
    private static String attackerPage(String name, String target, String wire) throws IOException {
        Files.writeString(attackerRoot.resolve(name), "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>attacker</title></head><body>\n"
                + "<iframe id=\"victim\" src=\"" + target + "\" onload=\"window.victimLoaded = true\"></iframe>\n"
                + "<script>\n"
                + "window.answers = [];\n"
                + "window.addEventListener('message', (event) => answers.push(String(event.data)));\n"
                + "const wire = " + new Json().toJson(wire) + ";\n"
                + "const openChannel = " + new Json().toJson(ProtocolCodec.encode(new EditorToFrame.OpenChannel())) + ";\n"
                + "setInterval(() => {\n"
                + "  const victim = document.getElementById('victim').contentWindow;\n"
                + "  victim.postMessage(wire, '*');\n"
                + "  const channel = new MessageChannel();\n"
                + "  channel.port1.onmessage = (event) => answers.push('port: ' + String(event.data));\n"
                + "  victim.postMessage(openChannel, '*', [channel.port2]);\n"
                + "  channel.port1.postMessage(wire);\n"
                + "}, 100);\n"
                + "</script></body></html>\n");
        return attacker.uri() + name;
    }

    private WebDriver driver() {
        return SITE.browser().driver();
    }

    private Object script(String script) {
        return ((JavascriptExecutor) driver()).executeScript(script);
    }

    private void awaitVictimLoaded() {
        new WebDriverWait(driver(), Duration.ofSeconds(20)).until(d -> Boolean.TRUE.equals(script("return window.victimLoaded === true;")));
    }

    @Test
    void anotherOriginFramingTheEvalFrameGetsNoAnswerAndRunsNothing() throws IOException {
        String attackerOrigin = "http://127.0.0.1:" + attacker.port();
        String wire = ProtocolCodec.encode(new EditorToFrame.RunCode(1, Language.JAVASCRIPT, "attack", ATTACK, 0));
        // The old frame trusted the origin named in its URL: the attacker names itself.
        driver().get(attackerPage("frame.html", SITE.server().uri() + "evalframe.html#parent=" + attackerOrigin, wire));
        awaitVictimLoaded();

        driver().switchTo().frame("victim");
        assertEquals("null", script("return self.origin;"), "the server sandboxes the frame, whoever frames it");
        // The frame listened all along while Python loaded (seconds): by then the attack was posted dozens of times.
        // (A frame compiling Pyodide on a loaded machine may not answer a poll in time: poll again.)
        new WebDriverWait(driver(), NotebookPage.PYTHON).ignoring(ScriptTimeoutException.class)
                .until(d -> Boolean.TRUE.equals(script("return typeof pyodide === 'object';")));
        assertEquals("Jodide report", script("return document.title;"), "the attacker's code did not run");
        assertNull(script("return window.pwned === undefined ? null : window.pwned;"));

        driver().switchTo().defaultContent();
        assertEquals(List.of(), script("return window.answers;"), "the frame never answers another origin");

        NotebookPage site = SITE.notebookPage().open();
        assertNull(site.script("return localStorage.getItem('jodide.pwned');"), "nothing was written in the site's storage");
    }

    @Test
    void theEvalFrameHasNoAccessToTheSitesStorageEvenWhenTheSiteFramesItWithoutASandbox() {
        NotebookPage site = SITE.notebookPage().open();
        site.script("const probe = document.createElement('iframe'); probe.id = 'probe'; probe.src = 'evalframe.html';"
                + " probe.onload = () => { window.probeLoaded = true; }; document.body.append(probe);");
        new WebDriverWait(driver(), Duration.ofSeconds(20)).until(d -> Boolean.TRUE.equals(script("return window.probeLoaded === true;")));
        driver().switchTo().frame("probe");
        assertEquals("null", script("return self.origin;"));
        assertEquals("SecurityError", script("try { localStorage.getItem('x'); return 'readable'; } catch (e) { return e.name; }"));
        driver().switchTo().defaultContent();
    }

    @Test
    void onlyTheSiteItselfMayFrameTheEditor() throws IOException {
        NotebookPage site = SITE.notebookPage().open();
        site.script("const own = document.createElement('iframe'); own.id = 'own'; own.src = 'index.html?view=report';"
                + " document.body.append(own);");
        driver().switchTo().frame("own");
        new WebDriverWait(driver(), Duration.ofSeconds(20)).until(d -> !d.findElements(By.id("run-all")).isEmpty());
        driver().switchTo().defaultContent();

        driver().get(attackerPage("editor.html", SITE.server().uri() + "index.html", ""));
        awaitVictimLoaded();
        driver().switchTo().frame("victim");
        assertTrue(driver().findElements(By.id("run-all")).isEmpty(), "another origin cannot show the editor in a frame");
        driver().switchTo().defaultContent();
    }
}

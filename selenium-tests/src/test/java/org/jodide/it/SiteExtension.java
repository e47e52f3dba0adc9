package org.jodide.it;

import org.jodide.browser.BuiltSite;
import org.jodide.browser.HeadlessChromium;
import org.jodide.site.SiteServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.openqa.selenium.logging.LogEntry;

import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Serves the built site on a free port and starts one headless Chromium for a whole test class
 * (a browser starts in ~1 s, Pyodide loads in 3-6 s: sharing both keeps the suite fast).
 * Use with {@code @RegisterExtension static final SiteExtension SITE = new SiteExtension();}.
 */
final class SiteExtension implements BeforeAllCallback, AfterAllCallback {
    private final SiteServer.Isolation isolation;
    private SiteServer server;
    private HeadlessChromium browser;

    /** The site as {@code ./jodide serve} serves it: cross-origin isolated. */
    SiteExtension() {
        this(SiteServer.Isolation.CROSS_ORIGIN_ISOLATED);
    }

    /** The site with the headers of {@code isolation} ({@code NONE}: a plain static host). */
    SiteExtension(SiteServer.Isolation isolation) {
        this.isolation = isolation;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        server = SiteServer.start(BuiltSite.root(), 0, isolation);
        browser = HeadlessChromium.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        List<String> editorErrors = List.of();
        if (browser != null) {
            List<LogEntry> logged = browserLog(context);
            reportCspViolations(context, logged);
            editorErrors = uncaughtInTheEditorPage(logged);
        }
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
        if (!editorErrors.isEmpty()) {
            throw new AssertionError("errors nobody caught in the editor page's own code during " + context.getDisplayName()
                    + " (the user sees nothing, and what the code was doing stops):\n" + String.join("\n", editorErrors));
        }
    }

    /** Stops the server before the class ends, as when the host goes away (OfflineIT); for good. */
    void stopServer() {
        server.close();
        server = null;
    }

    /**
     * Prints the Content-Security-Policy violations the browser logged during the class (tests that
     * provoke some on purpose have theirs listed too): the editor page's policy must not get in the
     * way of anything the editor itself does.
     */
    private static void reportCspViolations(ExtensionContext context, List<LogEntry> logged) {
        logged.stream()
                .filter(entry -> entry.getMessage().contains("Content Security Policy"))
                .forEach(entry -> System.out.println("CSP violation in " + context.getDisplayName() + ": " + entry.getMessage()));
    }

    /** What the browser logged during the class (the console of every page and frame), or nothing when it cannot say. */
    private List<LogEntry> browserLog(ExtensionContext context) {
        try {
            return browser.driver().manage().logs().get("browser").getAll();
        } catch (RuntimeException e) {
            System.out.println("The browser's log of " + context.getDisplayName() + " is not known: " + e.getMessage());
            return List.of();
        }
    }

    /**
     * Errors thrown and caught by nobody in the editor page's own scripts (a notebook's code runs in
     * the report frame, whose errors the console shows and some tests provoke on purpose).
     */
    static List<String> uncaughtInTheEditorPage(List<LogEntry> logged) {
        return logged.stream()
                .map(LogEntry::getMessage)
                .filter(message -> EDITOR_UNCAUGHT.matcher(message).find())
                .toList();
    }

    /** "http://127.0.0.1:PORT/editor.js 28:272 Uncaught TypeError: ..." for the scripts of index.html. */
    private static final Pattern EDITOR_UNCAUGHT = Pattern.compile(
            "^\\S+/(editor|page-support|codemirror)\\.js \\d+:\\d+ Uncaught ");

    SiteServer server() {
        return server;
    }

    HeadlessChromium browser() {
        return browser;
    }

    /** The site's address. */
    URI uri() {
        return server.uri();
    }

    NotebookPage notebookPage() {
        return new NotebookPage(browser.driver(), server.uri());
    }
}

package org.jodide.it;

import org.jodide.browser.BuiltSite;
import org.jodide.browser.HeadlessChromium;
import org.jodide.site.SiteServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.net.URI;

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
        if (browser != null) {
            reportCspViolations(context);
        }
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
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
    private void reportCspViolations(ExtensionContext context) {
        try {
            browser.driver().manage().logs().get("browser").getAll().stream()
                    .filter(entry -> entry.getMessage().contains("Content Security Policy"))
                    .forEach(entry -> System.out.println("CSP violation in " + context.getDisplayName() + ": " + entry.getMessage()));
        } catch (RuntimeException e) {
            System.out.println("CSP violations of " + context.getDisplayName() + " not known: " + e.getMessage());
        }
    }

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

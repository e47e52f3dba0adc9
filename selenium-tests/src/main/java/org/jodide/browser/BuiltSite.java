package org.jodide.browser;

import java.nio.file.Path;

/** Where the built site is: the system property {@code jodide.site.root}, or static/target/site. */
public final class BuiltSite {
    private BuiltSite() {
    }

    public static Path root() {
        return Path.of(System.getProperty("jodide.site.root", "static/target/site"));
    }
}

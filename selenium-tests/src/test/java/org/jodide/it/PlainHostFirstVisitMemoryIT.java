package org.jodide.it;

import org.jodide.site.SiteServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link FirstVisitMemory} on a host that sends no headers at all ({@code python3 -m http.server}):
 * the report's frame is a {@code srcdoc} frame that gets every file from the page (a handed frame).
 */
class PlainHostFirstVisitMemoryIT extends FirstVisitMemory {
    @RegisterExtension
    static final SiteExtension SITE = new SiteExtension(SiteServer.Isolation.BARE);

    @Override
    SiteExtension site() {
        return SITE;
    }
}

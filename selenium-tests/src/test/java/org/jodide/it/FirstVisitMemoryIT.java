package org.jodide.it;

import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link FirstVisitMemory} with the site as {@code ./jodide serve} serves it: the report's frame loads its own files (a served frame). */
class FirstVisitMemoryIT extends FirstVisitMemory {
    @RegisterExtension
    static final SiteExtension SITE = new SiteExtension();

    @Override
    SiteExtension site() {
        return SITE;
    }
}

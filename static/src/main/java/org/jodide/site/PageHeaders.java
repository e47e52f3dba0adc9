package org.jodide.site;

import com.sun.net.httpserver.Headers;

/**
 * The Content-Security-Policy of the two pages that need one; every other file gets none.
 *
 * <ul>
 * <li>{@code evalframe.html} runs whatever code its parent sends, so it is sandboxed by the server
 *     ({@code sandbox allow-scripts allow-modals}): it has an opaque origin, without the site's
 *     storage, even when a page of another site frames it without a sandbox attribute
 *     ({@code allow-modals} lets notebook code call alert, confirm and prompt).</li>
 * <li>{@code index.html}, the editor, holds the drafts in the site's storage: only the site itself
 *     may frame it ({@code frame-ancestors 'self'}).</li>
 * </ul>
 */
enum PageHeaders {
    EVAL_FRAME("evalframe.html", "sandbox allow-scripts allow-modals"),
    EDITOR("index.html", "frame-ancestors 'self'");

    private final String sitePath;
    private final String contentSecurityPolicy;

    PageHeaders(String sitePath, String contentSecurityPolicy) {
        this.sitePath = sitePath;
        this.contentSecurityPolicy = contentSecurityPolicy;
    }

    /** Adds the policy of the page at {@code sitePath} (relative to the site's root, with '/'), if it has one. */
    static void add(Headers headers, String sitePath) {
        for (PageHeaders page : values()) {
            if (page.sitePath.equals(sitePath)) {
                headers.set("Content-Security-Policy", page.contentSecurityPolicy);
            }
        }
    }
}

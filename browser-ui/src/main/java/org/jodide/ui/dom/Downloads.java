package org.jodide.ui.dom;

import org.teavm.jso.JSBody;

/** Hands text to the browser as a file download, with no server involved (a Blob and an {@code <a download>}). */
public final class Downloads {
    private Downloads() {
    }

    /**
     * Offers {@code text}, exactly (encoded as UTF-8), as the file {@code fileName}. The object
     * URL is revoked a minute later, long after the browser has taken the file.
     */
    @JSBody(params = {"fileName", "text"}, script = "(window.jodidePageSupport || window.jodideEmbed.pageSupport).offerText(fileName, text);")
    public static native void offerText(String fileName, String text);

    /** Offers {@code html}, a whole page (UTF-8), as the file {@code fileName}. */
    @JSBody(params = {"fileName", "html"},
            script = "(window.jodidePageSupport || window.jodideEmbed.pageSupport).offerText(fileName, html, document, 'text/html;charset=utf-8');")
    public static native void offerHtml(String fileName, String html);
}

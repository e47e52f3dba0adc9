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
    @JSBody(params = {"fileName", "text"}, script = "window.jodidePageSupport.offerText(fileName, text);")
    public static native void offerText(String fileName, String text);
}

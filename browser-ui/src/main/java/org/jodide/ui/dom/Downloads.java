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
    @JSBody(params = {"fileName", "text"}, script = ""
            + "var url = URL.createObjectURL(new Blob([text], {type: 'text/plain;charset=utf-8'}));"
            + "var link = document.createElement('a');"
            + "link.href = url; link.download = fileName; link.hidden = true;"
            + "document.body.appendChild(link); link.click(); link.remove();"
            + "setTimeout(function() { URL.revokeObjectURL(url); }, 60000);")
    public static native void offerText(String fileName, String text);
}

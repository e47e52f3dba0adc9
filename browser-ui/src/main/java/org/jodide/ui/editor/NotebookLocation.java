package org.jodide.ui.editor;

import org.teavm.jso.JSBody;

/**
 * Where the open notebook comes from. A link such as {@code index.html?notebook=examples/a.iomd}
 * opens that file; its URL is the base that the notebook's relative fetch URLs resolve against.
 * Without one, the base is the page itself.
 */
final class NotebookLocation {
    private NotebookLocation() {
    }

    /** The absolute URL named by the page's {@code ?notebook=} parameter, or null. */
    @JSBody(script = "return window.jodidePageSupport.requestedNotebookUrl();")
    static native String requestedUrl();

    /** The URL relative fetch URLs resolve against: the notebook's own, else the page's. */
    static String baseUrl(String notebookUrl) {
        return notebookUrl != null ? notebookUrl : pageUrl();
    }

    @JSBody(script = "return String(document.baseURI);")
    private static native String pageUrl();

    /**
     * Downloads a notebook; HTTP errors and network failures come back as a readable error. The
     * text is decoded keeping a byte order mark (Response.text() would drop it): the notebook is
     * the user's file, and saving it must give back the same bytes.
     */
    @JSBody(params = {"url", "callback"}, script = "window.jodidePageSupport.fetchText(url, callback);")
    static native void load(String url, TextAnswer callback);
}

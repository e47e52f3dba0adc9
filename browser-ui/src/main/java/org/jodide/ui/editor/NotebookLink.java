package org.jodide.ui.editor;

import org.teavm.jso.JSBody;

/**
 * A notebook carried in a link, {@code index.html#iomd=<data>}: the notebook's UTF-8 bytes,
 * deflate-raw compressed, in base64url (static/src/main/js/page/notebook-link.js, where the
 * format lives and is tested). The fragment never reaches a server, so the link alone carries the
 * notebook, and a static site can share notebooks without storing them anywhere.
 *
 * <pre>{@code
 * String data = NotebookLink.requestedData();              // from #iomd=..., or null
 * NotebookLink.read(data, (text, error) -> ...);            // the notebook, or why the link is damaged
 * NotebookLink.make(editor.text(), (link, error) -> ...);   // the link carrying the text, on this page
 * }</pre>
 */
final class NotebookLink {
    /**
     * Links longer than this many characters get a warning. The fragment never reaches a server,
     * and Chromium and Firefox open links of megabytes, but the way people share links does not:
     * RFC 9110 (section 4.1) only asks software to handle 8,000 octets, and chat tools, mail
     * clients and link shorteners cut or refuse longer ones. Past it, sharing the .iomd file is safer.
     */
    static final int LONG_LINK_CHARACTERS = 8000;

    private NotebookLink() {
    }

    /** The notebook data of the page's {@code #iomd=} fragment, or null when it carries none. */
    @JSBody(script = "return window.jodidePageSupport.linkedNotebookData();")
    static native String requestedData();

    /**
     * Reloads the page when its fragment comes to carry another notebook than {@code data} (a
     * link pasted into the address bar of an open page changes only the fragment): the page then
     * opens it as any link, its unsaved changes kept aside as when the page is closed.
     */
    @JSBody(params = "data", script = "window.jodidePageSupport.reloadOnLinkedNotebookChange(data);")
    static native void reloadOnOtherLink(String data);

    /** The notebook in {@code data}, or a sentence on what is wrong with the link. */
    @JSBody(params = {"data", "answer"}, script = "window.jodidePageSupport.readLinkedNotebook(data, answer);")
    static native void read(String data, TextAnswer answer);

    /** The link, on this page, that carries {@code text}. */
    @JSBody(params = {"text", "answer"}, script = "window.jodidePageSupport.makeNotebookLink(text, answer);")
    static native void make(String text, TextAnswer answer);

    /**
     * A short name for the notebook in {@code data}, to keep its drafts apart from other
     * notebooks' in this browser: the same link gives the same name.
     */
    static String draftName(String data) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < data.length(); i++) {
            hash ^= data.charAt(i);
            hash *= 0x100000001b3L;
        }
        return "link:" + Long.toHexString(hash) + ":" + data.length();
    }
}

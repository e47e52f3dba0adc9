package org.jodide.ui.editor;

import org.teavm.jso.JSBody;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Opens in a new tab the links the reader clicks in the report ({@code FrameToEditor.OpenLink}),
 * which the frame does not follow: their page would replace the report and the kernel. A relative
 * link means the notebook's location, as a fetch chunk's URLs do (page/report-links.js). Notebook
 * code could send the message too, so a link is opened only while this page has a user's activation
 * (a click in the report gives it) and only if it is http, https or mailto; otherwise the console
 * says what was not opened.
 */
final class ReportLinkOpener implements Consumer<String> {
    private final Supplier<String> notebookBase;
    private final Consumer<String> note;

    ReportLinkOpener(Supplier<String> notebookBase, Consumer<String> note) {
        this.notebookBase = notebookBase;
        this.note = note;
    }

    @Override
    public void accept(String href) {
        if (!PageShortcuts.userActive()) {
            note.accept("The report asked to open " + href + " without a click: not opened.");
            return;
        }
        String refused = open(href, notebookBase.get());
        if (refused != null) {
            note.accept("A link in the report was not opened: " + refused + ".");
        }
    }

    /** Null once opened, else why not. */
    @JSBody(params = {"href", "base"}, script = "return window.jodidePageSupport.openReportLink(href, base);")
    private static native String open(String href, String base);
}

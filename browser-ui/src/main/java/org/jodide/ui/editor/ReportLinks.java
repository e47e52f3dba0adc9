package org.jodide.ui.editor;

import org.jodide.core.protocol.FrameToEditor;
import org.teavm.jso.JSBody;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What the links the reader clicks in the report lead to, which the frame does not follow itself
 * (docs/running.md, "Links in the report"): a page opens in a new tab ({@code FrameToEditor.OpenLink};
 * followed in the frame, it replaced the report and the kernel), a relative link against the
 * notebook's location (page/report-links.js); a download link's file, which the frame read, is
 * offered as a download ({@code FrameToEditor.DownloadFile}; the frame's sandbox allows none).
 * The editor page's own outputs (under the chunks, in the console) open their links here too, which
 * took the editor page away from the notebook. Notebook code could send both messages, so they are
 * acted on only while this page has a user's activation (a click in the report gives it, though a
 * moment after the frame's message may come: UserActivation), and a page only if it is http, https or
 * mailto; otherwise the console says what was not done.
 */
final class ReportLinks {
    private final Supplier<String> notebookBase;
    private final Consumer<String> note;

    ReportLinks(Supplier<String> notebookBase, Consumer<String> note) {
        this.notebookBase = notebookBase;
        this.note = note;
    }

    void open(String href) {
        UserActivation.whenActive(active -> {
            if (!active) {
                note.accept("The report asked to open " + href + " without a click: not opened.");
                return;
            }
            String refused = open(href, notebookBase.get());
            if (refused != null) {
                note.accept("A link in the report was not opened: " + refused + ".");
            }
        });
    }

    void download(FrameToEditor.DownloadFile file) {
        if (file.error() != null) {
            note.accept("The report's download link gave nothing to download: " + file.error() + ".");
            return;
        }
        UserActivation.whenActive(active -> {
            if (active) {
                DataFiles.downloadBytes(file.name(), file.base64());
            } else {
                note.accept("The report asked to download " + file.name() + " without a click: not downloaded.");
            }
        });
    }

    /** Null once opened, else why not. */
    @JSBody(params = {"href", "base"}, script = "return window.jodidePageSupport.openReportLink(href, base);")
    private static native String open(String href, String base);
}

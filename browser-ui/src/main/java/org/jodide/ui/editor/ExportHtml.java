package org.jodide.ui.editor;

import org.jodide.core.protocol.FrameToEditor;
import org.jodide.ui.dom.Downloads;
import org.jodide.ui.dom.ReportLibs;
import org.teavm.jso.dom.html.HTMLDocument;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The toolbar's Export HTML ({@code #export-html}): has export-html.js make one self-contained
 * page of the report as shown and of the notebook's exact text (sanitized, no script, an "Open in
 * Jodide to run" link), and downloads it as {@code <notebook>.html}. The console says what was
 * exported, or why not.
 */
final class ExportHtml {
    private final Supplier<String> text;
    private final Supplier<String> fileName;
    private final Consumer<String> note;

    ExportHtml(HTMLDocument document, ReportSnapshots report, Supplier<String> text, Supplier<String> fileName,
               Consumer<String> note) {
        this.text = text;
        this.fileName = fileName;
        this.note = note;
        new ReportSnapshotButton(document, "export-html", "exporting", report,
                waited -> note.accept("Could not export " + htmlName(fileName.get()) + ": the report did not answer within "
                        + waited + " (is code still running, or Python not started?). Try again when the run is over."),
                this::export);
    }

    /** Exports the report of {@code snapshot}, with the editor's text as the notebook's source. */
    private void export(FrameToEditor.ReportSnapshot snapshot, Runnable done) {
        String notebookName = fileName.get();
        String pageName = htmlName(notebookName);
        boolean started = ReportLibs.exportHtml(snapshot.html(), snapshot.css(), text.get(), notebookName, (page, error) -> {
            done.run();
            if (page == null) {
                note.accept("Could not export " + pageName + ": " + error);
                return;
            }
            Downloads.offerHtml(pageName, page);
            note.accept("Exported " + pageName + " (about " + kilobytes(page) + " KB): the report with its"
                    + " outputs as shown now and the notebook's source, a page that runs nothing and"
                    + " opens from disk; its \"Open in Jodide to run\" link opens the notebook here.");
        });
        if (!started) {
            done.run();
            note.accept("Could not export " + pageName + ": report-libs.js, which makes the page, did not load.");
        }
    }

    /** The exported page's name: the notebook's file name with .html in place of its extension. */
    static String htmlName(String notebookFileName) {
        int dot = notebookFileName.lastIndexOf('.');
        String stem = dot > 0 ? notebookFileName.substring(0, dot) : notebookFileName;
        return (stem.isEmpty() ? "notebook" : stem) + ".html";
    }

    /** The page's size in KB, as UTF-8 bytes would be counted roughly (one byte per character, rounded up). */
    private static long kilobytes(String page) {
        return (page.length() + 1023) / 1024;
    }
}

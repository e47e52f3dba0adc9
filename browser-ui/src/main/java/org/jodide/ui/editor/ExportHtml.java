package org.jodide.ui.editor;

import org.jodide.ui.dom.Downloads;
import org.jodide.ui.dom.ReportLibs;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The toolbar's Export HTML ({@code #export-html}): asks the report frame for the report as shown
 * ({@link ReportSnapshots}), has export-html.js make one self-contained page of it and of the
 * notebook's exact text (sanitized, no script, an "Open in Jodide to run" link), and downloads it
 * as {@code <notebook>.html}. The console says what was exported, or why not. While an export is
 * under way the button is disabled ({@code data-state="exporting"}).
 */
final class ExportHtml {
    /** How long the frame may take to answer: it cannot while it runs code on its own thread. */
    static final int SNAPSHOT_TIMEOUT_MS = 5_000;

    private final HTMLElement button;
    private final ReportSnapshots report;
    private final Supplier<String> text;
    private final Supplier<String> fileName;
    private final Consumer<String> note;

    ExportHtml(HTMLDocument document, ReportSnapshots report, Supplier<String> text, Supplier<String> fileName,
               Consumer<String> note) {
        this.button = document.getElementById("export-html");
        this.report = report;
        this.text = text;
        this.fileName = fileName;
        this.note = note;
        if (button != null) {
            button.addEventListener("click", event -> export());
        }
    }

    /** Exports the report as shown now, with the editor's text as the notebook's source. */
    void export() {
        String source = text.get();
        String notebookName = fileName.get();
        String pageName = htmlName(notebookName);
        busy(true);
        report.snapshotReport(SNAPSHOT_TIMEOUT_MS, snapshot -> {
            if (snapshot == null) {
                busy(false);
                note.accept("Could not export " + pageName + ": the report did not answer within "
                        + SNAPSHOT_TIMEOUT_MS / 1000 + " s (is code still running, or Python not started?). Try again"
                        + " when the run is over.");
                return;
            }
            boolean started = ReportLibs.exportHtml(snapshot.html(), snapshot.css(), source, notebookName,
                    (page, error) -> {
                        busy(false);
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
                busy(false);
                note.accept("Could not export " + pageName + ": report-libs.js, which makes the page, did not load.");
            }
        });
    }

    private void busy(boolean exporting) {
        if (button == null) {
            return;
        }
        if (exporting) {
            button.setAttribute("data-state", "exporting");
            button.setAttribute("disabled", "");
        } else {
            button.removeAttribute("data-state");
            button.removeAttribute("disabled");
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

package org.jodide.ui.editor;

import org.jodide.ui.dom.ReportLibs;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The toolbar's Print ({@code #print-report}, Mod+P anywhere on the page or in the report): asks
 * the report frame for the report as shown ({@link ReportSnapshots}) and has print-report.js print
 * it on its own, paginated as a document, with its outputs and without the panes around it (the
 * browser's own Print would print the page's panes, and of the report only what is in view). The
 * console says why when it cannot. While it is under way the button is disabled
 * ({@code data-state="printing"}) and another request is ignored.
 */
final class PrintReport {
    private final HTMLElement button;
    private final ReportSnapshots report;
    private final Supplier<String> text;
    private final Supplier<String> fileName;
    private final Consumer<String> note;
    private boolean printing;

    PrintReport(HTMLDocument document, ReportSnapshots report, Supplier<String> text, Supplier<String> fileName,
                Consumer<String> note) {
        this.button = document.getElementById("print-report");
        this.report = report;
        this.text = text;
        this.fileName = fileName;
        this.note = note;
        if (button != null) {
            button.addEventListener("click", event -> print());
        }
    }

    /** Prints the report as shown now. */
    void print() {
        if (printing) {
            return;
        }
        String source = text.get();
        String notebookName = fileName.get();
        busy(true);
        report.snapshotReport(ExportHtml.SNAPSHOT_TIMEOUT_MS, snapshot -> {
            if (snapshot == null) {
                busy(false);
                note.accept("Could not print the report: it did not answer within " + ExportHtml.SNAPSHOT_TIMEOUT_MS / 1000
                        + " s (is code still running, or Python not started?). Try again when the run is over.");
                return;
            }
            boolean started = ReportLibs.printReport(snapshot.html(), snapshot.css(), source, notebookName, error -> {
                busy(false);
                if (error != null) {
                    note.accept("Could not print the report: " + error);
                }
            });
            if (!started) {
                busy(false);
                note.accept("Could not print the report: report-libs.js, which makes the page to print, did not load.");
            }
        });
    }

    private void busy(boolean busy) {
        printing = busy;
        if (button == null) {
            return;
        }
        if (busy) {
            button.setAttribute("data-state", "printing");
            button.setAttribute("disabled", "");
        } else {
            button.removeAttribute("data-state");
            button.removeAttribute("disabled");
        }
    }
}

package org.jodide.ui.editor;

import org.jodide.core.protocol.FrameToEditor;
import org.jodide.ui.dom.ReportLibs;
import org.teavm.jso.dom.html.HTMLDocument;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The toolbar's Print ({@code #print-report}, Mod+P anywhere on the page or in the report): has
 * print-report.js print the report as shown on its own, paginated as a document, with its
 * outputs and without the panes around it (the browser's own Print would print the page's panes,
 * and of the report only what is in view). The console says why when it cannot.
 */
final class PrintReport {
    private final ReportSnapshotButton button;
    private final Supplier<String> text;
    private final Supplier<String> fileName;
    private final Consumer<String> note;

    PrintReport(HTMLDocument document, ReportSnapshots report, Supplier<String> text, Supplier<String> fileName,
                Consumer<String> note) {
        this.text = text;
        this.fileName = fileName;
        this.note = note;
        this.button = new ReportSnapshotButton(document, "print-report", "printing", report,
                waited -> note.accept("Could not print the report: it did not answer within " + waited
                        + " (is code still running, or Python not started?). Try again when the run is over."),
                this::print);
    }

    /** Prints the report as shown now. */
    void print() {
        button.press();
    }

    private void print(FrameToEditor.ReportSnapshot snapshot, Runnable done) {
        boolean started = ReportLibs.printReport(snapshot.html(), snapshot.css(), text.get(), fileName.get(), error -> {
            done.run();
            if (error != null) {
                note.accept("Could not print the report: " + error);
            }
        });
        if (!started) {
            done.run();
            note.accept("Could not print the report: report-libs.js, which makes the page to print, did not load.");
        }
    }
}

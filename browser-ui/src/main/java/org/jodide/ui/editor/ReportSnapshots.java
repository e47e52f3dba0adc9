package org.jodide.ui.editor;

import org.jodide.core.protocol.FrameToEditor;

import java.util.function.Consumer;

/** Where the report is shown, asked for what it shows (Export HTML): {@link EvalFrame}. */
interface ReportSnapshots {
    /**
     * The report as shown, with its outputs; {@code answer} hears null when none came within
     * {@code timeoutMs}.
     */
    void snapshotReport(int timeoutMs, Consumer<FrameToEditor.ReportSnapshot> answer);
}

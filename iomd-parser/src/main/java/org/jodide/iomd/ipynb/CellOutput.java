package org.jodide.iomd.ipynb;

import java.util.List;
import java.util.Map;

/**
 * One output of a code cell as nbformat 4 stores it (docs/ipynb.md, section 2): what a run
 * printed, displayed, its value or its error. {@link IpynbExport} writes them as Jupyter does.
 */
public sealed interface CellOutput {
    /** Text printed to {@code stdout} or {@code stderr}. */
    record Stream(String name, String text) implements CellOutput {
    }

    /**
     * A rich output: content by mime type, base64 for binary images, and for a JSON type
     * ({@link #isJsonMimeType}) its JSON text, written back as a JSON value.
     */
    record DisplayData(Map<String, String> data) implements CellOutput {
    }

    /** The value of the cell's last expression, by mime type, with the run's execution count. */
    record ExecuteResult(int executionCount, Map<String, String> data) implements CellOutput {
    }

    /** The error the run ended with: its name, message and traceback lines. */
    record Error(String ename, String evalue, List<String> traceback) implements CellOutput {
    }

    /**
     * Whether nbformat keeps {@code mimeType}'s content as a JSON value rather than text
     * ({@code application/json}, {@code application/vnd.plotly.v1+json}, a widget's view...):
     * its schema's {@code ^application/(.*\\+)?json$}.
     */
    static boolean isJsonMimeType(String mimeType) {
        return mimeType.startsWith("application/") && (mimeType.equals("application/json") || mimeType.endsWith("+json"));
    }

    /**
     * The latest run of a cell: its execution count, outputs, and when it started and ended
     * ({@code times}, null when not known).
     */
    record Run(int executionCount, List<CellOutput> outputs, RunTimes times) {
        /** A run whose times are not known. */
        public Run(int executionCount, List<CellOutput> outputs) {
            this(executionCount, outputs, null);
        }
    }

    /**
     * When a run started and ended, as ISO 8601 texts ({@code 2026-12-03T10:12:03.120Z}). A
     * notebook keeps them in the cell's {@code metadata.execution}, under the names JupyterLab
     * records them with ({@link #JUPYTER_STARTED}, {@link #JUPYTER_ENDED}; its "record timing" setting,
     * which the jupyterlab-execute-time extension shows).
     */
    record RunTimes(String started, String ended) {
        /** Where JupyterLab writes the moment the run started (read in this order). */
        public static final List<String> JUPYTER_STARTED = List.of("iopub.status.busy", "iopub.execute_input",
                "shell.execute_reply.started");
        /** Where JupyterLab writes the moment the run ended (read in this order). */
        public static final List<String> JUPYTER_ENDED = List.of("shell.execute_reply", "iopub.status.idle");
    }

    /** The latest run of each chunk, by chunk id; null for a chunk that has not run. */
    @FunctionalInterface
    interface Runs {
        Run of(String chunkId);

        /** No chunk has run: cells without outputs. */
        Runs NONE = chunkId -> null;
    }
}

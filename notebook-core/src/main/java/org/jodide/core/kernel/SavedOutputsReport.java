package org.jodide.core.kernel;

/**
 * The report of the notebook's own kernel (the eval frame), showing the outputs saved with the
 * notebook (an .ipynb's, or those kept in this browser) at their chunks' places when it opens. Unlike
 * runs ({@link RemoteRunReport}), they come from a file, not from the user: the report shows them
 * without running anything they hold (no frames).
 */
public interface SavedOutputsReport {
    /**
     * A listener that shows the saved outputs of {@code request}'s chunk in the report as they are
     * replayed, and passes everything on to {@code listener}.
     */
    ExecutionListener showingSaved(ExecuteRequest request, ExecutionListener listener);
}

package org.jodide.core.kernel;

/**
 * The report of the notebook's own kernel (the eval frame), showing runs that ran elsewhere (Python
 * on a Jupyter server) at their chunk's place, as it shows its own runs' output.
 */
public interface RemoteRunReport {
    /**
     * A listener that shows the run of {@code request} in the report as it goes, and passes
     * everything on to {@code listener}. Called when the run is sent to the kernel that runs it.
     */
    ExecutionListener showing(ExecuteRequest request, ExecutionListener listener);
}

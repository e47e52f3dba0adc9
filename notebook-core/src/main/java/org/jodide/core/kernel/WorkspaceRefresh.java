package org.jodide.core.kernel;

/**
 * When the eval frame lists the user's variables for the workspace pane. Listing them costs a
 * preview of every global of every language, so listing after every run made Run All of n chunks
 * cost n listings of up to n variables: quadratic (1,001 one-line chunks took 1,193 s). Now a
 * listing happens once runs pause for {@link #QUIET_MS} (the editor sends the next chunk of a Run
 * All within a few ms of the last one ending), or, while runs keep coming, at most every
 * {@link #STALE_MS} so the pane still follows a long Run All. Plain Java, tested on the JVM.
 *
 * <pre>{@code
 * WorkspaceRefresh refresh = new WorkspaceRefresh(timer, this::sendWorkspace);
 * refresh.runStarted();   // a run begins: a listing waiting for quiet is dropped
 * refresh.runFinished();  // lists after QUIET_MS without a new run (or now, when the last listing is STALE_MS old)
 * }</pre>
 */
public final class WorkspaceRefresh {
    /** How long runs must pause, in ms, before the variables are listed. */
    public static final int QUIET_MS = 50;
    /** How old the pane may get, in ms, while runs keep coming. */
    public static final int STALE_MS = 2000;

    private final OutputBatcher.Timer timer;
    private final Runnable list;
    /** Counts scheduled listings, so that one scheduled before a later run does nothing. */
    private int generation;
    private double listedAt = Double.NEGATIVE_INFINITY;
    private boolean changedSinceListing;

    public WorkspaceRefresh(OutputBatcher.Timer timer, Runnable list) {
        this.timer = timer;
        this.list = list;
    }

    public void runStarted() {
        generation++;
    }

    public void runFinished() {
        changedSinceListing = true;
        int scheduled = ++generation;
        if (timer.now() - listedAt >= STALE_MS) {
            listNow();
            return;
        }
        timer.schedule(QUIET_MS, () -> {
            if (scheduled == generation) {
                listNow();
            }
        });
    }

    private void listNow() {
        if (!changedSinceListing) {
            return;
        }
        changedSinceListing = false;
        listedAt = timer.now();
        list.run();
    }
}

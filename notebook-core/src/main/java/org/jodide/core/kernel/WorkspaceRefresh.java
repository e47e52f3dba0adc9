package org.jodide.core.kernel;

/**
 * When the eval frame lists the user's variables for the workspace pane. Listing them costs a
 * preview of every global of every language, so listing after every run made Run All of n chunks
 * cost n listings of up to n variables: quadratic (1,001 one-line chunks took 1,193 s). Now a
 * listing happens once runs pause for {@link #QUIET_MS} (the editor sends the next chunk of a Run
 * All within a few ms of the last one ending), or, while runs keep coming, at most every
 * {@link #STALE_MS} so the pane still follows a long Run All. And only while the pane is on screen
 * ({@link #onScreen}; nothing is listed before the editor says it is): runs made while it was not are
 * listed at once when it shows again, and a notebook in Report view or an embedded one (which has
 * no pane) lists nothing. Plain Java, tested on the JVM.
 *
 * <p>One timer at most waits at any time ({@link AfterQuiet}): a Run All of a thousand chunks used to
 * leave a thousand timers behind, each a task of the frame's thread. Runs may overlap (the frame hands a worker the
 * runs that follow the one it runs): runs pause when every run started has finished.
 *
 * <pre>{@code
 * WorkspaceRefresh refresh = new WorkspaceRefresh(timer, this::sendWorkspace);
 * refresh.runStarted();   // a run begins: no listing while it runs
 * refresh.runFinished();  // lists after QUIET_MS without a new run (or now, when the last listing is STALE_MS old)
 * refresh.onScreen(true);  // the pane shows: lists now if runs changed the variables since the last listing
 * }</pre>
 */
public final class WorkspaceRefresh {
    /** How long runs must pause, in ms, before the variables are listed. */
    public static final int QUIET_MS = 50;
    /** How old the pane may get, in ms, while runs keep coming. */
    public static final int STALE_MS = 2000;

    private final OutputBatcher.Timer timer;
    private final Runnable list;
    /** Lists {@link #QUIET_MS} after the last run finished, if none is in flight by then. */
    private final AfterQuiet quiet;
    /** Runs started and not finished. */
    private int inFlight;
    private double listedAt = Double.NEGATIVE_INFINITY;
    private boolean changedSinceListing;
    /** Whether the workspace pane is on screen. */
    private boolean onScreen;

    public WorkspaceRefresh(OutputBatcher.Timer timer, Runnable list) {
        this.timer = timer;
        this.list = list;
        this.quiet = new AfterQuiet(timer, QUIET_MS, this::listUnlessInFlight);
    }

    public void runStarted() {
        inFlight++;
    }

    public void runFinished() {
        inFlight = Math.max(0, inFlight - 1);
        changedSinceListing = true;
        if (timer.now() - listedAt >= STALE_MS) {
            listNow();
            return;
        }
        quiet.call();
    }

    /**
     * Whether the workspace pane is on screen. When it comes on screen after runs changed the
     * variables, they are listed now if no run is in flight (else when runs pause, as usual).
     */
    public void onScreen(boolean shown) {
        onScreen = shown;
        if (shown && inFlight == 0) {
            listNow();
        }
    }

    /** Runs have paused: lists unless a run is in flight (its finish waits for quiet again). */
    private void listUnlessInFlight() {
        if (inFlight == 0) {
            listNow();
        }
    }

    /** Lists if runs changed the variables since the last listing and the pane shows them. */
    private void listNow() {
        if (!changedSinceListing || !onScreen) {
            return;
        }
        changedSinceListing = false;
        listedAt = timer.now();
        list.run();
    }
}

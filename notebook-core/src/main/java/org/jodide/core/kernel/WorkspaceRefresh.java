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
 * <p>One timer at most waits at any time: a Run All of a thousand chunks used to leave a thousand
 * timers behind, each a task of the frame's thread. Runs may overlap (the frame hands a worker the
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
    /** Runs started and not finished. */
    private int inFlight;
    /** When the last run finished. */
    private double finishedAt;
    /** Whether a timer waits to check for quiet ({@link #checkQuiet}). */
    private boolean waiting;
    private double listedAt = Double.NEGATIVE_INFINITY;
    private boolean changedSinceListing;
    /** Whether the workspace pane is on screen. */
    private boolean onScreen;

    public WorkspaceRefresh(OutputBatcher.Timer timer, Runnable list) {
        this.timer = timer;
        this.list = list;
    }

    public void runStarted() {
        inFlight++;
    }

    public void runFinished() {
        inFlight = Math.max(0, inFlight - 1);
        changedSinceListing = true;
        finishedAt = timer.now();
        if (finishedAt - listedAt >= STALE_MS) {
            listNow();
            return;
        }
        waitForQuiet(QUIET_MS);
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

    private void waitForQuiet(int delayMs) {
        if (!waiting) {
            waiting = true;
            timer.schedule(delayMs, this::checkQuiet);
        }
    }

    /** Lists once no run is in flight and none finished for {@link #QUIET_MS}; else waits again (or for the next finish). */
    private void checkQuiet() {
        waiting = false;
        if (inFlight > 0) {
            return; // the run's finish waits for quiet again
        }
        double quietFor = timer.now() - finishedAt;
        if (quietFor >= QUIET_MS) {
            listNow();
        } else {
            waitForQuiet((int) Math.ceil(QUIET_MS - quietFor));
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

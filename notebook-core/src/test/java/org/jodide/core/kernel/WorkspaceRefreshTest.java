package org.jodide.core.kernel;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkspaceRefreshTest {
    private final ManualTimer timer = new ManualTimer();
    private final List<Double> listings = new ArrayList<>();
    private final WorkspaceRefresh refresh = new WorkspaceRefresh(timer, () -> listings.add(timer.now()));

    /** The pane is on screen, as in the editor's Explore view (each test that hides it says so). */
    @BeforeEach
    void paneOnScreen() {
        refresh.onScreen(true);
        assertEquals(List.of(), listings, "nothing ran: nothing to list");
    }

    @Test
    void theFirstRunIsListedAtOnceAndALoneLaterRunOnceRunsPause() {
        refresh.runStarted();
        refresh.runFinished();
        assertEquals(List.of(10_000.0), listings, "nothing listed yet: at once");
        timer.advance(100);
        refresh.runStarted();
        refresh.runFinished();
        assertEquals(1, listings.size());
        timer.advance(WorkspaceRefresh.QUIET_MS);
        assertEquals(2, listings.size(), "listed once the runs paused");
    }

    @Test
    void aRunAllOfAThousandQuickChunksListsAboutOncePerStalePeriodNotOncePerChunk() {
        double lastFinished = 0;
        for (int i = 0; i < 1000; i++) {
            refresh.runStarted();
            timer.advance(5);
            lastFinished = timer.now();
            refresh.runFinished();
            timer.advance(1);
        }
        timer.advance(WorkspaceRefresh.QUIET_MS);
        // 1000 chunks x 6 ms = 6 s: the first at once, then one per 2 s, the last after the last run.
        assertEquals(4, listings.size(), listings.toString());
        assertEquals(lastFinished + WorkspaceRefresh.QUIET_MS, listings.get(listings.size() - 1), 0.001,
                "the last listing follows the last run once runs pause");
    }

    @Test
    void runsHandedOverAheadAreQuietOnlyOnceTheLastOneFinishedAndOneTimerWaitsAtATime() {
        refresh.runStarted();
        refresh.runFinished();
        assertEquals(1, listings.size());
        for (int i = 0; i < 1000; i++) {
            refresh.runStarted();
        }
        for (int i = 0; i < 999; i++) {
            timer.advance(0.2);
            refresh.runFinished();
            assertTrue(timer.waiting() <= 1, "timers waiting: " + timer.waiting());
        }
        timer.advance(WorkspaceRefresh.QUIET_MS * 2);
        assertEquals(1, listings.size(), "one run is still in flight");
        refresh.runFinished();
        timer.advance(WorkspaceRefresh.QUIET_MS - 1);
        assertEquals(1, listings.size());
        timer.advance(1);
        assertEquals(2, listings.size(), "listed once the last run finished and runs paused");
    }

    @Test
    void nothingIsListedTwiceWithoutARunInBetween() {
        refresh.runFinished();
        timer.advance(WorkspaceRefresh.STALE_MS * 3);
        assertEquals(1, listings.size());
    }

    @Test
    void nothingIsListedBeforeThePaneIsSaidToBeOnScreen() {
        WorkspaceRefresh unseen = new WorkspaceRefresh(timer, () -> listings.add(timer.now()));
        unseen.runStarted();
        unseen.runFinished();
        timer.advance(WorkspaceRefresh.STALE_MS * 3);
        assertEquals(List.of(), listings, "an embedded notebook, which has no pane, lists nothing");
    }

    @Test
    void runsMadeWhileThePaneIsOffScreenAreListedOnceWhenItShows() {
        refresh.onScreen(false);
        for (int i = 0; i < 100; i++) {
            refresh.runStarted();
            timer.advance(100);
            refresh.runFinished();
        }
        timer.advance(WorkspaceRefresh.STALE_MS * 3);
        assertEquals(List.of(), listings, "off screen (Report view, the pane scrolled away): nothing listed");
        double shownAt = timer.now();
        refresh.onScreen(true);
        assertEquals(List.of(shownAt), listings, "listed as soon as the pane shows");
        refresh.onScreen(false);
        refresh.onScreen(true);
        timer.advance(WorkspaceRefresh.STALE_MS * 3);
        assertEquals(1, listings.size(), "shown again without a run in between: nothing new to list");
    }

    @Test
    void thePaneShownWhileARunIsInFlightIsListedWhenTheRunEnds() {
        refresh.onScreen(false);
        refresh.runStarted();
        refresh.runFinished();
        refresh.runStarted();
        refresh.onScreen(true);
        assertEquals(List.of(), listings, "not while a run is in flight");
        timer.advance(500);
        refresh.runFinished();
        assertEquals(List.of(timer.now()), listings, "the last listing is old: at once");
    }
}

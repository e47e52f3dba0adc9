package org.jodide.ui.frame.runtime;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RuntimeStatusTest {
    private final List<String> published = new ArrayList<>();
    private final RuntimeStatus status = new RuntimeStatus((state, detail) -> published.add(state + " " + detail));

    private static LanguageRuntime named(String id, String name) {
        return new FakeRuntime(id, name);
    }

    @Test
    void loadingUntilEveryRuntimeIsReadyThenBusyDuringRunsAndIdleAfter() {
        LanguageRuntime.LoadListener python = status.tracking(named("py", "Python"), (loaded, total) -> { });
        LanguageRuntime.LoadListener javascript = status.tracking(named("js", "JavaScript"), (loaded, total) -> { });
        javascript.ready("JavaScript");
        assertEquals(List.of(), published, "nothing before start");

        status.start();
        status.runStarted();
        status.runFinished();
        python.ready("Python 3.13");
        status.runStarted();
        status.runFinished();

        assertEquals(List.of("LOADING Loading Python…", "IDLE JavaScript, Python 3.13", "BUSY ",
                "IDLE JavaScript, Python 3.13"), published, "a run while Python loads leaves the state loading");
    }

    @Test
    void aFailedLoadStaysFailedThroughLaterRuns() {
        LanguageRuntime.LoadListener python = status.tracking(named("py", "Python"), (loaded, total) -> { });
        status.start();
        python.failed("Pyodide could not be loaded");
        status.runStarted();
        status.runFinished();
        assertEquals(List.of("LOADING Loading Python…", "FAILED Pyodide could not be loaded"), published);
    }

    @Test
    void aRuntimeThatReloadsIsLoadingAgainThenReadyWithItsNewDescription() {
        LanguageRuntime.LoadListener python = status.tracking(named("py", "Python"), (loaded, total) -> { });
        status.start();
        python.ready("Python in a worker");
        status.runStarted();
        python.reloading();
        status.runFinished();
        python.ready("Python in a new worker");
        assertEquals(List.of("LOADING Loading Python…", "IDLE Python in a worker", "BUSY ", "LOADING Loading Python…",
                "IDLE Python in a new worker"), published, "the run that ends during the reload leaves it loading");
    }
}

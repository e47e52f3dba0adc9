package org.jodide.ui.frame.runtime;

import org.jodide.core.kernel.ExecutionListener;
import org.jodide.core.protocol.FrameToEditor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RuntimeStatusTest {
    private final List<String> published = new ArrayList<>();
    private final RuntimeStatus status = new RuntimeStatus((state, detail) -> published.add(state + " " + detail));

    private static LanguageRuntime named(String id, String name) {
        return new LanguageRuntime() {
            @Override
            public String languageId() {
                return id;
            }

            @Override
            public String displayName() {
                return name;
            }

            @Override
            public void load(LoadListener listener) {
            }

            @Override
            public void run(String code, String sourceName, int firstLine, ExecutionListener listener) {
            }

            @Override
            public void complete(String token, Consumer<List<String>> names) {
            }

            @Override
            public void variables(Consumer<List<FrameToEditor.Variable>> variables) {
            }

            @Override
            public void interrupt() {
            }

            @Override
            public InterruptMode interruptMode() {
                return InterruptMode.NONE;
            }

            @Override
            public void dispose() {
            }
        };
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
}

package org.jodide.ui.frame.runtime;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RuntimeRegistryTest {
    private static final class Events implements LanguageRuntime.LoadListener {
        final List<String> heard = new ArrayList<>();

        @Override
        public void progress(double loadedBytes, double totalBytes) {
            heard.add("progress " + (int) loadedBytes + "/" + (int) totalBytes);
        }

        @Override
        public void ready(String description) {
            heard.add("ready " + description);
        }

        @Override
        public void failed(String reason) {
            heard.add("failed " + reason);
        }

        @Override
        public void reloading() {
            heard.add("reloading");
        }
    }

    private final RuntimeRegistry registry = new RuntimeRegistry();
    private final List<String> outcomes = new ArrayList<>();

    private void whenLoaded(String id) {
        registry.whenLoaded(id, runtime -> outcomes.add("ran in " + runtime.languageId()),
                reason -> outcomes.add("unavailable: " + reason));
    }

    @Test
    void runsWaitForTheirRuntimeToLoadThenGoToItByLanguageId() {
        FakeRuntime python = new FakeRuntime("py");
        FakeRuntime javascript = new FakeRuntime("js");
        Events events = new Events();
        registry.register(python, events);
        registry.register(javascript, new Events());
        javascript.load.ready("JavaScript");

        whenLoaded("py");
        whenLoaded("js");
        assertEquals(List.of("ran in js"), outcomes, "js is loaded, py is not yet");

        python.load.progress(5, 10);
        python.load.ready("Python 3");
        assertEquals(List.of("ran in js", "ran in py"), outcomes);
        assertEquals(List.of("progress 5/10", "ready Python 3"), events.heard);
        assertEquals(List.of(python, javascript), registry.loaded());
        assertSame(javascript, registry.loaded("js").orElseThrow());
    }

    @Test
    void aFailedLoadTellsTheWaitingRunsAndTheLaterOnesWhy() {
        FakeRuntime python = new FakeRuntime("py");
        Events events = new Events();
        registry.register(python, events);
        whenLoaded("py");
        python.load.failed("no wasm");
        python.load.ready("too late");
        whenLoaded("py");

        assertEquals(List.of("unavailable: Fake py is not available: no wasm",
                "unavailable: Fake py is not available: no wasm"), outcomes);
        assertEquals(List.of("failed no wasm"), events.heard, "a load settles once");
        assertTrue(registry.loaded().isEmpty());
    }

    @Test
    void anUnknownLanguageIsUnavailable() {
        assertFalse(registry.has("r"));
        whenLoaded("r");
        assertEquals(List.of("unavailable: no runtime runs the language r"), outcomes);
    }

    @Test
    void registeringALanguageAgainReplacesAndDisposesTheOldRuntime() {
        FakeRuntime first = new FakeRuntime("lua");
        FakeRuntime second = new FakeRuntime("lua");
        registry.register(first, new Events());
        first.load.ready("");
        registry.register(second, new Events());
        second.load.ready("");

        assertTrue(first.disposed);
        assertEquals(List.of(second), registry.loaded());
    }

    @Test
    void disposeAllDisposesEveryRuntime() {
        FakeRuntime python = new FakeRuntime("py");
        registry.register(python, new Events());
        registry.disposeAll();
        assertTrue(python.disposed);
        assertFalse(registry.has("py"));
    }

    @Test
    void aReloadIsPassedOnWhileTheRuntimeStaysLoaded() {
        FakeRuntime python = new FakeRuntime("py");
        Events events = new Events();
        registry.register(python, events);
        python.load.ready("Python in a worker");
        python.load.reloading();
        whenLoaded("py");
        python.load.progress(1, 2);
        python.load.ready("Python in a new worker");
        python.load.reloading();
        python.load.failed("no network");
        assertEquals(List.of("ran in py"), outcomes, "runs still go to the runtime, which holds them while it reloads");
        assertEquals(List.of("ready Python in a worker", "reloading", "progress 1/2", "ready Python in a new worker",
                "reloading", "failed no network"), events.heard);
        assertEquals(List.of(python), registry.loaded());
    }
}

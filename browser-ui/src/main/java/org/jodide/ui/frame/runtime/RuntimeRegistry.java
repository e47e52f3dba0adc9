package org.jodide.ui.frame.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The languages the eval frame runs, keyed by language id ("js", "py", a plugin's id), each with
 * its load state. A new language is one {@link #register} call, never a new branch in a router.
 * Plain Java (no browser API), single-threaded like the page.
 *
 * <pre>{@code
 * RuntimeRegistry registry = new RuntimeRegistry();
 * registry.register(new JavaScriptRuntime(), listener);
 * registry.whenLoaded("js", runtime -> runtime.run(code, name, 0, output), reason -> show(reason));
 * }</pre>
 */
public final class RuntimeRegistry {
    private final Map<String, Slot> slots = new LinkedHashMap<>();

    /**
     * Adds {@code runtime} under its language id and starts loading it; {@code listener} hears that
     * load. A runtime registered before for the same id is disposed and replaced (a plugin
     * registered again).
     */
    public void register(LanguageRuntime runtime, LanguageRuntime.LoadListener listener) {
        Slot replaced = slots.remove(runtime.languageId());
        if (replaced != null) {
            for (Waiter waiter : replaced.release()) {
                waiter.unavailable().accept(runtime.displayName() + " was registered again before it had loaded");
            }
            replaced.runtime.dispose();
        }
        Slot slot = new Slot(runtime, listener);
        slots.put(runtime.languageId(), slot);
        runtime.load(slot);
    }

    /** Whether a runtime runs {@code languageId} (loaded or not). */
    public boolean has(String languageId) {
        return slots.containsKey(languageId);
    }

    /**
     * Calls {@code ready} with the runtime of {@code languageId} once it has loaded (at once when it
     * has), or {@code unavailable} with why it cannot run: its load failed, or no runtime runs that
     * language ({@link #has}).
     */
    public void whenLoaded(String languageId, Consumer<LanguageRuntime> ready, Consumer<String> unavailable) {
        Slot slot = slots.get(languageId);
        if (slot == null) {
            unavailable.accept("no runtime runs the language " + languageId);
        } else if (slot.loaded) {
            ready.accept(slot.runtime);
        } else if (slot.failure != null) {
            unavailable.accept(slot.runtime.displayName() + " is not available: " + slot.failure);
        } else {
            slot.waiting.add(new Waiter(ready, unavailable));
        }
    }

    /** The runtime of {@code languageId} if it has loaded. */
    public Optional<LanguageRuntime> loaded(String languageId) {
        Slot slot = slots.get(languageId);
        return slot != null && slot.loaded ? Optional.of(slot.runtime) : Optional.empty();
    }

    /** The runtimes that have loaded, in the order they were registered. */
    public List<LanguageRuntime> loaded() {
        List<LanguageRuntime> loaded = new ArrayList<>();
        for (Slot slot : slots.values()) {
            if (slot.loaded) {
                loaded.add(slot.runtime);
            }
        }
        return loaded;
    }

    /** Disposes every runtime; the registry is empty afterwards. */
    public void disposeAll() {
        List<Slot> all = new ArrayList<>(slots.values());
        slots.clear();
        all.forEach(slot -> slot.runtime.dispose());
    }

    private record Waiter(Consumer<LanguageRuntime> ready, Consumer<String> unavailable) {
    }

    /**
     * One registered runtime and its load: hears the load once, then tells the runs waiting for it.
     * A reload of a loaded runtime (its worker replaced) is passed on to the listener; the runtime
     * stays loaded meanwhile (it holds the runs that come until it is ready again).
     */
    private final class Slot implements LanguageRuntime.LoadListener {
        final LanguageRuntime runtime;
        final LanguageRuntime.LoadListener listener;
        final List<Waiter> waiting = new ArrayList<>();
        boolean loaded;
        boolean reloading;
        String failure;

        Slot(LanguageRuntime runtime, LanguageRuntime.LoadListener listener) {
            this.runtime = runtime;
            this.listener = listener;
        }

        @Override
        public void progress(double loadedBytes, double totalBytes) {
            if (!settled() || reloading) {
                listener.progress(loadedBytes, totalBytes);
            }
        }

        @Override
        public void reloading() {
            if (loaded && slots.get(runtime.languageId()) == this) {
                reloading = true;
                listener.reloading();
            }
        }

        @Override
        public void ready(String description) {
            if (reloading) {
                reloading = false;
                listener.ready(description);
                return;
            }
            if (settled()) {
                return;
            }
            loaded = true;
            listener.ready(description);
            for (Waiter waiter : release()) {
                waiter.ready().accept(runtime);
            }
        }

        @Override
        public void failed(String reason) {
            String why = reason == null ? "unknown reason" : reason;
            if (reloading) {
                reloading = false;
                listener.failed(why);
                return;
            }
            if (settled()) {
                return;
            }
            failure = why;
            listener.failed(failure);
            for (Waiter waiter : release()) {
                waiter.unavailable().accept(runtime.displayName() + " is not available: " + failure);
            }
        }

        private boolean settled() {
            return loaded || failure != null || slots.get(runtime.languageId()) != this;
        }

        private List<Waiter> release() {
            List<Waiter> released = new ArrayList<>(waiting);
            waiting.clear();
            return released;
        }
    }
}

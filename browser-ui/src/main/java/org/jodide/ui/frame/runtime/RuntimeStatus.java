package org.jodide.ui.frame.runtime;

import org.jodide.core.kernel.KernelState;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The kernel state the eval frame reports, derived from its runtimes' loads and whether a run is in
 * progress: FAILED once a runtime failed to load (its reason), else LOADING while one loads, else
 * BUSY during a run, else IDLE (with the ready runtimes' descriptions). Tells its publisher only
 * when the state or detail changes, and nothing before {@link #start}. Plain Java.
 */
public final class RuntimeStatus {
    /** Gets each change. */
    public interface Publisher {
        void publish(KernelState state, String detail);
    }

    private final Publisher publisher;
    /** Display names of the runtimes loading, by language id. */
    private final Map<String, String> loading = new LinkedHashMap<>();
    /** Descriptions of the runtimes that loaded, by language id. */
    private final Map<String, String> ready = new LinkedHashMap<>();
    private String failure;
    private boolean running;
    private boolean started;
    private KernelState shownState;
    private String shownDetail;

    public RuntimeStatus(Publisher publisher) {
        this.publisher = publisher;
    }

    /** A listener for the load of {@code runtime} that keeps this status (and then {@code next}) informed. */
    public LanguageRuntime.LoadListener tracking(LanguageRuntime runtime, ProgressListener next) {
        String id = runtime.languageId();
        loading.put(id, runtime.displayName());
        ready.remove(id);
        return new LanguageRuntime.LoadListener() {
            @Override
            public void progress(double loadedBytes, double totalBytes) {
                next.progress(loadedBytes, totalBytes);
            }

            @Override
            public void ready(String description) {
                loading.remove(id);
                ready.put(id, description == null ? "" : description);
                publish();
            }

            @Override
            public void reloading() {
                ready.remove(id);
                loading.put(id, runtime.displayName());
                publish();
            }

            @Override
            public void failed(String reason) {
                loading.remove(id);
                if (failure == null) {
                    failure = reason;
                }
                publish();
            }
        };
    }

    /** Hears download progress. */
    public interface ProgressListener {
        void progress(double loadedBytes, double totalBytes);
    }

    /** From now on, changes are published; publishes the state at once. */
    public void start() {
        started = true;
        publish();
    }

    public void runStarted() {
        running = true;
        publish();
    }

    public void runFinished() {
        running = false;
        publish();
    }

    private void publish() {
        if (!started) {
            return;
        }
        KernelState state;
        String detail;
        if (failure != null) {
            state = KernelState.FAILED;
            detail = failure;
        } else if (!loading.isEmpty()) {
            state = KernelState.LOADING;
            detail = "Loading " + String.join(", ", loading.values()) + "…";
        } else if (running) {
            state = KernelState.BUSY;
            detail = "";
        } else {
            state = KernelState.IDLE;
            StringBuilder described = new StringBuilder();
            for (String description : ready.values()) {
                if (!description.isEmpty()) {
                    described.append(described.length() == 0 ? "" : ", ").append(description);
                }
            }
            detail = described.toString();
        }
        if (state == shownState && detail.equals(shownDetail)) {
            return;
        }
        shownState = state;
        shownDetail = detail;
        publisher.publish(state, detail);
    }
}

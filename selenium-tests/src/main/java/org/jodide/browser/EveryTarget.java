package org.jodide.browser;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.devtools.Command;
import org.openqa.selenium.devtools.Connection;
import org.openqa.selenium.devtools.SeleniumCdpConnection;
import org.openqa.selenium.devtools.idealized.target.model.SessionID;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * DevTools sessions on every JavaScript context of the browser: its pages, their out-of-process
 * frames (the notebook's report frame has an opaque origin, hence a process of its own) and their
 * workers (the report's Python worker, the service worker), each attached from the browser's own
 * session, where chromedriver's DevTools reach only the page it drives. For what must be done
 * everywhere at once, such as a garbage collection in every isolate before memory is read (a Blob
 * whose bytes the browser process holds goes only when every context that could still reach it has
 * collected).
 */
public final class EveryTarget implements AutoCloseable {
    private static final Duration ANSWER = Duration.ofSeconds(20);
    /** The targets that run JavaScript (the browser lists dedicated workers too: "worker"). */
    private static final Set<String> SCRIPT_TYPES = Set.of("page", "iframe", "worker", "service_worker", "shared_worker");

    /** An attached context: its DevTools type ("page", "iframe", "worker", "service_worker") and session. */
    private record Attached(String type, SessionID session) {
    }

    private final Connection connection;
    /** Attached targets by target id (filled by the caller's thread only, in attachAll). */
    private final Map<String, Attached> sessions = new HashMap<>();

    public EveryTarget(ChromeDriver driver) {
        connection = SeleniumCdpConnection.create(driver)
                .orElseThrow(() -> new IllegalStateException("the browser offers no DevTools connection"));
    }

    /**
     * Collects garbage in every page, frame and worker there is now (a major collection in each
     * isolate, as DevTools' "Collect garbage" does). A worker started while this runs may be missed.
     */
    public void collectGarbage() {
        attachAll();
        for (Attached target : sessions.values()) {
            try {
                connection.sendAndWait(target.session(), new Command<Void>("HeapProfiler.collectGarbage", Map.of()), ANSWER);
            } catch (RuntimeException gone) {
                // The context ended meanwhile (a page navigated, a worker stopped): nothing left to collect there.
            }
        }
    }

    /** Attaches to each page, frame and worker of the browser not yet attached. */
    @SuppressWarnings("unchecked")
    private void attachAll() {
        Map<String, Object> answer = connection.sendAndWait(null,
                new Command<Map<String, Object>>("Target.getTargets", Map.of(), input -> input.read(Map.class)), ANSWER);
        for (Map<String, Object> target : (List<Map<String, Object>>) answer.get("targetInfos")) {
            String id = (String) target.get("targetId");
            if (!SCRIPT_TYPES.contains((String) target.get("type")) || sessions.containsKey(id)) {
                continue;
            }
            Map<String, Object> attached;
            try {
                attached = connection.sendAndWait(null, new Command<Map<String, Object>>("Target.attachToTarget",
                        Map.of("targetId", id, "flatten", true), input -> input.read(Map.class)), ANSWER);
            } catch (RuntimeException gone) {
                // Ended since it was listed (an idle service worker stopped, a tab closed): nothing to collect there.
                continue;
            }
            SessionID session = new SessionID((String) attached.get("sessionId"));
            sessions.put(id, new Attached((String) target.get("type"), session));
        }
    }

    /** The types of the contexts attached so far, one per context ("page", "iframe", "worker", …). */
    public List<String> attachedTypes() {
        return sessions.values().stream().map(Attached::type).sorted().toList();
    }

    @Override
    public void close() {
        connection.close();
    }
}

package org.jodide.browser;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.devtools.Command;
import org.openqa.selenium.devtools.Connection;
import org.openqa.selenium.devtools.Event;
import org.openqa.selenium.devtools.SeleniumCdpConnection;
import org.openqa.selenium.devtools.idealized.target.model.SessionID;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * DevTools sessions on every JavaScript context of the browser: its pages, their out-of-process
 * frames (the notebook's report frame has an opaque origin, hence a process of its own) and the
 * workers of each (the report's Python worker), where chromedriver's DevTools reach only the page
 * it drives. For what must be done everywhere at once, such as a garbage collection in every
 * isolate before memory is read (a Blob whose bytes the browser process holds goes only when every
 * context that could still reach it has collected).
 */
public final class EveryTarget implements AutoCloseable {
    private static final Duration ANSWER = Duration.ofSeconds(20);
    /** Targets that run JavaScript and are attached from the browser's session. */
    private static final Set<String> TOP_TYPES = Set.of("page", "iframe", "service_worker", "shared_worker");

    private final Connection connection;
    /** An attached context: its DevTools type ("page", "iframe", "worker", "service_worker") and session. */
    private record Attached(String type, SessionID session) {
    }

    /** Attached targets by target id. */
    private final Map<String, Attached> sessions = new ConcurrentHashMap<>();

    public EveryTarget(ChromeDriver driver) {
        connection = SeleniumCdpConnection.create(driver)
                .orElseThrow(() -> new IllegalStateException("the browser offers no DevTools connection"));
        // A frame's workers are attached through the frame's session (setAutoAttach), flattened: their
        // sessions are announced here.
        connection.addListener(new Event<Map<String, Object>>("Target.attachedToTarget", input -> input.read(Map.class)),
                (sequence, event) -> attached(event));
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

    /** Attaches to each page, frame and service worker not yet attached, and through each to its workers. */
    @SuppressWarnings("unchecked")
    private void attachAll() {
        Map<String, Object> answer = connection.sendAndWait(null,
                new Command<Map<String, Object>>("Target.getTargets", Map.of(), input -> input.read(Map.class)), ANSWER);
        for (Map<String, Object> target : (List<Map<String, Object>>) answer.get("targetInfos")) {
            String id = (String) target.get("targetId");
            if (!TOP_TYPES.contains((String) target.get("type")) || sessions.containsKey(id)) {
                continue;
            }
            Map<String, Object> attached = connection.sendAndWait(null, new Command<Map<String, Object>>("Target.attachToTarget",
                    Map.of("targetId", id, "flatten", true), input -> input.read(Map.class)), ANSWER);
            SessionID session = new SessionID((String) attached.get("sessionId"));
            sessions.put(id, new Attached((String) target.get("type"), session));
            connection.sendAndWait(session, new Command<Void>("Target.setAutoAttach",
                    Map.of("autoAttach", true, "waitForDebuggerOnStart", false, "flatten", true)), ANSWER);
        }
    }

    @SuppressWarnings("unchecked")
    private void attached(Map<String, Object> event) {
        Map<String, Object> target = (Map<String, Object>) event.get("targetInfo");
        if (target != null && event.get("sessionId") instanceof String session) {
            sessions.putIfAbsent((String) target.get("targetId"), new Attached((String) target.get("type"), new SessionID(session)));
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

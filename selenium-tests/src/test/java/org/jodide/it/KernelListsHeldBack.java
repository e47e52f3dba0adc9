package org.jodide.it;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.devtools.Command;
import org.openqa.selenium.devtools.DevTools;
import org.openqa.selenium.devtools.Event;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Holds the page's answers to {@code GET /api/kernels} (a Jupyter server's kernel list) until an
 * answer to {@code POST /api/kernels} (a kernel's start) has gone to the page, or for {@link #HOLD}
 * at most; everything else passes at once. DevTools' Fetch domain, paused at the response: the list
 * is the one the server gave when it was asked. Raw DevTools commands, so no Selenium DevTools
 * version is needed. A DevTools command that fails is kept ({@link #failures()}), not dropped: a
 * test then says why the page's requests stalled instead of timing out on them.
 *
 * <pre>
 * try (KernelListsHeldBack lists = new KernelListsHeldBack(driver)) {
 *     ... connect the page to the server ...
 *     assertTrue(lists.held() > 0);
 *     assertEquals(List.of(), lists.failures());
 * }
 * </pre>
 */
final class KernelListsHeldBack implements AutoCloseable {
    /** The longest a list is held: a page that waits for the list before it starts a kernel then goes on. */
    static final Duration HOLD = Duration.ofSeconds(4);
    /** After a start's answer, the lists held go this much later, once the page has taken the start in. */
    static final Duration AFTER_START = Duration.ofMillis(300);

    private final DevTools devTools;
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "kernel-lists-held-back");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<String> waiting = new HashSet<>();
    private final List<String> failures = new ArrayList<>();
    private int held;
    private boolean started;

    KernelListsHeldBack(ChromeDriver driver) {
        devTools = driver.getDevTools();
        devTools.createSession();
        // DevTools' events arrive on the thread that reads its answers: answer them from another.
        devTools.addListener(new Event<Map<String, Object>>("Fetch.requestPaused", input -> input.read(Map.class)),
                event -> sender.execute(() -> paused(event)));
        devTools.send(new Command<Void>("Fetch.enable", Map.of("patterns",
                List.of(Map.of("urlPattern", "*/api/kernels*", "requestStage", "Response")))));
    }

    /** How many kernel lists were held back so far. */
    synchronized int held() {
        return held;
    }

    /** The DevTools commands that failed, each with its error; empty when every answer went on. */
    synchronized List<String> failures() {
        return List.copyOf(failures);
    }

    private void paused(Map<String, Object> event) {
        String id = (String) event.get("requestId");
        Map<?, ?> request = (Map<?, ?>) event.get("request");
        String method = String.valueOf(request.get("method"));
        boolean kernels = URI.create(String.valueOf(request.get("url"))).getPath().endsWith("/api/kernels");
        synchronized (this) {
            if (kernels && "GET".equals(method) && !started) {
                held++;
                waiting.add(id);
                sender.schedule(() -> release(id), HOLD.toMillis(), TimeUnit.MILLISECONDS);
                return;
            }
            if (kernels && "POST".equals(method)) {
                started = true;
                for (String list : waiting) {
                    sender.schedule(() -> release(list), AFTER_START.toMillis(), TimeUnit.MILLISECONDS);
                }
            }
        }
        pass(id, method + " " + request.get("url"));
    }

    private void release(String id) {
        synchronized (this) {
            if (!waiting.remove(id)) {
                return;
            }
        }
        pass(id, "GET (held kernel list)");
    }

    private void pass(String id, String what) {
        try {
            devTools.send(new Command<Void>("Fetch.continueResponse", Map.of("requestId", id)));
        } catch (RuntimeException error) {
            synchronized (this) {
                failures.add("Fetch.continueResponse for " + what + ": " + error);
            }
        }
    }

    @Override
    public void close() {
        devTools.send(new Command<Void>("Fetch.disable", Map.of()));
        sender.shutdownNow();
        devTools.clearListeners();
        devTools.disconnectSession();
    }
}

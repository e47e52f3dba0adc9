package org.jodide.core.kernel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Requests waiting for their reply, by request id, each answered exactly once: by its reply, by a
 * deadline (the other side is busy, or gone), or by {@link #giveUpAll} (the other side restarted),
 * the last two with the request's fallback. A reply that comes after is dropped.
 *
 * <pre>{@code
 * PendingReplies<String> inspections = new PendingReplies<>(Window::setTimeout);
 * inspections.await(id, 1500, "", text -> show(text));   // then send the request
 * inspections.answer(id, "Signature: len(obj, /)");      // when its reply comes
 * }</pre>
 *
 * @param <T> the reply
 */
public final class PendingReplies<T> {
    /** Runs an action once, after {@code delayMs} (the page's setTimeout). */
    @FunctionalInterface
    public interface Timer {
        void after(Runnable action, int delayMs);
    }

    private record Waiting<T>(Consumer<T> reply, T fallback) {
    }

    private final Timer timer;
    private final Map<Integer, Waiting<T>> waiting = new HashMap<>();

    /** @param timer how deadlines are kept; null for requests that have none */
    public PendingReplies(Timer timer) {
        this.timer = timer;
    }

    /** Waits for the reply to {@code requestId}, with no deadline. */
    public void await(int requestId, T fallback, Consumer<T> reply) {
        waiting.put(requestId, new Waiting<>(reply, fallback));
    }

    /** Waits for the reply to {@code requestId}; {@code reply} hears {@code fallback} after {@code timeoutMs} instead. */
    public void await(int requestId, int timeoutMs, T fallback, Consumer<T> reply) {
        await(requestId, fallback, reply);
        timer.after(() -> giveUp(requestId), timeoutMs);
    }

    /** The reply to {@code requestId} came: its waiter hears it (nobody, when it was given up). */
    public void answer(int requestId, T reply) {
        Waiting<T> request = waiting.remove(requestId);
        if (request != null) {
            request.reply().accept(reply);
        }
    }

    private void giveUp(int requestId) {
        Waiting<T> request = waiting.remove(requestId);
        if (request != null) {
            request.reply().accept(request.fallback());
        }
    }

    /** Every request still waiting hears its fallback (the other side is gone). */
    public void giveUpAll() {
        List<Waiting<T>> given = new ArrayList<>(waiting.values());
        waiting.clear();
        for (Waiting<T> request : given) {
            request.reply().accept(request.fallback());
        }
    }
}

package org.jodide.core.kernel;

import java.util.function.Consumer;

/**
 * An answer given at most once: the first value wins, later ones are dropped. For a request that
 * two things may answer, such as a kernel's reply racing its deadline.
 *
 * <pre>{@code
 * FirstAnswer<String> help = new FirstAnswer<>(text);
 * Window.setTimeout(help.orElse("")::run, timeoutMs);   // "" if the kernel has not answered by then
 * session.inspect(code, cursor, help);                  // a reply after the deadline is dropped
 * }</pre>
 */
public final class FirstAnswer<T> implements Consumer<T> {
    private final Consumer<T> answer;
    private boolean given;

    public FirstAnswer(Consumer<T> answer) {
        this.answer = answer;
    }

    @Override
    public void accept(T value) {
        if (!given) {
            given = true;
            answer.accept(value);
        }
    }

    /** Gives {@code fallback} when run, unless an answer came first (for a deadline's timer). */
    public Runnable orElse(T fallback) {
        return () -> accept(fallback);
    }
}

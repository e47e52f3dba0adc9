package org.jodide.core.run;

import java.util.function.ObjIntConsumer;

/**
 * Passes on results that settle in any order in the order of their indexes: an item is held
 * until every item before it has settled. A fetch chunk's lines load at once and finish in any
 * order, but are reported in line order.
 *
 * @param <T> the result of one item
 */
public final class InOrderRelease<T> {
    private final Object[] held;
    private final boolean[] settled;
    private final ObjIntConsumer<T> release;
    private int next;

    /**
     * @param size    how many items (indexes {@code 0..size-1})
     * @param release gets each item with its index, in index order, once
     */
    public InOrderRelease(int size, ObjIntConsumer<T> release) {
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative: " + size);
        }
        this.held = new Object[size];
        this.settled = new boolean[size];
        this.release = release;
    }

    /** Item {@code index} settled with {@code result}; passes on every item now free to go. */
    public void settle(int index, T result) {
        if (index < 0 || index >= held.length) {
            throw new IndexOutOfBoundsException("index " + index + " of " + held.length + " items");
        }
        if (settled[index]) {
            throw new IllegalStateException("item " + index + " settled twice");
        }
        settled[index] = true;
        held[index] = result;
        while (next < held.length && settled[next]) {
            pass(next++);
        }
    }

    /** Passes on the items still held, in order, skipping the ones that never settled (the run was stopped). */
    public void releaseSettled() {
        for (; next < held.length; next++) {
            if (settled[next]) {
                pass(next);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void pass(int index) {
        T result = (T) held[index];
        held[index] = null;
        release.accept(result, index);
    }
}

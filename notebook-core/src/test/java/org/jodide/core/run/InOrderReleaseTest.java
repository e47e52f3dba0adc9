package org.jodide.core.run;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class InOrderReleaseTest {
    private final List<String> released = new ArrayList<>();
    private final InOrderRelease<String> lines = new InOrderRelease<>(3, (result, index) -> released.add(index + ":" + result));

    @Test
    void aFastLineWaitsForTheSlowLineBeforeIt() {
        lines.settle(1, "fast");
        lines.settle(2, "faster");
        assertEquals(List.of(), released);
        lines.settle(0, "slow");
        assertEquals(List.of("0:slow", "1:fast", "2:faster"), released);
    }

    @Test
    void linesSettlingInOrderGoAtOnce() {
        lines.settle(0, "a");
        assertEquals(List.of("0:a"), released);
        lines.settle(1, "b");
        assertEquals(List.of("0:a", "1:b"), released);
    }

    @Test
    void whenTheRunStopsTheSettledLinesStillGoInOrder() {
        lines.settle(2, "c");
        lines.settle(1, "b");
        lines.releaseSettled();
        assertEquals(List.of("1:b", "2:c"), released);
    }

    @Test
    void anItemSettlesOnce() {
        lines.settle(0, "a");
        assertThrows(IllegalStateException.class, () -> lines.settle(0, "again"));
        assertThrows(IndexOutOfBoundsException.class, () -> lines.settle(3, "x"));
    }
}

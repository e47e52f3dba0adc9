package org.jodide.core.output;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LineCapTest {
    @Test
    void nothingIsDroppedUnderTheCap() {
        LineCap cap = new LineCap(3, 0, 100);
        assertEquals(0, cap.append("a\nb\n"));
        assertEquals(0, cap.append("c"));
        assertEquals(3, cap.shown());
        assertEquals(0, cap.settle());
        assertEquals(0, cap.hidden());
    }

    @Test
    void linesOverCapAndSlackAreDroppedInOneBatch() {
        LineCap cap = new LineCap(3, 2, 100);
        assertEquals(0, cap.append("1\n2\n3\n4\n5\n"), "5 lines fit in 3 + 2 of slack");
        assertEquals(3, cap.append("6\n"), "the 6th line trims back to the cap");
        assertEquals(3, cap.shown());
        assertEquals(3, cap.hidden());
    }

    @Test
    void settlingTrimsExactlyToTheCap() {
        LineCap cap = new LineCap(3, 10, 100);
        cap.append("1\n2\n3\n4\n5\n");
        assertEquals(2, cap.settle());
        assertEquals(3, cap.shown());
        assertEquals(2, cap.hidden());
        assertEquals(0, cap.settle(), "settling twice drops nothing more");
    }

    @Test
    void aPartialLastLineCountsAndIsNeverDropped() {
        LineCap cap = new LineCap(1, 0, 100);
        assertEquals(0, cap.append("abc"));
        assertEquals(1, cap.shown());
        assertEquals(1, cap.append("\ndef"), "the finished line goes, the partial one stays");
        assertEquals(1, cap.shown());
        assertEquals(0, cap.append("ghi"), "still one partial line");
    }

    @Test
    void onlyWholeLinesAreDroppedWhenTheCapIsAllPartial() {
        LineCap cap = new LineCap(1, 0, 100);
        cap.append("x\n");
        assertEquals(0, cap.settle());
        assertEquals(1, cap.append("y\n"));
    }

    @Test
    void theFullTextIsKeptUpToTheLimitThenItsStart() {
        LineCap cap = new LineCap(1, 0, 6);
        cap.append("ab\n");
        cap.append("cd\n");
        assertTrue(cap.keptAll());
        assertEquals("ab\ncd\n", cap.keptText());
        cap.append("ef\n");
        assertFalse(cap.keptAll());
        assertEquals("ab\ncd\n", cap.keptText());
        cap.append("g");
        assertEquals("ab\ncd\n", cap.keptText());
    }

    @Test
    void aCapThatKeepsNothingSaysSo() {
        LineCap cap = new LineCap(10, 0, 0);
        cap.append("a\n");
        assertFalse(cap.keepsText());
        assertEquals("", cap.keptText());
    }

    @Test
    void aMillionLinesCostLinearTime() {
        LineCap cap = LineCap.standard();
        // A quadratic cap takes minutes here; 20 s leaves room for a loaded CI machine.
        assertTimeoutPreemptively(java.time.Duration.ofSeconds(20), () -> {
            long dropped = 0;
            for (int i = 0; i < 1_000_000; i++) {
                dropped += cap.append(i + "\n");
            }
            dropped += cap.settle();
            assertEquals(1_000_000 - LineCap.MAX_LINES, dropped);
        });
        assertEquals(LineCap.MAX_LINES, cap.shown());
        assertEquals(1_000_000 - LineCap.MAX_LINES, cap.hidden());
    }

    @Test
    void badConfigurationNamesTheParameter() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new LineCap(0, 0, 0)).getMessage().contains("maxLines"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new LineCap(1, -1, 0)).getMessage().contains("slack"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new LineCap(1, 0, -1)).getMessage().contains("maxKeptChars"));
    }
}

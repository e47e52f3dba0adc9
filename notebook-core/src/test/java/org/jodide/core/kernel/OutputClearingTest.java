package org.jodide.core.kernel;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OutputClearingTest {
    private final List<String> seen = new ArrayList<>();
    private final OutputClearing clearing = new OutputClearing(new ExecutionListener() {
        @Override
        public void output(OutputStream stream, String text) {
        }

        @Override
        public void display(String mimeType, String data) {
        }

        @Override
        public void finished(String value, String error) {
        }

        @Override
        public void clearOutput() {
            seen.add("cleared");
        }
    });

    @Test
    void aClearingWithoutWaitClearsAtOnce() {
        clearing.clear(false);
        assertEquals(List.of("cleared"), seen);
        clearing.beforeOutput();
        assertEquals(List.of("cleared"), seen, "nothing waits");
    }

    @Test
    void aWaitingClearingClearsOnceJustBeforeTheNextOutput() {
        clearing.clear(true);
        clearing.clear(true);
        assertEquals(List.of(), seen);
        clearing.beforeOutput();
        clearing.beforeOutput();
        assertEquals(List.of("cleared"), seen);
    }

    @Test
    void aClearingAtOnceTakesTheWaitingOnesPlace() {
        clearing.clear(true);
        clearing.clear(false);
        clearing.beforeOutput();
        assertEquals(List.of("cleared"), seen);
    }
}

package org.jodide.core.kernel;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OutputStreamTest {
    @Test
    void aStreamNameIsStderrOnlyWhenItSaysSo() {
        assertEquals(OutputStream.STDERR, OutputStream.ofStreamName("stderr"));
        assertEquals(OutputStream.STDOUT, OutputStream.ofStreamName("stdout"));
        assertEquals(OutputStream.STDOUT, OutputStream.ofStreamName(null));
        assertEquals(OutputStream.STDOUT, OutputStream.ofStreamName("STDERR"), "Jupyter's names are lower case");
    }
}

package org.jodide.core;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TrustTest {
    @Test
    void runningAnyCodeMakesANotebookFromALinkTrusted() {
        assertEquals(Trust.TRUSTED, Trust.UNTRUSTED.afterUserRun());
    }

    @Test
    void aTrustedNotebookStaysTrustedWhenRun() {
        assertEquals(Trust.TRUSTED, Trust.TRUSTED.afterUserRun());
    }
}

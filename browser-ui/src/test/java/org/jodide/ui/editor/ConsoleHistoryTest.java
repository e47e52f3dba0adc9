package org.jodide.ui.editor;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ConsoleHistoryTest {
    @Test
    void walksBackToTheOldestAndForwardToTheDraft() {
        ConsoleHistory history = new ConsoleHistory();
        history.add("first = 1");
        history.add("second = 2");
        assertEquals(Optional.of("second = 2"), history.earlier("draft"));
        assertEquals(Optional.of("first = 1"), history.earlier("second = 2"));
        assertEquals(Optional.empty(), history.earlier("first = 1"), "nothing before the oldest");
        assertEquals(Optional.of("second = 2"), history.later());
        assertEquals(Optional.of("draft"), history.later(), "what was typed comes back");
        assertEquals(Optional.empty(), history.later());
    }

    @Test
    void anInputRunTwiceInARowIsKeptOnceAndRunningStartsTheWalkAgain() {
        ConsoleHistory history = new ConsoleHistory();
        history.add("x");
        history.add("x");
        history.add("y");
        assertEquals(Optional.of("y"), history.earlier(""));
        assertEquals(Optional.of("x"), history.earlier("y"));
        history.add("x");
        assertEquals(Optional.of("x"), history.earlier(""));
        assertEquals(Optional.of("y"), history.earlier("x"));
        assertEquals(Optional.of("x"), history.earlier("y"));
        assertEquals(Optional.empty(), history.earlier("x"));
    }

    @Test
    void anEmptyHistoryHasNothingToShow() {
        ConsoleHistory history = new ConsoleHistory();
        assertEquals(Optional.empty(), history.earlier("typed"));
        assertEquals(Optional.empty(), history.later());
    }
}

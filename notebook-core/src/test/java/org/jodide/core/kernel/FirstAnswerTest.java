package org.jodide.core.kernel;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FirstAnswerTest {
    private final List<String> given = new ArrayList<>();
    private final FirstAnswer<String> answer = new FirstAnswer<>(given::add);

    @Test
    void theReplyBeforeTheDeadlineIsGivenAndTheFallbackDropped() {
        answer.accept("help text");
        answer.orElse("").run();
        assertEquals(List.of("help text"), given);
    }

    @Test
    void theDeadlineGivesTheFallbackAndALateReplyIsDropped() {
        answer.orElse("").run();
        answer.accept("late help");
        assertEquals(List.of(""), given);
    }
}

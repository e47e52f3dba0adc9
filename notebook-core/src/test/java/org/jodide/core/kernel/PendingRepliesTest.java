package org.jodide.core.kernel;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PendingRepliesTest {
    private final List<Runnable> deadlines = new ArrayList<>();
    private final List<String> heard = new ArrayList<>();
    private final PendingReplies<String> replies = new PendingReplies<>((action, delayMs) -> deadlines.add(action));

    @Test
    void aReplyIsHeardOnceAndItsDeadlineThenDoesNothing() {
        replies.await(1, 100, "none", heard::add);
        replies.answer(1, "help");
        deadlines.forEach(Runnable::run);
        replies.answer(1, "again");
        assertEquals(List.of("help"), heard);
    }

    @Test
    void aDeadlineGivesTheFallbackAndALateReplyIsDropped() {
        replies.await(1, 100, "none", heard::add);
        deadlines.forEach(Runnable::run);
        replies.answer(1, "late");
        assertEquals(List.of("none"), heard);
    }

    @Test
    void givingUpAllAnswersEveryWaiterWithItsFallbackOnce() {
        replies.await(1, "first", heard::add);
        replies.await(2, 100, "second", heard::add);
        replies.answer(3, "nobody asked");
        replies.giveUpAll();
        deadlines.forEach(Runnable::run);
        heard.sort(null);
        assertEquals(List.of("first", "second"), heard);
    }
}

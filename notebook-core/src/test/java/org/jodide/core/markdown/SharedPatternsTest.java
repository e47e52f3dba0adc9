package org.jodide.core.markdown;

import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SharedPatternsTest {
    @Test
    void theSameRegexAndFlagsGiveTheSamePattern() {
        Pattern first = SharedPatterns.compile("^#{1,6}(?:[ \t]+|$)");
        assertSame(first, SharedPatterns.compile("^#{1,6}(?:[ \t]+|$)"));
        assertSame(first, SharedPatterns.compile("^#{1,6}(?:[ \t]+|$)", 0));
    }

    @Test
    void flagsAreKeptApart() {
        Pattern plain = SharedPatterns.compile("abc");
        Pattern insensitive = SharedPatterns.compile("abc", Pattern.CASE_INSENSITIVE);
        assertNotSame(plain, insensitive);
        assertEquals(Pattern.CASE_INSENSITIVE, insensitive.flags());
        assertTrue(insensitive.matcher("ABC").matches());
    }

    @Test
    void aSharedPatternMatchesIndependentlyForEachCaller() {
        Pattern digits = SharedPatterns.compile("\\d+");
        var outer = digits.matcher("a1b22c333");
        assertTrue(outer.find());
        var inner = SharedPatterns.compile("\\d+").matcher("4444");
        assertTrue(inner.matches());
        assertTrue(outer.find());
        assertEquals("22", outer.group());
    }

    @Test
    void anInvalidRegexFailsEveryTimeAsPatternCompileDoes() {
        assertThrows(PatternSyntaxException.class, () -> SharedPatterns.compile("(unclosed"));
        assertThrows(PatternSyntaxException.class, () -> SharedPatterns.compile("(unclosed"));
    }
}

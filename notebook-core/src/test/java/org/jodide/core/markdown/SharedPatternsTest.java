package org.jodide.core.markdown;

import com.vladsch.flexmark.ast.util.Parsing;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Field;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.regex.PatternSyntaxException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    @Test
    void startAnchoredMeansEveryAlternativeBeginsWithTheInputsStart() {
        for (String anchored : List.of("^", "^abc", "^a|^b", "^(a|b)c", "^[|]x", "^\\|a", "^[a[|]]|^b", "^(?:x|y)(?=[ \t]|$)",
                "^#{1,6}(?:[ \t]+|$)", "^([\\Q+*-\\E])(?= |\t|$)|^(\\d{1,9})([.)])(?= |\t|$)", "^\\Qa|b\\E", "^\\Qa|b",
                "^\\Q(\\E|^x")) {
            assertTrue(SharedPatterns.isStartAnchored(anchored, 0), anchored);
            assertTrue(SharedPatterns.isStartAnchored(anchored, Pattern.CASE_INSENSITIVE), anchored);
        }
        for (String unanchored : List.of("", "a", "a^", "^a|b", "^a|", "(^a)", "(^a|^b)", "^[a|b]|c", "\\^a", "^a\\|b|c",
                "(?m)^a", "^(?i)a", "\\Q^\\Ea", "^\\Qa\\E|b", "^[]|]|b", "^[^]|]|b", "^(a|b", "^[a")) {
            assertFalse(SharedPatterns.isStartAnchored(unanchored, 0), unanchored);
        }
        assertFalse(SharedPatterns.isStartAnchored("^a", Pattern.MULTILINE));
        assertFalse(SharedPatterns.isStartAnchored("^a", Pattern.COMMENTS));
        assertFalse(SharedPatterns.isStartAnchored("^a", Pattern.LITERAL));
    }

    /**
     * Every pattern of flexmark's {@link Parsing} and of its fenced code and thematic break parsers, through
     * {@link SharedPatterns#matcher} and {@link SharedPatterns#find}, finds what {@code java.util.regex}
     * finds on every line and every line's tail of the markdown corpus, and so do the finds after
     * the first and a find after {@code matches()}.
     */
    @Test
    void flexmarksPatternsFindWhatJavaFinds() throws Exception {
        List<Pattern> patterns = parsingPatterns();
        List<String> inputs = corpusLines();
        int anchored = 0;
        for (Pattern original : patterns) {
            Pattern shared = SharedPatterns.compile(original.pattern(), original.flags());
            anchored += SharedPatterns.isStartAnchored(original.pattern(), original.flags()) ? 1 : 0;
            for (String input : inputs) {
                assertEquals(finds(original.matcher(input), 3), finds(SharedPatterns.matcher(shared, input), 3),
                        () -> original.pattern() + " on " + input);
                Matcher regionOriginal = original.matcher(input).region(Math.min(2, input.length()), input.length());
                Matcher regionShared = SharedPatterns.matcher(shared, input).region(Math.min(2, input.length()), input.length());
                assertEquals(finds(regionOriginal, 2), finds(regionShared, 2), () -> original.pattern() + " in a region of " + input);
                Matcher afterMatches = SharedPatterns.matcher(shared, input);
                Matcher afterMatchesOriginal = original.matcher(input);
                assertEquals(afterMatchesOriginal.matches(), SharedPatterns.matches(afterMatches));
                assertEquals(finds(afterMatchesOriginal, 1), finds(afterMatches, 1), () -> original.pattern() + " after matches() on " + input);
            }
        }
        assertTrue(anchored >= 5, "flexmark's block patterns are start-anchored: " + anchored + " of " + patterns.size());
    }

    /**
     * What {@code count} finds in a row through {@link SharedPatterns#find} give: for each, whether it
     * found and where, with its groups (a matcher not made by {@link SharedPatterns#matcher} just finds).
     */
    private static List<String> finds(Matcher matcher, int count) {
        List<String> found = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            boolean hit = SharedPatterns.find(matcher);
            StringBuilder result = new StringBuilder(String.valueOf(hit));
            if (hit) {
                result.append(' ').append(matcher.start()).append('-').append(matcher.end());
                for (int group = 1; group <= matcher.groupCount(); group++) {
                    result.append(" [").append(matcher.group(group)).append(']');
                }
            }
            found.add(result.toString());
        }
        return found;
    }

    private static List<Pattern> parsingPatterns() throws ReflectiveOperationException {
        MutableDataSet options = new MutableDataSet();
        Parsing parsing = new Parsing(Parser.builder(options).build().getOptions());
        List<Pattern> patterns = new ArrayList<>();
        for (Field field : Parsing.class.getFields()) {
            if (field.getType() == Pattern.class) {
                Object value = java.lang.reflect.Modifier.isStatic(field.getModifiers()) ? field.get(null) : field.get(parsing);
                if (value != null) {
                    patterns.add((Pattern) value);
                }
            }
        }
        for (String blockParser : List.of("com.vladsch.flexmark.parser.core.FencedCodeBlockParser",
                "com.vladsch.flexmark.parser.core.ThematicBreakParser")) {
            for (Field field : Class.forName(blockParser).getDeclaredFields()) {
                if (field.getType() == Pattern.class && java.lang.reflect.Modifier.isStatic(field.getModifiers())) {
                    field.setAccessible(true);
                    patterns.add((Pattern) field.get(null));
                }
            }
        }
        return patterns;
    }

    private static List<String> corpusLines() throws IOException, URISyntaxException {
        Path corpus = Path.of(SharedPatternsTest.class.getResource("corpus").toURI());
        List<String> inputs = new ArrayList<>(List.of("", " ", "-", "- x", "1. x", "1)", "```", "~~~ py", "# x", "###### x", "####### x",
                "***", "<div>", "<!-- x -->", "\\*", "&amp;"));
        try (Stream<Path> files = Files.list(corpus)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".md")).sorted().toList()) {
                for (String line : Files.readString(file, StandardCharsets.UTF_8).split("\n")) {
                    inputs.add(line);
                    inputs.add(line.stripLeading());
                }
            }
        }
        return inputs.stream().distinct().toList();
    }
}

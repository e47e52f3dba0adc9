package org.jodide.core.markdown;

import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.Escaping;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link FlexmarkEscaping} gives exactly what flexmark's own {@link Escaping} gives, on the JVM. */
class FlexmarkEscapingTest {
    private static final List<String> EDGES = List.of(
            "", "plain text", "&", "<", ">", "\"", "'", "a & b < c > d \"e\"",
            "&amp;", "&AMP;", "&lt;&gt;", "&quot", "&;", "&a;", "&ab;", "&a1;", "&1a;", "&a-b;",
            "&#;", "&#1;", "&#12345678;", "&#123456789;", "&#x;", "&#x1F600;", "&#X1f600;", "&#xABCDEF12;",
            "&#xABCDEF123;", "&#xg;", "&#x12", "&#12", "& amp;", "&&amp;", "&amp;&", "&#&#x41;",
            "&" + "a".repeat(31) + ";", "&" + "a".repeat(32) + ";", "&" + "a".repeat(33) + ";",
            "x&nbsp;y&copy;z&#169;w", "end with &", "é & ü < 😀 >", "\r", "\n", "\r\n", "a\rb", "a\r\nb",
            "a\n\rb", "a\r\r\nb\r", "line\n", "line", "two\nlines", "\r\n\r\n",
            "\\", "\\*", "\\\\", "\\a", "a\\&amp;b", "\\&", "&#x26;\\`");
    private static final char[] ALPHABET = "&#xX;aAfFgZ019<>\"' \r\n\té\\*".toCharArray();

    @Test
    void escapesAsFlexmarkDoes() {
        for (String text : texts()) {
            for (boolean preserveEntities : new boolean[] {false, true}) {
                assertEquals(Escaping.escapeHtml(text, preserveEntities), FlexmarkEscaping.escapeHtml(text, preserveEntities),
                        () -> "escapeHtml(" + visible(text) + ", " + preserveEntities + ")");
            }
        }
    }

    @Test
    void unescapesAsFlexmarkDoes() {
        for (String text : texts()) {
            assertEquals(Escaping.unescapeString(text), FlexmarkEscaping.unescapeString(text), () -> "unescapeString(" + visible(text) + ")");
            for (boolean unescapeEntities : new boolean[] {false, true}) {
                assertEquals(Escaping.unescapeString(text, unescapeEntities), FlexmarkEscaping.unescapeString(text, unescapeEntities),
                        () -> "unescapeString(" + visible(text) + ", " + unescapeEntities + ")");
            }
        }
    }

    @Test
    void normalizesLineEndsAsFlexmarkDoes() {
        for (String text : texts()) {
            assertEquals(Escaping.normalizeEOL(text), FlexmarkEscaping.normalizeEOL(text), () -> "normalizeEOL(" + visible(text) + ")");
            for (boolean endWithEOL : new boolean[] {false, true}) {
                assertEquals(Escaping.normalizeEOL(text, endWithEOL), FlexmarkEscaping.normalizeEOL(text, endWithEOL),
                        () -> "normalizeEOL(" + visible(text) + ", " + endWithEOL + ")");
            }
        }
    }

    @Test
    void takesFlexmarksOwnSequences() {
        BasedSequence sequence = BasedSequence.of("<b>&amp; x</b>\r\n").subSequence(1, 16);
        assertEquals(Escaping.escapeHtml(sequence, true), FlexmarkEscaping.escapeHtml(sequence, true));
        assertEquals(Escaping.escapeHtml(sequence, false), FlexmarkEscaping.escapeHtml(sequence, false));
        assertEquals(Escaping.normalizeEOL(sequence), FlexmarkEscaping.normalizeEOL(sequence));
        assertEquals(Escaping.unescapeString(sequence), FlexmarkEscaping.unescapeString(sequence));
    }

    /** The edge cases, each between other text, and 20,000 random texts over an alphabet of the characters that matter. */
    private static List<String> texts() {
        List<String> texts = new ArrayList<>();
        for (String edge : EDGES) {
            texts.add(edge);
            texts.add("x" + edge + "y");
            texts.add(edge + edge);
        }
        Random random = new Random(20261202);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(24);
            for (int i = 0; i < length; i++) {
                text.append(ALPHABET[random.nextInt(ALPHABET.length)]);
            }
            texts.add(text.toString());
        }
        return texts;
    }

    private static String visible(String text) {
        return '"' + text.replace("\r", "\\r").replace("\n", "\\n") + '"';
    }
}

package org.jodide.iomd.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonReaderTest {
    private static JsonValue read(String text) {
        return new JsonReader(text, 0, text.length()).read();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "[]", "0", "-0.5e+10", "1E3", "true", "false", "null", "\"\"", " [1, [2, {\"a\": [null]}]] ",
        "\"\\u00e9\\ud83d\\ude00\\n\\\"\\/\"", "{\"a\":1,\"a\":2}"})
    void readsValidJson(String text) {
        JsonReader reader = new JsonReader(text, 0, text.length());
        assertNotNull(reader.read(), () -> "error: " + reader.error());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "[1,]", "{\"a\" 1}", "{a: 1}", "01", "1.", "-", "1e", "tru", "nul", "\"abc",
        "\"a\nb\"", "\"\\x\"", "\"\\u12\"", "\"\\u١٢٣٤\"", "[1] 2", "{\"a\":1,}", "'a'", "\u0000"})
    void reportsInvalidJsonWithoutThrowing(String text) {
        JsonReader reader = new JsonReader(text, 0, text.length());
        assertNull(reader.read());
        assertNotNull(reader.error());
        assertTrue(reader.errorAt() >= 0 && reader.errorAt() <= text.length());
    }

    @Test
    void decodesStringsAndKeepsPositions() {
        JsonValue.JsonObject object = (JsonValue.JsonObject) read("{ \"k\\u0041\" : \"v\\tw\" }");
        JsonValue.Member member = object.members().get(0);
        assertEquals("kA", member.key());
        assertEquals(2, member.keyStart());
        assertEquals(11, member.keyEnd());
        assertEquals("v\tw", ((JsonValue.JsonString) member.value()).value());
        assertEquals(14, member.value().start());
    }

    @Test
    void pointsAtTheFirstError() {
        JsonReader reader = new JsonReader("[1, 2 3]", 0, 8);
        reader.read();
        assertEquals(6, reader.errorAt());
        assertEquals("expected ',' or ']' in the array, found '3'", reader.error());
    }

    @Test
    void readsOnlyItsRange() {
        String text = "xx{\"a\": 1}yy";
        assertNotNull(new JsonReader(text, 2, 10).read());
    }

    @Test
    void limitsNesting() {
        String deep = "[".repeat(JsonReader.MAX_DEPTH + 1) + "]".repeat(JsonReader.MAX_DEPTH + 1);
        JsonReader reader = new JsonReader(deep, 0, deep.length());
        assertNull(reader.read());
        assertTrue(reader.error().contains("nested deeper"));
        String ok = "[".repeat(JsonReader.MAX_DEPTH) + "]".repeat(JsonReader.MAX_DEPTH);
        assertNotNull(read(ok));
    }
}

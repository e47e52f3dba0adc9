package org.jodide.iomd.internal;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@link JsonWriter} writes as Python's {@code json.dumps(value, indent=1, sort_keys=True, ensure_ascii=False)}. */
class JsonWriterTest {
    @Test
    void writesJavaValuesIndentedWithSortedKeys() {
        assertEquals("{\n \"a\": [\n  \"x\",\n  null,\n  true\n ],\n \"b\": 1,\n \"c\": {},\n \"d\": []\n}",
                JsonWriter.write(Map.of("b", 1, "a", Arrays.asList("x", null, true), "c", Map.of(), "d", List.of())));
        assertEquals("\"é \\\"q\\\" \\\\ \\n\\t\\u0001\"", JsonWriter.write("é \"q\" \\ \n\t\u0001"));
    }

    @Test
    void writesReadValuesAsPythonWritesWhatItLoads() {
        assertEquals("{\n \"a\": [\n  1,\n  2.5,\n  -3e-05,\n  1e+100\n ],\n \"b\": {\n  \"k\": false\n },\n \"z\": null\n}",
                written("{\"z\": null, \"b\": {\"k\": false}, \"a\": [1, 2.5, -3e-05, 1e+100]}"));
        assertEquals("{\n \"k\": 2\n}", written("{\"k\": 1, \"k\": 2}"), "of a repeated key the last value stays");
        assertEquals("\"a\\u0000b\"", written("\"a\\u0000b\""));
        assertEquals("[\n {\n  \"x\": [\n   []\n  ]\n }\n]", written("[{\"x\": [[]]}]"));
        assertEquals("{\n \"inner\": {\n  \"b\": 1\n }\n}", JsonWriter.write(Map.of("inner", read("{\"b\": 1}"))),
                "a read value inside Java values takes its depth");
    }

    @Test
    void refusesWhatIsNotJson() {
        assertThrows(IllegalArgumentException.class, () -> JsonWriter.write(List.of(1.5)));
    }

    private static String written(String json) {
        return JsonWriter.write(read(json));
    }

    private static JsonValue read(String json) {
        return new JsonReader(json, 0, json.length()).read();
    }
}

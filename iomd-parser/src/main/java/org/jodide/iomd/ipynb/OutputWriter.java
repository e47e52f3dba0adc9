package org.jodide.iomd.ipynb;

import org.jodide.iomd.internal.JsonReader;
import org.jodide.iomd.internal.JsonValue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cell outputs as the JSON nbformat writes: printed text and textual mime types split into lines
 * (Python's {@code splitlines}), base64 images left whole, JSON types' content as JSON values, as
 * {@code nbformat.v4.rwbase.split_lines} does, so that Jupyter saving the file again changes nothing.
 */
final class OutputWriter {
    /** Mime types not under {@code text/} that nbformat splits into lines too. */
    private static final Set<String> SPLIT_MIMES = Set.of("application/javascript", "image/svg+xml");

    private OutputWriter() {
    }

    static List<Object> outputs(List<CellOutput> outputs) {
        List<Object> written = new ArrayList<>();
        for (CellOutput output : outputs) {
            written.add(output(output));
        }
        return written;
    }

    private static Map<String, Object> output(CellOutput output) {
        Map<String, Object> out = new LinkedHashMap<>();
        // The four kinds of a sealed interface (Java 17: no patterns in switch yet).
        if (output instanceof CellOutput.Stream stream) {
            out.put("output_type", "stream");
            out.put("name", stream.name());
            out.put("text", IpynbExport.lines(stream.text()));
        } else if (output instanceof CellOutput.DisplayData display) {
            out.put("output_type", "display_data");
            out.put("data", data(display.data()));
            out.put("metadata", Map.of());
        } else if (output instanceof CellOutput.ExecuteResult result) {
            out.put("output_type", "execute_result");
            out.put("data", data(result.data()));
            out.put("execution_count", result.executionCount());
            out.put("metadata", Map.of());
        } else {
            CellOutput.Error error = (CellOutput.Error) output;
            out.put("output_type", "error");
            out.put("ename", error.ename());
            out.put("evalue", error.evalue());
            out.put("traceback", List.copyOf(error.traceback()));
        }
        return out;
    }

    private static Map<String, Object> data(Map<String, String> bundle) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : bundle.entrySet()) {
            String mime = entry.getKey();
            boolean split = mime.startsWith("text/") || SPLIT_MIMES.contains(mime);
            data.put(mime, split ? IpynbExport.lines(entry.getValue())
                    : CellOutput.isJsonMimeType(mime) ? jsonValue(entry.getValue()) : entry.getValue());
        }
        return data;
    }

    /** A JSON type's content as the JSON value its text holds (a text that is not JSON stays a string). */
    private static Object jsonValue(String json) {
        JsonValue value = new JsonReader(json, 0, json.length()).read();
        return value != null ? value : json;
    }
}

package org.jodide.iomd.ipynb;

import org.jodide.iomd.internal.JsonValue;
import org.jodide.iomd.internal.JsonWriter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outputs a code cell was saved with (nbformat 4: {@code outputs}; nbformat 3's
 * {@code pyout}/{@code pyerr} and their fields too). Outputs are shown, never needed: an output
 * that does not read as nbformat says is left out instead of refusing the notebook.
 */
final class SavedOutputReader {
    /** nbformat 3 names of output types, with the nbformat 4 name each became. */
    private static final Map<String, String> OUTPUT_TYPES = Map.of("pyout", "execute_result", "pyerr", "error",
            "display_data", "display_data", "execute_result", "execute_result", "error", "error", "stream", "stream");

    private SavedOutputReader() {
    }

    /** The cell's saved outputs, or null when it has none. */
    static CellOutput.Run run(JsonValue cell) {
        if (!(JsonFields.member(cell, "outputs") instanceof JsonValue.JsonArray array) || array.items().isEmpty()) {
            return null;
        }
        int count = number(JsonFields.member(cell, "execution_count"), number(JsonFields.member(cell, "prompt_number"), 0));
        List<CellOutput> outputs = new ArrayList<>();
        for (JsonValue output : array.items()) {
            CellOutput read = output(output, count);
            if (read != null) {
                outputs.add(read);
            }
        }
        return outputs.isEmpty() ? null : new CellOutput.Run(count, List.copyOf(outputs), times(cell));
    }

    /** When the cell's run started and ended, from its {@code metadata.execution} (JupyterLab's names), or null. */
    private static CellOutput.RunTimes times(JsonValue cell) {
        JsonValue execution = JsonFields.member(JsonFields.member(cell, "metadata"), "execution");
        String started = firstString(execution, CellOutput.RunTimes.JUPYTER_STARTED);
        String ended = firstString(execution, CellOutput.RunTimes.JUPYTER_ENDED);
        return started == null || ended == null ? null : new CellOutput.RunTimes(started, ended);
    }

    private static String firstString(JsonValue object, List<String> names) {
        for (String name : names) {
            String value = JsonFields.stringAt(object, name);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    private static CellOutput output(JsonValue output, int cellCount) {
        String type = OUTPUT_TYPES.get(String.valueOf(JsonFields.stringAt(output, "output_type")));
        if (type == null) {
            return null;
        }
        switch (type) {
            case "stream": {
                String name = JsonFields.stringAt(output, "name");
                String stream = name != null ? name : JsonFields.stringAt(output, "stream");
                String printed = JsonFields.joined(JsonFields.member(output, "text"));
                return printed == null ? null : new CellOutput.Stream("stderr".equals(stream) ? "stderr" : "stdout", printed);
            }
            case "error": {
                List<String> traceback = JsonFields.strings(JsonFields.member(output, "traceback"));
                String ename = JsonFields.stringAt(output, "ename");
                String evalue = JsonFields.stringAt(output, "evalue");
                return new CellOutput.Error(ename == null ? "Error" : ename, evalue == null ? "" : evalue, List.copyOf(traceback));
            }
            default: {
                JsonValue data = JsonFields.member(output, "data");
                Map<String, String> bundle = bundle(data != null ? data : output);
                if (bundle.isEmpty()) {
                    return null;
                }
                return type.equals("execute_result")
                        ? new CellOutput.ExecuteResult(number(JsonFields.member(output, "execution_count"), cellCount), bundle)
                        : new CellOutput.DisplayData(bundle);
            }
        }
    }

    /**
     * A mime bundle: each mime type's content as a string (a JSON type's value as JSON text, as
     * {@link JsonWriter} writes it, whatever its type). nbformat 3 kept a few types under short names ({@code text}, {@code html}, {@code png}).
     */
    private static Map<String, String> bundle(JsonValue data) {
        Map<String, String> bundle = new LinkedHashMap<>();
        if (!(data instanceof JsonValue.JsonObject object)) {
            return bundle;
        }
        for (JsonValue.Member member : object.members()) {
            String mime = V3_MIME_TYPES.getOrDefault(member.key(), member.key());
            if (!mime.contains("/")) {
                continue;
            }
            String content = CellOutput.isJsonMimeType(mime) ? JsonWriter.write(member.value()) : JsonFields.joined(member.value());
            if (content != null) {
                bundle.put(mime, content);
            }
        }
        return bundle;
    }

    private static final Map<String, String> V3_MIME_TYPES = Map.of("text", "text/plain", "html", "text/html",
            "svg", "image/svg+xml", "png", "image/png", "jpeg", "image/jpeg", "latex", "text/latex",
            "json", "application/json", "javascript", "application/javascript", "markdown", "text/markdown");

    private static int number(JsonValue value, int otherwise) {
        if (value instanceof JsonValue.JsonNumber n && n.text().matches("[0-9]{1,9}")) {
            return Integer.parseInt(n.text());
        }
        return otherwise;
    }
}

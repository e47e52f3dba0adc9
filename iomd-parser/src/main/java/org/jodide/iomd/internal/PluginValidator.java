package org.jodide.iomd.internal;

import org.jodide.iomd.DiagnosticCode;
import org.jodide.iomd.PluginSpec;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks the JSON of a plugin chunk. spec: the body is one JSON object with the string fields
 * {@code languageId}, {@code displayName}, {@code url}, {@code module}, {@code evaluator} and
 * {@code pluginType} (which must be {@code "language"}), and optionally {@code asyncEvaluator},
 * {@code codeMirrorMode} and {@code keybinding}. Unknown fields are ignored with a warning.
 */
final class PluginValidator {
    private static final List<String> REQUIRED = List.of("languageId", "displayName", "url", "module", "evaluator", "pluginType");
    private static final List<String> OPTIONAL = List.of("asyncEvaluator", "codeMirrorMode", "keybinding");

    private PluginValidator() {
    }

    /** The plugin defined by {@code text[bodyFrom, to)}, or null when it has errors (reported to {@code sink}). */
    static PluginSpec validate(String text, int chunkFrom, int bodyFrom, int to, DiagnosticSink sink) {
        JsonReader reader = new JsonReader(text, bodyFrom, to);
        JsonValue value = reader.read();
        if (value == null) {
            int at = reader.errorAt();
            int contentEnd = to;
            while (contentEnd > bodyFrom && Lines.isBreak(text.charAt(contentEnd - 1))) {
                contentEnd--;
            }
            if (at >= contentEnd) {
                // An error at the end of the chunk is shown on its last line, not on the next chunk's delimiter.
                at = contentEnd > bodyFrom ? contentEnd - 1 : chunkFrom;
            }
            sink.report(DiagnosticCode.PLUGIN_JSON_SYNTAX, "plugin JSON: " + reader.error(), at, Math.min(at + 1, to));
            return null;
        }
        if (!(value instanceof JsonValue.JsonObject)) {
            sink.report(DiagnosticCode.PLUGIN_NOT_AN_OBJECT, "a plugin chunk holds one JSON object, not " + value.kind(),
                    value.start(), value.end());
            return null;
        }
        JsonValue.JsonObject object = (JsonValue.JsonObject) value;
        Map<String, String> fields = new HashMap<>();
        boolean ok = true;
        for (JsonValue.Member member : object.members()) {
            String key = member.key();
            boolean known = REQUIRED.contains(key) || OPTIONAL.contains(key);
            if (!known) {
                sink.report(DiagnosticCode.PLUGIN_UNKNOWN_FIELD, "unknown plugin field " + Quote.of(key) + " is ignored",
                        member.keyStart(), member.keyEnd());
                continue;
            }
            if (fields.containsKey(key)) {
                sink.report(DiagnosticCode.PLUGIN_DUPLICATE_FIELD, "plugin field '" + key + "' is given twice",
                        member.keyStart(), member.keyEnd());
                ok = false;
                continue;
            }
            String problem = fieldProblem(key, member.value());
            if (problem != null) {
                sink.report(DiagnosticCode.PLUGIN_BAD_FIELD, problem, member.value().start(), member.value().end());
                ok = false;
            }
            fields.put(key, member.value() instanceof JsonValue.JsonString
                    ? ((JsonValue.JsonString) member.value()).value() : null);
        }
        StringBuilder missing = new StringBuilder();
        for (String key : REQUIRED) {
            if (!fields.containsKey(key)) {
                missing.append(missing.length() == 0 ? "" : ", ").append(key);
            }
        }
        if (missing.length() > 0) {
            sink.report(DiagnosticCode.PLUGIN_MISSING_FIELD, "plugin fields missing: " + missing,
                    object.start(), object.start() + 1);
            ok = false;
        }
        if (!ok) {
            return null;
        }
        return new PluginSpec(fields.get("languageId"), fields.get("displayName"), fields.get("url"),
                fields.get("module"), fields.get("evaluator"), Optional.ofNullable(fields.get("asyncEvaluator")),
                fields.get("pluginType"), Optional.ofNullable(fields.get("codeMirrorMode")),
                Optional.ofNullable(fields.get("keybinding")));
    }

    private static String fieldProblem(String key, JsonValue value) {
        if (!(value instanceof JsonValue.JsonString)) {
            return "plugin field '" + key + "' must be a string, not " + value.kind();
        }
        String s = ((JsonValue.JsonString) value).value();
        switch (key) {
            case "pluginType":
                return s.equals("language") ? null : "plugin field 'pluginType' must be \"language\", not " + Quote.of(s);
            case "url": {
                String problem = UrlSyntax.problem(s);
                return problem == null ? null : "plugin field 'url': " + problem;
            }
            case "languageId":
                return isWord(s) ? null
                        : "plugin field 'languageId' must be one word of letters, digits, '_' or '-', usable after %%";
            case "module":
            case "evaluator":
            case "asyncEvaluator":
                return Identifiers.isIdentifier(s) ? null
                        : "plugin field '" + key + "' must be a JavaScript name, not " + Quote.of(s);
            default:
                return s.isEmpty() && key.equals("displayName") ? "plugin field 'displayName' must not be empty" : null;
        }
    }

    private static boolean isWord(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}

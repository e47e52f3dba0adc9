package org.jodide.iomd.ipynb;

import org.jodide.iomd.Chunk;
import org.jodide.iomd.ChunkType;
import org.jodide.iomd.IomdParser;
import org.jodide.iomd.Notebook;
import org.jodide.iomd.PluginSpec;
import org.jodide.iomd.internal.JsonReader;
import org.jodide.iomd.internal.JsonValue;
import org.jodide.iomd.internal.Lines;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Opens a notebook written for Iodide, in its first format (jsmd, 2018: the notebooks of Iodide's
 * gallery) or its later one (iomd), as an .iomd notebook of Jodide (docs/iodide.md, whose examples
 * {@code IodideSpecTest} runs). Only delimiter lines change, and only those Jodide would not read
 * as Iodide did: {@code %% code {"language":"py"}} becomes {@code %% py}, settings written as JSON
 * become flags, {@code %% resource} becomes a fetch chunk with typed lines and {@code %% meta} a raw
 * chunk. Every chunk's body is kept as written, except a resource chunk's lines.
 *
 * <pre>{@code
 * IpynbImport.Imported opened = IodideImport.read("%% code {\"language\":\"py\"}\n1 + 1\n");
 * opened.iomd();   // "%% py\n1 + 1\n"
 * }</pre>
 */
public final class IodideImport {
    /** The file name ending of Iodide's first format. */
    public static final String EXTENSION = ".jsmd";

    /** Iodide's resource chunks (their first name: external), which become fetch chunks line by line. */
    private static final Set<String> RESOURCE_TYPES = Set.of("resource", "external");
    /** Chunk types of Iodide's first format and the types they are here; other words stay as written. */
    private static final Map<String, String> LEGACY_TYPES = Map.of(
            "resource", "fetch", "external", "fetch", "meta", "raw", "markdown", "md");
    /** A code chunk without a language was JavaScript in Iodide. */
    private static final String DEFAULT_CODE_LANGUAGE = "js";
    /** {@code %%}, blanks, the type word, then what follows it on the delimiter line. */
    private static final Pattern DELIMITER = Pattern.compile("^(%%+)([ \\t]*)(\\S+)(.*)$", Pattern.DOTALL);

    private IodideImport() {
    }

    /** The Iodide notebook {@code text} as an .iomd notebook, with what the user should know about the conversion. */
    public static IpynbImport.Imported read(String text) {
        Notebook notebook = IomdParser.create().parse(text);
        Conversion conversion = new Conversion();
        StringBuilder iomd = new StringBuilder(text.length());
        for (Chunk chunk : notebook.chunks()) {
            if (chunk.type() == ChunkType.PREAMBLE || chunk.inheritsType()) {
                iomd.append(chunk.source());
                continue;
            }
            String delimiter = text.substring(chunk.delimiterSpan().start(), chunk.delimiterSpan().end());
            int lineBreak = Lines.lineEnd(delimiter, 0, delimiter.length());
            iomd.append(conversion.delimiter(delimiter.substring(0, lineBreak), chunk.line() + 1))
                    .append(delimiter, lineBreak, delimiter.length());
            String body = chunk.body();
            boolean resource = RESOURCE_TYPES.contains(chunk.typeName().toLowerCase(Locale.ROOT));
            iomd.append(resource ? conversion.resourceLines(body, chunk.bodyLine() + 1) : body);
            chunk.plugin().filter(PluginSpec::definesBuiltInLanguage)
                    .ifPresent(spec -> conversion.builtInPlugin(spec, chunk.line() + 1));
        }
        return new IpynbImport.Imported(iomd.toString(), conversion.notes());
    }

    /** What converting a notebook changed, gathered for its notes. */
    private static final class Conversion {
        /** A changed delimiter ("%% code {...}" → "%% py") and the lines it was on. */
        private final Map<String, Set<Integer>> changed = new LinkedHashMap<>();
        /** Settings Jodide has no use for, by name, and the lines they were on. */
        private final Map<String, Set<Integer>> leftOut = new LinkedHashMap<>();
        private final List<String> later = new ArrayList<>();

        /** The delimiter line (without its line break) as Jodide reads what Iodide meant. */
        String delimiter(String line, int lineNumber) {
            Matcher parts = DELIMITER.matcher(line);
            if (!parts.matches()) {
                return line;
            }
            String word = parts.group(3);
            String rest = parts.group(4);
            String lower = word.toLowerCase(Locale.ROOT);
            Map<String, JsonValue> settings = settings(rest);
            String type = LEGACY_TYPES.getOrDefault(lower, word);
            if (lower.equals("code")) {
                JsonValue language = settings == null ? null : settings.get("language");
                type = language instanceof JsonValue.JsonString s && !s.value().isBlank() ? s.value().trim() : DEFAULT_CODE_LANGUAGE;
            }
            if (settings == null && type.equals(word)) {
                return line;
            }
            StringBuilder written = new StringBuilder(parts.group(1)).append(parts.group(2).isEmpty() ? " " : parts.group(2))
                    .append(type);
            if (settings == null) {
                written.append(rest);
            } else {
                for (String flag : flags(settings, lineNumber)) {
                    written.append(' ').append(flag);
                }
            }
            String result = written.toString();
            changed.computeIfAbsent("`" + line.trim() + "` became `" + result.trim() + "`", k -> new TreeSet<>()).add(lineNumber);
            return result;
        }

        /** The settings written as a JSON object after the type word, or null when there are none. */
        private Map<String, JsonValue> settings(String rest) {
            String trimmed = rest.trim();
            if (!trimmed.startsWith("{")) {
                return null;
            }
            JsonValue value = new JsonReader(trimmed, 0, trimmed.length()).read();
            if (!(value instanceof JsonValue.JsonObject object)) {
                return null;
            }
            Map<String, JsonValue> settings = new LinkedHashMap<>();
            for (JsonValue.Member member : object.members()) {
                settings.put(member.key(), member.value());
            }
            return settings;
        }

        /** The flags the settings stand for; settings without one are noted as left out. */
        private List<String> flags(Map<String, JsonValue> settings, int lineNumber) {
            List<String> flags = new ArrayList<>();
            for (Map.Entry<String, JsonValue> setting : settings.entrySet()) {
                String key = setting.getKey();
                JsonValue value = setting.getValue();
                if (key.equals("language")) {
                    continue;
                }
                if (key.equals("skipInRunAll")) {
                    if (value instanceof JsonValue.JsonLiteral literal && literal.word().equals("true")) {
                        flags.add("skipRunAll");
                    }
                } else if (hidesOutput(key, value)) {
                    flags.add("hideOutput");
                } else if (!isOutputSetting(key)) {
                    leftOut.computeIfAbsent(key, k -> new TreeSet<>()).add(lineNumber);
                }
            }
            return flags;
        }

        /** Iodide's settings of the report's output: collapsed or hidden there is hideOutput here. */
        private static boolean hidesOutput(String key, JsonValue value) {
            return isOutputSetting(key) && value instanceof JsonValue.JsonString s
                    && (s.value().equals("COLLAPSED") || s.value().equals("HIDDEN"));
        }

        private static boolean isOutputSetting(String key) {
            return key.equals("collapsePresentationViewOutput") || key.equals("rowSettings.REPORT.output");
        }

        /**
         * A resource chunk's lines as fetch lines, typed as Iodide typed them: {@code js:} and
         * {@code css:} as written, else by the URL's ending; comments and blank lines stay.
         */
        String resourceLines(String body, int firstLine) {
            StringBuilder lines = new StringBuilder(body.length() + 16);
            int lineNumber = firstLine;
            for (int start = 0; start < body.length(); lineNumber++) {
                int end = Lines.lineEnd(body, start, body.length());
                int next = Lines.nextLineStart(body, end, body.length());
                lines.append(resourceLine(body.substring(start, end), lineNumber)).append(body, end, next);
                start = next;
            }
            return lines.toString();
        }

        private String resourceLine(String line, int lineNumber) {
            String resource = line.trim();
            if (resource.isEmpty() || resource.startsWith("//")) {
                return line;
            }
            String lower = resource.toLowerCase(Locale.ROOT);
            if (lower.startsWith("js:") || lower.startsWith("css:")) {
                int colon = resource.indexOf(':');
                return lower.substring(0, colon) + ": " + resource.substring(colon + 1).trim();
            }
            if (resource.endsWith("js")) {
                return "js: " + resource;
            }
            if (resource.endsWith("css")) {
                return "css: " + resource;
            }
            later.add("Line " + lineNumber + " of a resource chunk names neither a script nor a style sheet (Iodide"
                    + " loaded nothing for it): it is kept as a comment.");
            return "// " + resource;
        }

        void builtInPlugin(PluginSpec plugin, int lineNumber) {
            later.add("The plugin chunk on line " + lineNumber + " defines the language " + plugin.languageId()
                    + ", which Jodide has built in: it loads nothing here.");
        }

        List<String> notes() {
            List<String> notes = new ArrayList<>();
            for (Map.Entry<String, Set<Integer>> change : changed.entrySet()) {
                notes.add("Written for Iodide: " + change.getKey() + " (" + lines(change.getValue()) + ").");
            }
            for (Map.Entry<String, Set<Integer>> setting : leftOut.entrySet()) {
                notes.add("Iodide's setting " + setting.getKey() + " has no use here and was left out ("
                        + lines(setting.getValue()) + ").");
            }
            notes.addAll(later);
            return notes;
        }

        private static String lines(Set<Integer> lines) {
            StringBuilder text = new StringBuilder(lines.size() == 1 ? "line " : "lines ");
            int shown = 0;
            for (int line : lines) {
                if (shown == 5) {
                    return text.append(" and ").append(lines.size() - shown).append(" more").toString();
                }
                text.append(shown == 0 ? "" : ", ").append(line);
                shown++;
            }
            return text.toString();
        }
    }
}

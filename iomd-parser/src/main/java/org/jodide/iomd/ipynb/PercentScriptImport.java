package org.jodide.iomd.ipynb;

import org.jodide.iomd.internal.JsonReader;
import org.jodide.iomd.internal.JsonValue;
import org.jodide.iomd.internal.Lines;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Opens a Python script written in cells, the "percent" format of Jupytext, VS Code, Spyder and
 * PyCharm, as an .iomd notebook (docs/percent.md, whose examples {@code PercentScriptSpecTest}
 * runs): a line {@code # %%} starts a code cell, {@code # %% [markdown]} a markdown cell whose
 * lines are comments, {@code # %% [raw]} a raw cell; nbconvert's {@code # In[ ]:} starts a code
 * cell too. Cells go through {@link CellChunks} as an .ipynb's do, so a script
 * {@link PercentScriptExport} wrote opens as the notebook it was written from.
 *
 * <pre>{@code
 * IpynbImport.Imported opened = PercentScriptImport.read(scriptText);
 * opened.iomd();   // "%% md\n# Title\n\n%% py\nx = 1\n"
 * }</pre>
 */
public final class PercentScriptImport {
    /** The file name ending that opens this way. */
    public static final String EXTENSION = ".py";

    /** Jupytext's cell start with options: {@code # %% [markdown] key=value}, {@code # %%% Title}. */
    private static final Pattern MARKER_WITH_OPTIONS = Pattern.compile("^\\s*#\\s*%%(%*)\\s(.*)$");
    /** A cell start alone: {@code #%%}, nbconvert's {@code # In[3]:} and {@code # <codecell>}. */
    private static final Pattern BARE_MARKER = Pattern.compile("^\\s*#\\s*(%%|<codecell>|In\\[[0-9 ]*\\]:?)\\s*$");

    private PercentScriptImport() {
    }

    /** Whether the line starts a cell (out of a string). */
    static boolean isMarker(String line) {
        return Cell.ofMarker(line) != null;
    }

    /** The script as an .iomd notebook, with what the user should know about the conversion. */
    public static IpynbImport.Imported read(String script) {
        List<String> lines = lines(script);
        JupytextHeader header = JupytextHeader.read(lines);
        boolean writtenByJupytext = header != null;
        CellChunks chunks = new CellChunks("py");
        int first = 0;
        if (header != null) {
            first = header.end();
            if (header.preamble() != null) {
                chunks.preamble(header.preamble());
            }
            if (header.frontMatter() != null) {
                chunks.add("raw", List.of(), header.frontMatter());
            }
        }
        Cell cell = null;
        List<String> body = new ArrayList<>();
        boolean anyMarker = false;
        PythonStrings strings = new PythonStrings();
        for (int i = first; i < lines.size(); i++) {
            String line = lines.get(i);
            Cell marker = strings.inString() ? null : Cell.ofMarker(line);
            if (marker == null) {
                body.add(line);
                strings.read(line);
                continue;
            }
            anyMarker = true;
            append(chunks, cell, body, writtenByJupytext);
            cell = marker;
            body = new ArrayList<>();
            strings = new PythonStrings();
        }
        append(chunks, cell, body, writtenByJupytext);
        List<String> notes = new ArrayList<>();
        if (!anyMarker) {
            notes.add("The script has no \"# %%\" cell markers: it is one py chunk. A line \"# %%\" starts a cell,"
                    + " \"# %% [markdown]\" a markdown cell of comment lines.");
        }
        return new IpynbImport.Imported(chunks.iomd(), List.copyOf(notes));
    }

    /**
     * One cell's chunk, after the chunks before it; lines before the first marker are a code cell if
     * they hold any text. In a script Jupytext wrote, magics commented in code are magics again.
     */
    private static void append(CellChunks chunks, Cell cell, List<String> body, boolean writtenByJupytext) {
        List<String> content = trimmedBlankLines(body);
        if (cell == null && content.isEmpty()) {
            return;
        }
        Cell shape = cell == null ? new Cell(CellShapes.CODE, "", Map.of()) : cell;
        List<String> source = new ArrayList<>();
        String language = shape.code() ? shape.string("language") : null;
        boolean python = language == null || PercentScriptExport.PYTHON_LANGUAGES.contains(language);
        if (language != null) {
            String arguments = shape.string("magic_args");
            source.add("%%" + language + (arguments == null || arguments.isEmpty() ? "" : " " + arguments));
        }
        if (shape.code() && python) {
            source.addAll(writtenByJupytext ? PythonMagics.uncommented(content) : content);
        } else {
            for (String line : content) {
                source.add(uncommented(line));
            }
        }
        if (shape.code() && !shape.title().isEmpty()) {
            source.add(0, "# " + shape.title());
        }
        List<String> flags = IpynbImport.tagFlags(JsonFields.strings(shape.options().get("tags")));
        JsonValue jodide = shape.options().get("jodide");
        String delimiter = JsonFields.stringAt(jodide, "delimiter");
        chunks.cell(shape.cellType(), String.join("\n", source), flags, delimiter);
    }

    /** A markdown or raw cell's line without its comment sign: {@code "# text"} → {@code "text"}, {@code "#"} → {@code ""}. */
    private static String uncommented(String line) {
        if (line.startsWith("# ")) {
            return line.substring(2);
        }
        return line.startsWith("#") ? line.substring(1) : line;
    }

    private static List<String> trimmedBlankLines(List<String> body) {
        int from = 0;
        int to = body.size();
        while (from < to && body.get(from).isBlank()) {
            from++;
        }
        while (to > from && body.get(to - 1).isBlank()) {
            to--;
        }
        return body.subList(from, to);
    }

    /** The script's lines, whatever their line ends (LF, CRLF or CR). */
    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int end = text.length();
        for (int start = 0; start < end; ) {
            int lineEnd = Lines.lineEnd(text, start, end);
            lines.add(text.substring(start, lineEnd));
            start = Lines.nextLineStart(text, lineEnd, end);
        }
        return lines;
    }

    /**
     * Jupytext's header, the comment lines between two lines {@code # ---} at the top of the script: its
     * {@code jupyter:} metadata (of which the text Jodide keeps before the first chunk, {@code jodide:
     * preamble:}) and any other YAML front matter ({@code title:}...), which Jupytext reads as a raw
     * cell {@code ---} ... {@code ---}.
     *
     * @param end where the cells start
     */
    private record JupytextHeader(int end, String frontMatter, String preamble) {
        static JupytextHeader read(List<String> lines) {
            int start = firstNonBlank(lines);
            if (start >= lines.size() || !lines.get(start).stripTrailing().equals("# ---")) {
                return null;
            }
            int end = -1;
            for (int i = start + 1; i < lines.size() && end < 0; i++) {
                String line = lines.get(i).stripTrailing();
                if (line.equals("# ---")) {
                    end = i + 1;
                } else if (!line.startsWith("#")) {
                    return null;
                }
            }
            if (end < 0) {
                return null;
            }
            List<String> kept = new ArrayList<>();
            boolean inJupyter = false;
            boolean inJodide = false;
            String preamble = null;
            for (int i = start + 1; i < end - 1; i++) {
                String yaml = uncommented(lines.get(i));
                boolean topLevel = !yaml.isEmpty() && !Character.isWhitespace(yaml.charAt(0));
                if (topLevel) {
                    inJupyter = yaml.startsWith("jupyter:");
                }
                if (!inJupyter) {
                    kept.add(yaml);
                    continue;
                }
                if (yaml.startsWith("  ") && !yaml.startsWith("   ")) {
                    inJodide = yaml.stripTrailing().equals("  jodide:");
                } else if (inJodide && yaml.startsWith("    preamble: ")) {
                    preamble = yamlString(yaml.substring("    preamble: ".length()).strip());
                }
            }
            kept = trimmedBlankLines(kept);
            String frontMatter = kept.isEmpty() ? null : "---\n" + String.join("\n", kept) + "\n---\n";
            return new JupytextHeader(end, frontMatter, preamble);
        }

        /**
         * A one-line YAML string: double-quoted as Jodide writes it (a JSON string), single-quoted or
         * plain as Jupytext may write it back; null when it is neither.
         */
        private static String yamlString(String value) {
            if (value.startsWith("\"")) {
                JsonValue read = new JsonReader(value, 0, value.length()).read();
                return read instanceof JsonValue.JsonString string ? string.value() : null;
            }
            if (value.startsWith("'")) {
                return value.length() >= 2 && value.endsWith("'") ? value.substring(1, value.length() - 1).replace("''", "'") : null;
            }
            return value.isEmpty() || "|>[{&*!%@`#".indexOf(value.charAt(0)) >= 0 ? null : value;
        }

        /** The index of the first line holding more than blanks (the line count when there is none). */
        private static int firstNonBlank(List<String> lines) {
            int index = 0;
            while (index < lines.size() && lines.get(index).isBlank()) {
                index++;
            }
            return index;
        }
    }

    /**
     * A cell as its marker line describes it: its Jupyter cell type, its title (text after {@code %%}
     * before the options) and its options, Jupytext's cell metadata written {@code key=value} with a
     * JSON value ({@code tags=["..."]}, {@code language="R" magic_args="-i df"} for a {@code %%R -i df}
     * cell whose lines it commented, Jodide's {@code jodide={"delimiter": "%% fetch"}}).
     */
    private record Cell(String cellType, String title, Map<String, JsonValue> options) {
        private static final String[][] KINDS = {{"[markdown]", CellShapes.MARKDOWN}, {"[md]", CellShapes.MARKDOWN},
                {"[raw]", CellShapes.RAW}};

        boolean code() {
            return cellType.equals(CellShapes.CODE);
        }

        /** The option's string value, or null. */
        String string(String key) {
            return options.get(key) instanceof JsonValue.JsonString string ? string.value() : null;
        }

        /** The cell a line starts, or null when it is not a marker ({@code # %%time} is a commented magic). */
        static Cell ofMarker(String line) {
            Matcher withOptions = MARKER_WITH_OPTIONS.matcher(line);
            if (!withOptions.matches()) {
                return BARE_MARKER.matcher(line).matches() ? new Cell(CellShapes.CODE, "", Map.of()) : null;
            }
            String rest = withOptions.group(2).strip();
            String cellType = CellShapes.CODE;
            String lower = rest.toLowerCase(Locale.ROOT);
            for (String[] kind : KINDS) {
                int at = lower.indexOf(kind[0]);
                if (at >= 0) {
                    cellType = kind[1];
                    rest = (rest.substring(0, at) + rest.substring(at + kind[0].length())).strip();
                    break;
                }
            }
            int optionsAt = optionsStart(rest);
            return new Cell(cellType, rest.substring(0, optionsAt).strip(), options(rest, optionsAt));
        }

        /** Where the options ({@code key=value} words) start: the first word followed by {@code =}, or the end. */
        private static int optionsStart(String rest) {
            int word = 0;
            while (word < rest.length()) {
                int end = keyEnd(rest, word);
                if (end > word && end < rest.length() && rest.charAt(end) == '=') {
                    return word;
                }
                int blank = rest.indexOf(' ', word);
                if (blank < 0) {
                    break;
                }
                word = blank + 1;
            }
            return rest.length();
        }

        private static int keyEnd(String text, int from) {
            int end = from;
            while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || "_.-".indexOf(text.charAt(end)) >= 0)) {
                end++;
            }
            return end;
        }

        /** The {@code key=value} options from {@code from} on, as far as their values are JSON. */
        private static Map<String, JsonValue> options(String rest, int from) {
            Map<String, JsonValue> options = new LinkedHashMap<>();
            int at = from;
            while (at < rest.length()) {
                int keyEnd = keyEnd(rest, at);
                if (keyEnd == at || keyEnd >= rest.length() || rest.charAt(keyEnd) != '=') {
                    break;
                }
                JsonReader reader = new JsonReader(rest, keyEnd + 1, rest.length());
                JsonValue value = reader.readLeading();
                if (value == null) {
                    break;
                }
                options.put(rest.substring(at, keyEnd), value);
                at = reader.position();
                while (at < rest.length() && rest.charAt(at) == ' ') {
                    at++;
                }
            }
            return options;
        }
    }
}

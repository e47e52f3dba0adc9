package org.jodide.iomd.ipynb;

import org.jodide.iomd.IomdWriter;
import org.jodide.iomd.internal.JsonReader;
import org.jodide.iomd.internal.JsonValue;
import org.jodide.iomd.internal.Lines;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Opens a Python script written in cells, the "percent" format of Jupytext, VS Code, Spyder and
 * PyCharm, as an .iomd notebook (docs/percent.md, whose examples {@code PercentScriptSpecTest}
 * runs): a line {@code # %%} starts a code cell, {@code # %% [markdown]} a markdown cell whose
 * lines are comments, {@code # %% [raw]} a raw cell.
 *
 * <pre>{@code
 * IpynbImport.Imported opened = PercentScriptImport.read(scriptText);
 * opened.iomd();   // "%% md\n# Title\n\n%% py\nx = 1\n"
 * }</pre>
 */
public final class PercentScriptImport {
    /** The file name ending that opens this way. */
    public static final String EXTENSION = ".py";

    private PercentScriptImport() {
    }

    /** Whether a file named {@code fileName} is read as a script in cells. */
    public static boolean isPercentScript(String fileName) {
        return fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(EXTENSION);
    }

    /** The script as an .iomd notebook, with what the user should know about the conversion. */
    public static IpynbImport.Imported read(String script) {
        List<String> lines = lines(script);
        int first = afterJupytextHeader(lines);
        boolean writtenByJupytext = first > 0;
        List<String> notes = new ArrayList<>();
        StringBuilder iomd = new StringBuilder();
        String frontMatter = writtenByJupytext ? frontMatter(lines, first) : null;
        if (frontMatter != null) {
            iomd.append(IomdWriter.chunk(Kind.RAW.chunkType, List.of(), frontMatter));
        }
        Cell cell = null;
        List<String> body = new ArrayList<>();
        boolean anyMarker = false;
        for (int i = first; i < lines.size(); i++) {
            Cell marker = Cell.ofMarker(lines.get(i));
            if (marker == null) {
                body.add(lines.get(i));
                continue;
            }
            anyMarker = true;
            append(iomd, cell, body, writtenByJupytext);
            cell = marker;
            body = new ArrayList<>();
        }
        append(iomd, cell, body, writtenByJupytext);
        if (!anyMarker) {
            notes.add("The script has no \"# %%\" cell markers: it is one py chunk. A line \"# %%\" starts a cell,"
                    + " \"# %% [markdown]\" a markdown cell of comment lines.");
        }
        return new IpynbImport.Imported(iomd.toString(), List.copyOf(notes));
    }

    /**
     * One cell's chunk, after the chunks before it; lines before the first marker are a code cell if
     * they hold any text. In a script Jupytext wrote, its commented magics are magics again.
     */
    private static void append(StringBuilder iomd, Cell cell, List<String> body, boolean writtenByJupytext) {
        List<String> content = trimmedBlankLines(body);
        if (cell == null && content.isEmpty()) {
            return;
        }
        Cell shape = cell == null ? new Cell(Kind.CODE, "", List.of(), null) : cell;
        List<String> text = new ArrayList<>();
        if (shape.kind == Kind.CODE && !shape.title.isEmpty()) {
            text.add("# " + shape.title);
        }
        if (shape.cellMagic != null) {
            text.add(shape.cellMagic);
        }
        for (String line : content) {
            if (shape.kind != Kind.CODE || shape.cellMagic != null) {
                text.add(uncommented(line));
            } else {
                text.add(writtenByJupytext && isCommentedMagic(line) ? uncommented(line) : line);
            }
        }
        if (iomd.length() > 0) {
            iomd.append('\n');
        }
        iomd.append(IomdWriter.chunk(shape.kind.chunkType, shape.flags, text.isEmpty() ? "" : String.join("\n", text) + "\n"));
    }

    /**
     * A commented line without its comment sign (a markdown or raw cell's line, a commented magic or
     * cell-magic line, Jupytext's header): {@code "# text"} → {@code "text"}, {@code "#"} → {@code ""}.
     */
    private static String uncommented(String line) {
        if (line.startsWith("# ")) {
            return line.substring(2);
        }
        return line.startsWith("#") ? line.substring(1) : line;
    }

    /** {@code # %time x}, {@code #%%capture}: a magic Jupytext commented so that the script runs as Python. */
    private static boolean isCommentedMagic(String line) {
        int at = line.startsWith("# ") ? 2 : line.startsWith("#") ? 1 : -1;
        if (at < 0 || !line.startsWith("%", at)) {
            return false;
        }
        int name = line.startsWith("%%", at) ? at + 2 : at + 1;
        return name < line.length() && Character.isLetter(line.charAt(name));
    }

    /** Where the cells start: after Jupytext's header (its metadata, between two lines {@code # ---}), if the script begins with one. */
    private static int afterJupytextHeader(List<String> lines) {
        int start = firstNonBlank(lines);
        if (start >= lines.size() || !lines.get(start).stripTrailing().equals("# ---")) {
            return 0;
        }
        for (int i = start + 1; i < lines.size(); i++) {
            String line = lines.get(i).stripTrailing();
            if (line.equals("# ---")) {
                return i + 1;
            }
            if (!line.startsWith("#")) {
                return 0;
            }
        }
        return 0;
    }

    /**
     * What Jupytext's header holds besides its own {@code jupyter:} metadata (a document's YAML front
     * matter: {@code title:}, {@code output:}...), as Jupytext reads it: a raw cell {@code ---} ... {@code ---};
     * null when there is nothing else.
     */
    private static String frontMatter(List<String> lines, int headerEnd) {
        int start = firstNonBlank(lines);
        List<String> kept = new ArrayList<>();
        boolean inJupyter = false;
        for (int i = start + 1; i < headerEnd - 1; i++) {
            String yaml = uncommented(lines.get(i));
            boolean topLevel = !yaml.isEmpty() && !Character.isWhitespace(yaml.charAt(0));
            if (topLevel) {
                inJupyter = yaml.startsWith("jupyter:");
            }
            if (!inJupyter) {
                kept.add(yaml);
            }
        }
        kept = trimmedBlankLines(kept);
        return kept.isEmpty() ? null : "---\n" + String.join("\n", kept) + "\n---\n";
    }

    /** The index of the first line holding more than blanks (the line count when there is none). */
    private static int firstNonBlank(List<String> lines) {
        int index = 0;
        while (index < lines.size() && lines.get(index).isBlank()) {
            index++;
        }
        return index;
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

    private enum Kind {
        CODE("py"), MARKDOWN("md"), RAW("raw");

        final String chunkType;

        Kind(String chunkType) {
            this.chunkType = chunkType;
        }
    }

    /**
     * A cell as its marker line describes it: its kind, its title (text after {@code %%}), the
     * flags its tags stand for, and the cell magic Jupytext wrote as metadata ({@code language="R"
     * magic_args="-i df"} for a {@code %%R -i df} cell, whose lines it commented), or null.
     */
    private record Cell(Kind kind, String title, List<String> flags, String cellMagic) {
        /**
         * The cell a line starts, or null when it is not a marker: {@code #}, blanks or none,
         * {@code %%}, then the end of the line or a blank ({@code # %%time} is a commented magic).
         */
        static Cell ofMarker(String line) {
            String marker = line.stripTrailing();
            if (!marker.startsWith("#")) {
                return null;
            }
            int at = 1;
            while (at < marker.length() && isBlank(marker.charAt(at))) {
                at++;
            }
            if (!marker.startsWith("%%", at)) {
                return null;
            }
            at += 2;
            if (at < marker.length() && !isBlank(marker.charAt(at))) {
                return null;
            }
            String rest = marker.substring(at).strip();
            Kind kind = Kind.CODE;
            String lower = rest.toLowerCase(Locale.ROOT);
            for (String[] type : new String[][] {{"[markdown]", "MARKDOWN"}, {"[md]", "MARKDOWN"}, {"[raw]", "RAW"}}) {
                int typeAt = lower.indexOf(type[0]);
                if (typeAt >= 0) {
                    kind = Kind.valueOf(type[1]);
                    rest = (rest.substring(0, typeAt) + rest.substring(typeAt + type[0].length())).strip();
                    break;
                }
            }
            int metadataAt = metadataStart(rest);
            List<String> flags = IpynbImport.tagFlags(tags(rest.substring(metadataAt)));
            String metadata = rest.substring(metadataAt);
            String language = kind == Kind.CODE ? stringValue(metadata, "language") : null;
            String magicArgs = stringValue(metadata, "magic_args");
            String cellMagic = language == null ? null : "%%" + language + (magicArgs == null || magicArgs.isEmpty() ? "" : " " + magicArgs);
            return new Cell(kind, rest.substring(0, metadataAt).strip(), flags, cellMagic);
        }

        private static boolean isBlank(char c) {
            return c == ' ' || c == '\t';
        }

        /** Where the marker's metadata ({@code key=value} words, Jupytext's {@code tags=["..."]}) starts, or the end. */
        private static int metadataStart(String rest) {
            int word = 0;
            while (word < rest.length()) {
                int end = word;
                while (end < rest.length() && (Character.isLetterOrDigit(rest.charAt(end)) || rest.charAt(end) == '_')) {
                    end++;
                }
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

        /** The JSON string of {@code key="..."} in the metadata, or null. */
        private static String stringValue(String metadata, String key) {
            String start = key + "=\"";
            int at = metadata.startsWith(start) ? 0 : metadata.indexOf(" " + start) + 1;
            if (at <= 0 && !metadata.startsWith(start)) {
                return null;
            }
            int quote = at + key.length() + 1;
            int end = quote + 1;
            while (end < metadata.length() && metadata.charAt(end) != '"') {
                end += metadata.charAt(end) == '\\' ? 2 : 1;
            }
            if (end >= metadata.length()) {
                return null;
            }
            JsonValue value = new JsonReader(metadata, quote, end + 1).read();
            return value instanceof JsonValue.JsonString string ? string.value() : null;
        }

        /** The tags of {@code tags=[...]} in the metadata, or none. */
        private static List<String> tags(String metadata) {
            int at = metadata.indexOf("tags=[");
            int end = at < 0 ? -1 : metadata.indexOf(']', at);
            if (end < 0) {
                return List.of();
            }
            JsonValue array = new JsonReader(metadata, at + "tags=".length(), end + 1).read();
            return JsonFields.strings(array);
        }
    }
}

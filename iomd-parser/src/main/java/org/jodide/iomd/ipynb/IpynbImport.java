package org.jodide.iomd.ipynb;

import org.jodide.iomd.Notebook;
import org.jodide.iomd.internal.JsonReader;
import org.jodide.iomd.internal.JsonValue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Opens a Jupyter notebook (nbformat 4, and 3) as iomd text: one chunk per cell, in order.
 * spec: docs/ipynb.md, section 1.
 *
 * <pre>{@code
 * IpynbImport.Imported opened = IpynbImport.read(ipynbText);   // IpynbException: not a notebook, and where
 * editor.setText(opened.iomd());
 * opened.notes().forEach(console::note);
 * }</pre>
 */
public final class IpynbImport {
    /**
     * The notebook as iomd text, what the user should know about how it was read, and the outputs
     * saved with its code cells, by the index of their chunk in the iomd's notebook
     * ({@link Notebook#chunk(int)}, the preamble counted).
     */
    public record Imported(String iomd, List<String> notes, Map<Integer, CellOutput.Run> outputs) {
        /** Opened without outputs. */
        public Imported(String iomd, List<String> notes) {
            this(iomd, notes, Map.of());
        }
    }

    /** The chunk type of a code cell, by the notebook's language (lower case); other languages name their chunks. */
    private static final Map<String, String> CODE_CHUNKS = Map.of("python", "py", "python3", "py", "ipython", "py",
            "javascript", "js");
    /** The flag a tag of Jupyter Book or nbclient stands for. */
    private static final Map<String, String> TAG_FLAGS = new LinkedHashMap<>();

    static {
        TAG_FLAGS.put("skip-execution", "skipRunAll");
        TAG_FLAGS.put("remove-output", "hideOutput");
        TAG_FLAGS.put("hide-output", "hideOutput");
    }

    private final JsonFields fields;
    private final List<String> notes = new ArrayList<>();
    private CellChunks chunks;
    private final Map<Integer, CellOutput.Run> outputs = new LinkedHashMap<>();
    private final String text;

    private IpynbImport(String text) {
        this.fields = new JsonFields(text);
        this.text = text;
    }

    /** Reads {@code text}, an .ipynb; throws when it is not a Jupyter notebook, saying where. */
    public static Imported read(String text) throws IpynbException {
        return new IpynbImport(text).readNotebook(text);
    }

    /** Whether a file looks like a Jupyter notebook: its name ends with .ipynb, or its text is a JSON object naming its nbformat. */
    public static boolean looksLikeIpynb(String fileName, String text) {
        if (fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".ipynb")) {
            return true;
        }
        if (text == null) {
            return false;
        }
        int start = 0;
        while (start < text.length() && (Character.isWhitespace(text.charAt(start)) || text.charAt(start) == '\uFEFF')) {
            start++;
        }
        return start < text.length() && text.charAt(start) == '{' && text.contains("\"nbformat\"");
    }

    private Imported readNotebook(String text) throws IpynbException {
        int from = text.startsWith("\uFEFF") ? 1 : 0;
        JsonReader reader = new JsonReader(text, from, text.length());
        JsonValue root = reader.read();
        if (root == null) {
            throw new IpynbException("not JSON: " + reader.error(), text, reader.errorAt());
        }
        JsonValue.JsonObject notebook = fields.object(root, "a Jupyter notebook");
        int version = nbformat(notebook);
        JsonValue metadata = JsonFields.member(notebook, "metadata");
        List<JsonValue> cells = version == 3 ? worksheetCells(notebook) : cellsOf(notebook);
        chunks = new CellChunks(codeChunkType(language(metadata, cells), cells.isEmpty()));
        String preamble = JsonFields.stringAt(metadata, "jodide", "preamble");
        if (preamble != null) {
            chunks.preamble(preamble);
        }
        for (int i = 0; i < cells.size(); i++) {
            readCell(fields.object(cells.get(i), "cell " + (i + 1)), i + 1);
        }
        return new Imported(chunks.iomd(), List.copyOf(notes), Collections.unmodifiableMap(outputs));
    }

    private int nbformat(JsonValue.JsonObject notebook) throws IpynbException {
        JsonValue value = JsonFields.member(notebook, "nbformat");
        if (value == null) {
            throw fields.missing(notebook, "no \"nbformat\" field: this JSON is not a Jupyter notebook");
        }
        if (!(value instanceof JsonValue.JsonNumber number) || !number.text().matches("[0-9]+")) {
            throw fields.wrong(value, "\"nbformat\" must be a whole number");
        }
        int version = number.text().length() > 3 ? Integer.MAX_VALUE : Integer.parseInt(number.text());
        if (version < 3) {
            throw fields.wrong(value, "nbformat " + version + " is older than Jodide reads (3 and 4):"
                    + " open it in Jupyter and save it to upgrade it");
        }
        if (version > 4) {
            notes.add("This notebook is nbformat " + number.text() + ", newer than Jodide knows (4): it was read as nbformat 4.");
        }
        return version;
    }

    private List<JsonValue> cellsOf(JsonValue.JsonObject notebook) throws IpynbException {
        JsonValue cells = JsonFields.member(notebook, "cells");
        if (cells == null) {
            throw fields.missing(notebook, "no \"cells\" array: this JSON is not a Jupyter notebook");
        }
        return fields.array(cells, "\"cells\"");
    }

    private List<JsonValue> worksheetCells(JsonValue.JsonObject notebook) throws IpynbException {
        List<JsonValue> cells = new ArrayList<>();
        JsonValue worksheets = JsonFields.member(notebook, "worksheets");
        if (worksheets == null) {
            throw fields.missing(notebook, "no \"worksheets\" array: this JSON is not an nbformat 3 notebook");
        }
        for (JsonValue worksheet : fields.array(worksheets, "\"worksheets\"")) {
            JsonValue worksheetCells = JsonFields.member(fields.object(worksheet, "a worksheet"), "cells");
            if (worksheetCells != null) {
                cells.addAll(fields.array(worksheetCells, "a worksheet's \"cells\""));
            }
        }
        return cells;
    }

    /** The notebook's language as its metadata (or, in nbformat 3, its first code cell) names it; null when none does. */
    private static String language(JsonValue metadata, List<JsonValue> cells) {
        String language = JsonFields.stringAt(metadata, "kernelspec", "language");
        if (language == null) {
            language = JsonFields.stringAt(metadata, "language_info", "name");
        }
        if (language == null) {
            language = JsonFields.stringAt(metadata, "language");
        }
        for (int i = 0; language == null && i < cells.size(); i++) {
            language = JsonFields.stringAt(cells.get(i), "language");
        }
        return language;
    }

    private String codeChunkType(String language, boolean noCells) {
        if (language == null) {
            return "py";
        }
        String name = language.trim().toLowerCase(Locale.ROOT);
        String known = CODE_CHUNKS.get(name);
        if (known != null) {
            return known;
        }
        String word = name.replaceAll("[\\s%]+", "");
        if (word.isEmpty()) {
            return "py";
        }
        if (!noCells) {
            notes.add("This notebook's code is " + language.trim() + ": its cells are %% " + word
                    + " chunks, which run only if a plugin chunk defines the language " + word + ".");
        }
        return word;
    }

    private void readCell(JsonValue.JsonObject cell, int number) throws IpynbException {
        JsonValue typeValue = JsonFields.member(cell, "cell_type");
        if (typeValue == null) {
            throw fields.missing(cell, "cell " + number + " has no \"cell_type\"");
        }
        String cellType = fields.string(typeValue, "cell " + number + "'s \"cell_type\"");
        String source = fields.multiline(JsonFields.member(cell, "code".equals(cellType) && JsonFields.member(cell, "input") != null
                ? "input" : "source"), "cell " + number + "'s source");
        List<String> flags = tagFlags(JsonFields.member(JsonFields.member(cell, "metadata"), "tags"));
        CellOutput.Run saved = CellShapes.CODE.equals(cellType) ? SavedOutputReader.run(cell) : null;
        if (saved != null) {
            // Its chunk is the one about to be added: its index in the notebook the iomd text parses to.
            outputs.put(chunks.count(), saved);
        }
        String delimiter = JsonFields.stringAt(cell, "metadata", "jodide", "delimiter");
        switch (cellType) {
            case CellShapes.MARKDOWN -> chunks.cell(cellType, withAttachments(cell, source, number), flags, delimiter);
            case CellShapes.RAW, CellShapes.CODE -> chunks.cell(cellType, source, flags, delimiter);
            case "heading" -> chunks.add("md", flags, "#".repeat(headingLevel(cell)) + " " + source);
            default -> {
                notes.add("A cell of type \"" + cellType + "\" (cell " + number + ") is kept as a %% raw chunk.");
                chunks.add("raw", flags, source);
            }
        }
    }

    private static int headingLevel(JsonValue.JsonObject cell) {
        JsonValue level = JsonFields.member(cell, "level");
        if (level instanceof JsonValue.JsonNumber number && number.text().matches("[1-6]")) {
            return Integer.parseInt(number.text());
        }
        return 1;
    }

    /** The flags a cell's tags stand for, each once, in the order of {@link #TAG_FLAGS}. */
    private static List<String> tagFlags(JsonValue tags) {
        return tagFlags(JsonFields.strings(tags));
    }

    /** The flags the tags of a cell stand for ({@code skip-execution} → {@code skipRunAll}...), each once. */
    static List<String> tagFlags(List<String> cellTags) {
        List<String> flags = new ArrayList<>();
        for (Map.Entry<String, String> tagFlag : TAG_FLAGS.entrySet()) {
            if (cellTags.contains(tagFlag.getKey()) && !flags.contains(tagFlag.getValue())) {
                flags.add(tagFlag.getValue());
            }
        }
        return flags;
    }

    /** The markdown with each {@code attachment:NAME} it refers to replaced by the attachment as a data: URL. */
    private String withAttachments(JsonValue.JsonObject cell, String source, int number) throws IpynbException {
        JsonValue attachments = JsonFields.member(cell, "attachments");
        if (!(attachments instanceof JsonValue.JsonObject files) || !source.contains("attachment:")) {
            return source;
        }
        String out = source;
        for (JsonValue.Member file : files.members()) {
            if (!(file.value() instanceof JsonValue.JsonObject bundle) || bundle.members().isEmpty()) {
                continue;
            }
            JsonValue.Member first = bundle.members().get(0);
            String data = fields.multiline(first.value(), "attachment " + file.key() + " of cell " + number)
                    .replaceAll("\\s+", "");
            String url = "data:" + first.key() + ";base64," + data;
            out = out.replace("attachment:" + file.key(), url)
                    .replace("attachment:" + file.key().replace(" ", "%20"), url);
        }
        return out;
    }

    static String withoutTrailingBreaks(String text) {
        return CellChunks.withoutTrailingBreaks(text);
    }
}

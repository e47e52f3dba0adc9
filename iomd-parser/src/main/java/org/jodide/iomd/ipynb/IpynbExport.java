package org.jodide.iomd.ipynb;

import org.jodide.iomd.Chunk;
import org.jodide.iomd.ChunkType;
import org.jodide.iomd.Notebook;
import org.jodide.iomd.internal.JsonWriter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a notebook as a Jupyter notebook (nbformat 4.5), formatted as Jupyter writes one.
 * spec: docs/ipynb.md, section 2.
 *
 * <pre>{@code
 * String ipynb = IpynbExport.write(IomdParser.create().parse(iomdText));
 * }</pre>
 */
public final class IpynbExport {
    /** The tag each flag with a meaning adds to its cell (Jupyter Book's and nbclient's). */
    private static final Map<String, String> FLAG_TAGS = Map.of("skiprunall", "skip-execution", "hideoutput", "remove-output");

    private IpynbExport() {
    }

    /** The notebook without outputs. */
    public static String write(Notebook notebook) {
        return write(notebook, CellOutput.Runs.NONE);
    }

    /** The notebook, each code cell with the outputs and execution count of its chunk's latest run in {@code runs}. */
    public static String write(Notebook notebook, CellOutput.Runs runs) {
        List<Object> cells = new ArrayList<>();
        Map<String, Object> jodide = new LinkedHashMap<>();
        for (Chunk chunk : notebook.chunks()) {
            if (chunk.type() == ChunkType.PREAMBLE) {
                String preamble = IpynbImport.withoutTrailingBreaks(chunk.content());
                if (!preamble.isBlank()) {
                    jodide.put("preamble", preamble);
                }
            } else {
                cells.add(cell(chunk, "jodide-" + (cells.size() + 1), notebook.text(), runs.of(chunk.id())));
            }
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("kernelspec", Map.of("display_name", "Python 3 (ipykernel)", "language", "python", "name", "python3"));
        metadata.put("language_info", Map.of("name", "python"));
        if (!jodide.isEmpty()) {
            metadata.put("jodide", jodide);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("cells", cells);
        root.put("metadata", metadata);
        root.put("nbformat", 4);
        root.put("nbformat_minor", 5);
        return JsonWriter.write(root) + "\n";
    }

    /**
     * A chunk as a Jupyter cell, before it is written: its type, its source, the chunk's delimiter line
     * (kept in the cell's metadata) and the tags its flags stand for. {@link PercentScriptExport}
     * writes the same cells.
     */
    record ExportedCell(String cellType, String source, String delimiter, List<String> tags) {
        static ExportedCell of(Chunk chunk, String text) {
            CellShapes.Shape shape = CellShapes.of(chunk.type());
            List<String> tags = new ArrayList<>();
            for (String flag : chunk.flags()) {
                String tag = FLAG_TAGS.get(flag.toLowerCase(Locale.ROOT));
                if (tag != null && !tags.contains(tag)) {
                    tags.add(tag);
                }
            }
            return new ExportedCell(shape.cellType(), shape.wrap(IpynbImport.withoutTrailingBreaks(chunk.content())),
                    delimiterLine(chunk, text), List.copyOf(tags));
        }
    }

    private static Map<String, Object> cell(Chunk chunk, String id, String text, CellOutput.Run run) {
        ExportedCell exported = ExportedCell.of(chunk, text);
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("jodide", Map.of("delimiter", exported.delimiter()));
        if (!exported.tags().isEmpty()) {
            metadata.put("tags", exported.tags());
        }
        if (run != null && run.times() != null && exported.cellType().equals(CellShapes.CODE)) {
            metadata.put("execution", execution(run.times()));
        }
        Map<String, Object> cell = new LinkedHashMap<>();
        cell.put("cell_type", exported.cellType());
        cell.put("id", id);
        cell.put("metadata", metadata);
        cell.put("source", lines(exported.source()));
        if (exported.cellType().equals(CellShapes.CODE)) {
            cell.put("execution_count", run == null ? null : run.executionCount());
            cell.put("outputs", run == null ? List.of() : OutputWriter.outputs(run.outputs()));
        }
        return cell;
    }

    /** A run's times as JupyterLab records them in {@code metadata.execution}. */
    private static Map<String, Object> execution(CellOutput.RunTimes times) {
        // Sorted by name, as JupyterLab writes them.
        Map<String, Object> execution = new java.util.TreeMap<>();
        CellOutput.RunTimes.JUPYTER_STARTED.forEach(name -> execution.put(name, times.started()));
        CellOutput.RunTimes.JUPYTER_ENDED.forEach(name -> execution.put(name, times.ended()));
        return execution;
    }

    /** The chunk's delimiter line as written, without its line break. */
    private static String delimiterLine(Chunk chunk, String text) {
        String line = text.substring(chunk.delimiterSpan().start(), chunk.delimiterSpan().end());
        return IpynbImport.withoutTrailingBreaks(line);
    }

    /**
     * The source as nbformat keeps it: Python's {@code str.splitlines(keepends=True)}, which breaks
     * lines at more than line feeds, so that Jupyter reads and writes back the same lines.
     */
    static List<Object> lines(String source) {
        List<Object> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (isPythonLineBoundary(c)) {
                if (c == '\r' && i + 1 < source.length() && source.charAt(i + 1) == '\n') {
                    i++;
                }
                lines.add(source.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < source.length()) {
            lines.add(source.substring(start));
        }
        return lines;
    }

    private static boolean isPythonLineBoundary(char c) {
        return c == '\n' || c == '\r' || c == '\u000B' || c == '\u000C' || c == '\u001C' || c == '\u001D'
                || c == '\u001E' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }
}

package org.jodide.iomd.ipynb;

import org.jodide.iomd.Chunk;
import org.jodide.iomd.ChunkType;
import org.jodide.iomd.Notebook;
import org.jodide.iomd.internal.JsonWriter;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Writes a notebook as a Python script in {@code # %%} cells, as Jupytext's "percent" format writes
 * the Jupyter notebook {@link IpynbExport} gives for it (without outputs): VS Code, Spyder and
 * PyCharm run its cells, JupyterLab with Jupytext opens it as a notebook, and
 * {@link PercentScriptImport} reads it back to the same chunks. spec: docs/percent.md, section 5.
 *
 * <pre>{@code
 * String script = PercentScriptExport.write(IomdParser.create().parse(iomdText));
 * }</pre>
 */
public final class PercentScriptExport {
    /**
     * The cell magics Jupytext writes as a cell of another language ({@code # %% language="R"}, its
     * lines commented); those of Python stay code.
     */
    static final Set<String> OTHER_LANGUAGES = Set.of("R", "bash", "sh", "coconut", "javascript", "js", "perl", "html",
            "latex", "markdown", "ruby", "script", "svg", "matlab", "octave", "idl", "robotframework", "sas", "spark",
            "sql", "cython", "haskell", "tcl", "gnuplot", "wolfram language", "c++", "clojure", "csharp", "fsharp", "go",
            "groovy", "java", "julia", "logtalk", "lua", "maxima", "ocaml", "powershell", "q", "rust", "sage",
            "scala", "scheme", "sos", "stata", "typescript", "xonsh", "c#", "f#", "cs", "fs");
    /** Cell magics that name Python itself: the cell stays code (Jupytext writes their language, uncommented). */
    static final Set<String> PYTHON_LANGUAGES = Set.of("python", "python2", "python3", "pypy");

    private PercentScriptExport() {
    }

    /** The notebook as a percent script, starting with Jupytext's header. */
    public static String write(Notebook notebook) {
        String text = notebook.text();
        String preamble = null;
        List<List<String>> cells = new ArrayList<>();
        for (Chunk chunk : notebook.chunks()) {
            if (chunk.type() == ChunkType.PREAMBLE) {
                String content = IpynbImport.withoutTrailingBreaks(chunk.content());
                preamble = content.isBlank() ? null : content;
            } else {
                cells.add(cellLines(IpynbExport.ExportedCell.of(chunk, text)));
            }
        }
        // As Jupytext, from the last cell up: a cell's spacing depends on all the lines after it.
        List<String> following = new ArrayList<>();
        for (int i = cells.size() - 1; i >= 0; i--) {
            List<String> cell = new ArrayList<>(cells.get(i));
            int blankLines = Pep8Spacing.blankLinesBetween(cell, following);
            for (int blank = 0; blank < blankLines; blank++) {
                cell.add("");
            }
            cell.addAll(following);
            following = cell;
        }
        StringBuilder script = new StringBuilder(header(preamble));
        if (!following.isEmpty()) {
            script.append('\n').append(String.join("\n", following.subList(0, following.size() - 1))).append('\n');
        }
        return script.toString();
    }

    /** Jupytext's header (its keys sorted, as Jupytext writes them): the text before the first chunk if any, the format, the kernel. */
    private static String header(String preamble) {
        StringBuilder header = new StringBuilder("# ---\n# jupyter:\n");
        if (preamble != null) {
            header.append("#   jodide:\n#     preamble: ").append(JsonWriter.write(preamble)).append('\n');
        }
        return header.append("""
                #   jupytext:
                #     text_representation:
                #       extension: .py
                #       format_name: percent
                #       format_version: '1.3'
                #   kernelspec:
                #     display_name: Python 3 (ipykernel)
                #     language: python
                #     name: python3
                # ---
                """).toString();
    }

    /** A cell's marker line and its lines. */
    private static List<String> cellLines(IpynbExport.ExportedCell cell) {
        List<String> source = sourceLines(cell.source());
        List<String> options = new ArrayList<>();
        if (!cell.cellType().equals(CellShapes.CODE)) {
            options.add("[" + cell.cellType() + "]");
        }
        if (!readsBackAsItsChunk(cell)) {
            options.add("jodide={\"delimiter\": " + JsonWriter.write(cell.delimiter()) + "}");
        }
        if (!cell.tags().isEmpty()) {
            options.add("tags=" + jsonStrings(cell.tags()));
        }
        String language = null;
        if (cell.cellType().equals(CellShapes.CODE) && !source.isEmpty() && source.get(0).startsWith("%%")) {
            String magic = source.get(0).substring(2);
            int blank = magic.indexOf(' ');
            String name = blank < 0 ? magic : magic.substring(0, blank);
            if (OTHER_LANGUAGES.contains(name) || PYTHON_LANGUAGES.contains(name)) {
                String arguments = blank < 0 ? "" : magic.substring(blank + 1);
                if (!arguments.isEmpty()) {
                    options.add("magic_args=" + JsonWriter.write(arguments));
                }
                options.add("language=" + JsonWriter.write(name));
                language = name;
                source = source.subList(1, source.size());
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add(options.isEmpty() ? "# %%" : "# %% " + String.join(" ", options));
        boolean code = cell.cellType().equals(CellShapes.CODE) && (language == null || PYTHON_LANGUAGES.contains(language));
        if (code) {
            lines.addAll(PythonMagics.commented(source));
        } else {
            for (String line : source.isEmpty() ? List.of("") : source) {
                String commented = line.isEmpty() ? "#" : "# " + line;
                lines.add(PercentScriptImport.isMarker(commented) ? line : commented);
            }
        }
        return lines;
    }

    /**
     * Whether the cell, read without Jodide's metadata, gives its chunk's delimiter line back (a
     * {@code %% md}, {@code %% raw}, {@code %% py} or {@code %% js} chunk whose flags its tags stand
     * for): only the other cells carry that line in the script.
     */
    private static boolean readsBackAsItsChunk(IpynbExport.ExportedCell cell) {
        CellChunks trial = new CellChunks("py");
        trial.cell(cell.cellType(), cell.source(), IpynbImport.tagFlags(cell.tags()), null);
        String chunk = trial.iomd();
        int lineEnd = chunk.indexOf('\n');
        return (lineEnd < 0 ? chunk : chunk.substring(0, lineEnd)).equals(cell.delimiter());
    }

    /** The source's lines as Python's {@code splitlines()} gives them; none for an empty source. */
    private static List<String> sourceLines(String source) {
        List<String> lines = new ArrayList<>();
        for (Object line : IpynbExport.lines(source)) {
            lines.add(IpynbImport.withoutTrailingBreaks((String) line));
        }
        return lines;
    }

    private static String jsonStrings(List<String> strings) {
        List<String> quoted = new ArrayList<>();
        for (String s : strings) {
            quoted.add(JsonWriter.write(s));
        }
        return "[" + String.join(", ", quoted) + "]";
    }
}

package org.jodide.iomd;

import org.jodide.iomd.internal.Ascii;
import org.jodide.iomd.internal.ChunkDiagnostic;
import org.jodide.iomd.internal.ChunkNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One chunk of a notebook: its delimiter line (absent for the preamble) and the body after it.
 * Immutable. Obtained from {@link Notebook#chunks()}.
 *
 * <p>Every offset is 0-based, in UTF-16 code units, into the text of the notebook the chunk was
 * obtained from; every line number is 0-based. A chunk's {@link #id()} survives edits to other
 * chunks and edits inside the chunk (see {@link IomdParser#reparse(Notebook, Edit)}); its offsets
 * and lines are those of its own notebook version.
 *
 * <pre>{@code
 * Chunk chunk = notebook.chunks().get(1);
 * chunk.type();     // ChunkType.PY
 * chunk.content();  // the code that runs, escapes removed
 * }</pre>
 */
public final class Chunk {
    private final ChunkNode node;
    private final int start;
    private final int line;

    Chunk(ChunkNode node, int start, int line) {
        this.node = node;
        this.start = start;
        this.line = line;
    }

    /** Stable identifier, unique within a notebook and the versions re-parsed from it. */
    public String id() {
        return node.id();
    }

    /** The kind of chunk; for a bare {@code %%}, the type inherited from the chunk above. */
    public ChunkType type() {
        return node.type();
    }

    /**
     * The type word as written in the delimiter ({@code "timeit"} for an unknown type, {@code "Py"}
     * if written so); for a bare {@code %%}, the name inherited from the chunk above; "" for the
     * preamble and for a bare {@code %%} with no typed chunk above.
     */
    public String typeName() {
        return node.typeName();
    }

    /** Whether the delimiter is a bare {@code %%} (its type is inherited). */
    public boolean inheritsType() {
        return node.isBare();
    }

    /** The words after the type on the delimiter line, as written. */
    public List<String> flags() {
        return node.flags();
    }

    /** spec: the skipRunAll flag (any case) keeps a chunk out of Run All and out of report-view loading. */
    public boolean skipRunAll() {
        return hasFlag("skiprunall");
    }

    /** spec: the hideOutput flag (any case) keeps a chunk's output out of the report (the editor still shows it). */
    public boolean hideOutput() {
        return hasFlag("hideoutput");
    }

    private boolean hasFlag(String lowerCase) {
        for (String flag : node.flags()) {
            if (Ascii.equalsIgnoreCase(flag, 0, flag.length(), lowerCase)) {
                return true;
            }
        }
        return false;
    }

    /** The whole chunk, delimiter line and its line break included. */
    public SourceSpan span() {
        return new SourceSpan(start, start + node.length());
    }

    /** The delimiter line with its line break; empty (at the chunk start) for the preamble. */
    public SourceSpan delimiterSpan() {
        return new SourceSpan(start, start + node.bodyOffset());
    }

    /** The body: from after the delimiter's line break to the end of the chunk. */
    public SourceSpan bodySpan() {
        return new SourceSpan(start + node.bodyOffset(), start + node.length());
    }

    /** 0-based line of the chunk's first line (its delimiter line). */
    public int line() {
        return line;
    }

    /**
     * 0-based line of {@code bodySpan().start()}: the line after the delimiter, or the delimiter's
     * own line when the delimiter ends the text without a line break.
     */
    public int bodyLine() {
        return line + node.bodyLine();
    }

    /** Number of line breaks in the chunk; the chunk's last line is {@code line() + lineBreaks()} if it does not end with a break. */
    public int lineBreaks() {
        return node.lineCount();
    }

    /** The chunk's text without its delimiter line, as written (escapes kept). */
    public String body() {
        return node.body();
    }

    /**
     * What the chunk means: its body with the format's escapes removed (spec: a body line
     * {@code \%%x} stands for {@code %%x}, {@code \\%%x} for {@code \%%x}). This is the code that
     * runs, the markdown that renders. {@link IomdWriter#escapeBody} is its inverse.
     */
    public String content() {
        return node.content();
    }

    /** The chunk as written, delimiter line included. */
    public String source() {
        return node.source();
    }

    /**
     * The problems found in this chunk's own text, positioned in this chunk's notebook. (An unknown
     * type is reported here even when a plugin chunk elsewhere defines it; see
     * {@link Notebook#diagnostics()}.)
     */
    public List<Diagnostic> diagnostics() {
        List<ChunkDiagnostic> relative = node.diagnostics();
        if (relative.isEmpty()) {
            return List.of();
        }
        List<Diagnostic> out = new ArrayList<>(relative.size());
        for (ChunkDiagnostic d : relative) {
            out.add(d.at(start, line));
        }
        return List.copyOf(out);
    }

    /** For a fetch chunk, its valid lines in order (bad lines are {@link #diagnostics()}); empty otherwise. */
    public List<FetchLine> fetchLines() {
        List<FetchLine> relative = node.fetchLines();
        if (relative.isEmpty()) {
            return List.of();
        }
        List<FetchLine> out = new ArrayList<>(relative.size());
        for (FetchLine fetchLine : relative) {
            out.add(fetchLine.shiftedBy(start));
        }
        return List.copyOf(out);
    }

    /** For a plugin chunk without errors, the plugin it defines; empty otherwise. */
    public Optional<PluginSpec> plugin() {
        return Optional.ofNullable(node.plugin());
    }

    ChunkNode node() {
        return node;
    }

    /** Equal when id, place and text are equal (so are type and everything derived from the text). */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Chunk)) {
            return false;
        }
        Chunk other = (Chunk) o;
        return start == other.start && line == other.line && node.id().equals(other.node.id())
                && node.type() == other.node.type() && node.typeName().equals(other.node.typeName())
                && (node == other.node || node.sameSource(other.node));
    }

    @Override
    public int hashCode() {
        return node.id().hashCode() * 31 + start;
    }

    @Override
    public String toString() {
        return "Chunk[" + node.id() + " " + (node.type() == ChunkType.UNKNOWN ? "unknown '" + node.typeName() + "'"
                : node.type().name().toLowerCase(Locale.ROOT)) + " " + span() + "]";
    }
}

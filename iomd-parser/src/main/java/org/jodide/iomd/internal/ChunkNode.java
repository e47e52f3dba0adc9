package org.jodide.iomd.internal;

import org.jodide.iomd.ChunkType;
import org.jodide.iomd.FetchLine;
import org.jodide.iomd.PluginSpec;

import java.util.List;

/**
 * One chunk, independent of where it sits in the notebook: a slice of a text plus what the parser
 * found in it. Nodes are immutable and shared between successive versions of a notebook, which is
 * what makes re-parsing after an edit cheap. Every offset here is relative to the chunk start, in
 * UTF-16 code units; every line number is relative to the chunk's first line.
 */
public final class ChunkNode {
    private final String id;
    private final String text;
    private final int from;
    private final int to;
    private final int bodyOffset;
    private final int lineCount;
    private final int bodyLine;
    private final DelimiterLine delimiter;
    private final ChunkType type;
    private final String typeName;
    private final List<ChunkDiagnostic> diagnostics;
    private final List<FetchLine> fetchLines;
    private final PluginSpec plugin;

    ChunkNode(String id, String text, int from, int to, int bodyOffset, int lineCount, int bodyLine,
              DelimiterLine delimiter, ChunkType type, String typeName, List<ChunkDiagnostic> diagnostics,
              List<FetchLine> fetchLines, PluginSpec plugin) {
        this.id = id;
        this.text = text;
        this.from = from;
        this.to = to;
        this.bodyOffset = bodyOffset;
        this.lineCount = lineCount;
        this.bodyLine = bodyLine;
        this.delimiter = delimiter;
        this.type = type;
        this.typeName = typeName;
        this.diagnostics = diagnostics;
        this.fetchLines = fetchLines;
        this.plugin = plugin;
    }

    /** The same chunk under another id. */
    ChunkNode withId(String newId) {
        return newId.equals(id) ? this : new ChunkNode(newId, text, from, to, bodyOffset, lineCount, bodyLine,
                delimiter, type, typeName, diagnostics, fetchLines, plugin);
    }

    public String id() {
        return id;
    }

    /** Length of the whole chunk, delimiter line included, in UTF-16 code units. */
    public int length() {
        return to - from;
    }

    /** Offset of the body from the chunk start: the length of the delimiter line and its break. */
    public int bodyOffset() {
        return bodyOffset;
    }

    /** Number of line breaks in the chunk. */
    public int lineCount() {
        return lineCount;
    }

    /** 0-based line of the body start, counted from the chunk's first line (0 or 1). */
    public int bodyLine() {
        return bodyLine;
    }

    /** The delimiter line, or null for the preamble. */
    public DelimiterLine delimiter() {
        return delimiter;
    }

    public boolean isPreamble() {
        return delimiter == null;
    }

    /** Whether the delimiter is a bare {@code %%} whose type comes from the chunk above. */
    public boolean isBare() {
        return delimiter != null && delimiter.isBare();
    }

    public ChunkType type() {
        return type;
    }

    public String typeName() {
        return typeName;
    }

    public List<String> flags() {
        return delimiter == null ? List.of() : delimiter.flags();
    }

    public List<ChunkDiagnostic> diagnostics() {
        return diagnostics;
    }

    /** The valid fetch lines, with spans relative to the chunk start. */
    public List<FetchLine> fetchLines() {
        return fetchLines;
    }

    /** The plugin definition, or null when this is not a valid plugin chunk. */
    public PluginSpec plugin() {
        return plugin;
    }

    /** The type the next chunk inherits if it is bare. */
    public TypeContext outgoing() {
        return delimiter == null ? TypeContext.NONE : new TypeContext(type, typeName);
    }

    /** Whether this node resolved its type from {@code context} (meaningful for bare nodes). */
    boolean resolvedFrom(TypeContext context) {
        return type == context.type() && typeName.equals(context.name());
    }

    public String source() {
        return text.substring(from, to);
    }

    public String body() {
        return text.substring(from + bodyOffset, to);
    }

    /** The body without the escapes of the format: what runs. */
    public String content() {
        return Escapes.unescape(text, from + bodyOffset, to);
    }

    /** Appends the chunk's source to {@code out}. */
    public void appendSource(StringBuilder out) {
        out.append(text, from, to);
    }

    /** Whether this chunk's source equals {@code other}'s, character for character. */
    public boolean sameSource(ChunkNode other) {
        return length() == other.length() && text.regionMatches(from, other.text, other.from, length());
    }

    /** A node built from the same text under another inherited type (for bare delimiters). */
    ChunkNode retyped(TypeContext context) {
        return ChunkAnalyzer.analyze(id, text, from, from + bodyOffset, to, lineCount, bodyLine, delimiter, context);
    }
}

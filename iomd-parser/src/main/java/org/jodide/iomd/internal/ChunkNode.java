package org.jodide.iomd.internal;

import org.jodide.iomd.ChunkType;
import org.jodide.iomd.FetchLine;
import org.jodide.iomd.NotebookPython;
import org.jodide.iomd.PluginSpec;

import java.util.List;

/**
 * One chunk, independent of where it sits in the notebook: a slice of a text, its id, and the type
 * and flags of its delimiter. Nodes are immutable and shared between successive versions of a
 * notebook, which is what makes re-parsing after an edit cheap. What takes longer to find
 * (diagnostics, fetch lines, plugin) is read from the slice on first use and kept
 * ({@link ChunkDetails}). Every offset here is relative to the chunk start, in UTF-16 code units.
 *
 * <p>The lazily filled fields ({@code id}, {@code details}) hold immutable values computed from
 * final fields, so a race between threads can only compute them twice.
 */
public final class ChunkNode {
    private final int idNumber;
    private final String text;
    private final int from;
    private final int to;
    private final int bodyOffset;
    private final int lineCount;
    private final boolean delimited;
    private final boolean bare;
    private final ChunkType type;
    private final String typeName;
    private final List<String> flags;
    private String id;
    private ChunkDetails details;
    /** {@link #content}, made on first use: a run asks for it several times (send, console, outputs kept). */
    private String content;

    /**
     * @param text      the text the chunk is a slice of
     * @param from      chunk start in {@code text}
     * @param to        chunk end in {@code text} (exclusive)
     * @param bodyOffset body start, relative to {@code from}
     * @param lineCount number of line breaks in the chunk
     * @param delimited false for the preamble
     * @param bare      whether the delimiter is a bare {@code %%}
     */
    ChunkNode(int idNumber, String text, int from, int to, int bodyOffset, int lineCount, boolean delimited,
              boolean bare, ChunkType type, String typeName, List<String> flags) {
        this.idNumber = idNumber;
        this.text = text;
        this.from = from;
        this.to = to;
        this.bodyOffset = bodyOffset;
        this.lineCount = lineCount;
        this.delimited = delimited;
        this.bare = bare;
        this.type = type;
        this.typeName = typeName;
        this.flags = flags;
    }

    /** The same chunk under another id number. */
    ChunkNode withId(int newIdNumber) {
        if (newIdNumber == idNumber) {
            return this;
        }
        ChunkNode node = new ChunkNode(newIdNumber, text, from, to, bodyOffset, lineCount, delimited, bare, type,
                typeName, flags);
        node.details = details;
        return node;
    }

    /**
     * The same chunk with the type a bare delimiter inherits from {@code context}. spec: a bare
     * {@code %%} inherits the type of the chunk above.
     */
    ChunkNode retyped(TypeContext context) {
        return new ChunkNode(idNumber, text, from, to, bodyOffset, lineCount, delimited, bare, context.type(),
                context.name(), flags);
    }

    /** The number in the id: ids are {@code "c" + idNumber}. */
    int idNumber() {
        return idNumber;
    }

    /** The id, {@code "c" + idNumber}, made when first asked for. */
    public String id() {
        String s = id;
        if (s == null) {
            s = "c" + idNumber;
            id = s;
        }
        return s;
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

    /** 0-based line of the body start, counted from the chunk's first line: 1, or 0 when the delimiter has no line break. */
    public int bodyLine() {
        return bodyOffset > 0 && Lines.isBreak(text.charAt(from + bodyOffset - 1)) ? 1 : 0;
    }

    public boolean isPreamble() {
        return !delimited;
    }

    /** Whether the delimiter is a bare {@code %%} whose type comes from the chunk above. */
    public boolean isBare() {
        return bare;
    }

    public ChunkType type() {
        return type;
    }

    public String typeName() {
        return typeName;
    }

    public List<String> flags() {
        return flags;
    }

    public List<ChunkDiagnostic> diagnostics() {
        return details().diagnostics();
    }

    /** The valid fetch lines, with spans relative to the chunk start. */
    public List<FetchLine> fetchLines() {
        return details().fetchLines();
    }

    /** The plugin definition, or null when this is not a valid plugin chunk. */
    /** For the preamble, the Python it names (docs/iomd.md, section 7), or null. */
    public NotebookPython python() {
        return details().python();
    }

    public PluginSpec plugin() {
        return details().plugin();
    }

    private ChunkDetails details() {
        ChunkDetails d = details;
        if (d == null) {
            d = ChunkAnalyzer.details(this, text, from, to);
            details = d;
        }
        return d;
    }

    /** The type the next chunk inherits if it is bare. */
    public TypeContext outgoing() {
        return delimited ? TypeContext.of(type, typeName) : TypeContext.NONE;
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
        String c = content;
        if (c == null) {
            c = Escapes.unescape(text, from + bodyOffset, to);
            content = c;
        }
        return c;
    }

    /** Appends the chunk's source to {@code out}. */
    public void appendSource(StringBuilder out) {
        out.append(text, from, to);
    }

    /** Whether this chunk's source equals {@code other}'s, character for character. */
    public boolean sameSource(ChunkNode other) {
        return length() == other.length() && text.regionMatches(from, other.text, other.from, length());
    }
}

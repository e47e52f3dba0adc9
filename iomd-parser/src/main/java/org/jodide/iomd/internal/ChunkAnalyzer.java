package org.jodide.iomd.internal;

import org.jodide.iomd.ChunkType;
import org.jodide.iomd.DiagnosticCode;
import org.jodide.iomd.FetchLine;
import org.jodide.iomd.PluginSpec;

import java.util.List;

/** Builds a {@link ChunkNode}: resolves the chunk's type and reads fetch and plugin bodies. */
final class ChunkAnalyzer {
    private ChunkAnalyzer() {
    }

    /**
     * @param text      the text the chunk is a slice of
     * @param from      chunk start in {@code text}
     * @param bodyFrom  body start in {@code text}
     * @param to        chunk end in {@code text} (exclusive)
     * @param delimiter the delimiter line, or null for the preamble
     * @param context   what a bare delimiter inherits
     */
    static ChunkNode analyze(String id, String text, int from, int bodyFrom, int to, int lineCount, int bodyLine,
                             DelimiterLine delimiter, TypeContext context) {
        DiagnosticSink sink = new DiagnosticSink(text, from, to);
        ChunkType type;
        String typeName;
        if (delimiter == null) {
            type = ChunkType.PREAMBLE;
            typeName = "";
        } else if (delimiter.isBare()) {
            // spec: a bare %% inherits the type of the chunk above.
            type = context.type();
            typeName = context.name();
            if (typeName.isEmpty()) {
                sink.report(DiagnosticCode.BARE_DELIMITER_WITHOUT_TYPE,
                        "bare '%%' with no chunk type above: the chunk has no type and never runs",
                        from, from + delimiter.typeStart());
            }
        } else {
            typeName = delimiter.typeWord();
            type = ChunkType.fromKeyword(typeName);
            if (type == ChunkType.UNKNOWN) {
                // spec: an unknown type is kept as written, shown as inert text, never run.
                sink.report(DiagnosticCode.UNKNOWN_CHUNK_TYPE,
                        "unknown chunk type " + Quote.of(typeName) + ": the chunk is kept but never runs"
                                + " (to keep this line inside the chunk above, write it as \\"
                                + Quote.shorten(text.substring(from, from + delimiter.typeEnd())) + ")",
                        from + delimiter.typeStart(), from + delimiter.typeEnd());
            }
        }
        List<FetchLine> fetchLines = List.of();
        PluginSpec plugin = null;
        if (type == ChunkType.FETCH) {
            fetchLines = FetchLineParser.parse(text, from, bodyFrom, to, sink);
        } else if (type == ChunkType.PLUGIN) {
            plugin = PluginValidator.validate(text, from, bodyFrom, to, sink);
        }
        return new ChunkNode(id, text, from, to, bodyFrom - from, lineCount, bodyLine, delimiter, type, typeName,
                sink.toList(), fetchLines, plugin);
    }
}

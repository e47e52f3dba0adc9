package org.jodide.iomd.internal;

import org.jodide.iomd.ChunkType;
import org.jodide.iomd.DiagnosticCode;
import org.jodide.iomd.FetchLine;
import org.jodide.iomd.NotebookPython;
import org.jodide.iomd.PluginSpec;

import java.util.List;

/** Builds nodes: resolves a chunk's type during the scan, and reads its details when first asked. */
final class ChunkAnalyzer {
    private ChunkAnalyzer() {
    }

    /**
     * The node for {@code text[from, to)} with body from {@code bodyFrom}.
     *
     * @param delimiter the reader holding the chunk's delimiter line, or null for the preamble
     * @param context   what a bare delimiter inherits
     */
    static ChunkNode node(int idNumber, String text, int from, int bodyFrom, int to, int lineCount,
                          DelimiterReader delimiter, TypeContext context) {
        if (delimiter == null) {
            return new ChunkNode(idNumber, text, from, to, bodyFrom - from, lineCount, false, false,
                    ChunkType.PREAMBLE, "", List.of());
        }
        if (delimiter.typeWord.isEmpty()) {
            // spec: a bare %% inherits the type of the chunk above.
            return new ChunkNode(idNumber, text, from, to, bodyFrom - from, lineCount, true, true,
                    context.type(), context.name(), delimiter.flags);
        }
        return new ChunkNode(idNumber, text, from, to, bodyFrom - from, lineCount, true, false,
                delimiter.type, delimiter.typeWord, delimiter.flags);
    }

    /** The diagnostics, fetch lines and plugin of {@code node}, a slice {@code text[from, to)}. */
    static ChunkDetails details(ChunkNode node, String text, int from, int to) {
        ChunkType type = node.type();
        boolean unknown = !node.isPreamble() && !node.isBare() && type == ChunkType.UNKNOWN;
        boolean untyped = node.isBare() && node.typeName().isEmpty();
        if (!unknown && !untyped && type != ChunkType.FETCH && type != ChunkType.PLUGIN && !node.isPreamble()) {
            return ChunkDetails.NONE;
        }
        DiagnosticSink sink = new DiagnosticSink(text, from, to);
        int bodyFrom = from + node.bodyOffset();
        if (node.isPreamble()) {
            NotebookPython python = PreambleSettings.python(text, from, to, sink);
            List<ChunkDiagnostic> found = sink.toList();
            return python == null && found.isEmpty() ? ChunkDetails.NONE : new ChunkDetails(found, List.of(), null, python);
        }
        if (unknown || untyped) {
            DelimiterReader delimiter = new DelimiterReader();
            delimiter.read(text, from, Lines.lineEnd(text, from, to));
            if (untyped) {
                sink.report(DiagnosticCode.BARE_DELIMITER_WITHOUT_TYPE,
                        "bare '%%' with no chunk type above: the chunk has no type and never runs",
                        from, from + delimiter.typeStart);
            } else {
                // spec: an unknown type is kept as written, shown as inert text, never run.
                sink.report(DiagnosticCode.UNKNOWN_CHUNK_TYPE,
                        "unknown chunk type " + Quote.of(node.typeName()) + ": kept as text unless a plugin defines it"
                                + " (to keep this line in the chunk above, write it as \\"
                                + Quote.shorten(text.substring(from, from + delimiter.typeEnd)) + ")",
                        from + delimiter.typeStart, from + delimiter.typeEnd);
            }
        }
        List<FetchLine> fetchLines = List.of();
        PluginSpec plugin = null;
        if (type == ChunkType.FETCH) {
            fetchLines = FetchLineParser.parse(text, from, bodyFrom, to, sink);
        } else if (type == ChunkType.PLUGIN) {
            plugin = PluginValidator.validate(text, from, bodyFrom, to, sink);
        }
        return new ChunkDetails(sink.toList(), fetchLines, plugin, null);
    }
}

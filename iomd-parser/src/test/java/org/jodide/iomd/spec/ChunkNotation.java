package org.jodide.iomd.spec;

import org.jodide.iomd.Chunk;
import org.jodide.iomd.ChunkType;
import org.jodide.iomd.Diagnostic;
import org.jodide.iomd.FetchLine;
import org.jodide.iomd.Notebook;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The compact notation of expected chunks used by docs/iomd.md (see its section "How to read the
 * examples"). Everything but ids is shown, so two notebooks with the same notation are the same
 * parse. Diagnostics are those the notebook reports ({@link Notebook#diagnostics()}), under the
 * chunk they belong to.
 */
public final class ChunkNotation {
    private ChunkNotation() {
    }

    public static String render(Notebook notebook, String baseUrl) {
        List<String> out = new ArrayList<>();
        Set<Diagnostic> reported = new HashSet<>(notebook.diagnostics());
        if (notebook.chunks().isEmpty()) {
            out.add("(no chunks)");
        }
        for (Chunk chunk : notebook.chunks()) {
            StringBuilder line = new StringBuilder(typeToken(chunk));
            if (chunk.inheritsType()) {
                line.append(" bare");
            }
            if (!chunk.flags().isEmpty()) {
                line.append(" [").append(String.join(" ", chunk.flags())).append(']');
            }
            if (chunk.skipRunAll()) {
                line.append(" skip");
            }
            if (chunk.hideOutput()) {
                line.append(" hide");
            }
            line.append(' ').append(chunk.span()).append(" line ").append(chunk.line())
                    .append(" body ").append(chunk.bodySpan()).append(" line ").append(chunk.bodyLine())
                    .append(" \"").append(SpecReader.encode(chunk.body())).append('"');
            out.add(line.toString());
            if (!chunk.content().equals(chunk.body())) {
                out.add("  content \"" + SpecReader.encode(chunk.content()) + "\"");
            }
            for (Diagnostic d : chunk.diagnostics()) {
                if (!reported.contains(d)) {
                    continue; // the notebook does not report it (a language defined by a plugin chunk)
                }
                out.add("  " + d.severity().label() + " " + d.line() + ":" + d.column() + " " + d.message());
            }
            for (FetchLine f : chunk.fetchLines()) {
                out.add("  fetch " + f.kind().keyword() + " " + f.variableName().map(v -> v + " = ").orElse("") + f.url()
                        + (baseUrl == null ? "" : " => " + f.resolve(baseUrl)));
            }
            chunk.plugin().ifPresent(p -> out.add("  plugin " + p.languageId()));
            if (chunk.type() == ChunkType.PREAMBLE) {
                notebook.python().ifPresent(python -> out.add("  python " + python.keyword()));
            }
        }
        return String.join("\n", out);
    }

    private static String typeToken(Chunk chunk) {
        ChunkType type = chunk.type();
        if (type == ChunkType.PREAMBLE) {
            return "preamble";
        }
        if (type == ChunkType.UNKNOWN) {
            return "unknown(" + chunk.typeName() + ")";
        }
        return chunk.typeName().equals(type.keyword()) ? type.keyword()
                : type.name().toLowerCase(Locale.ROOT) + "(" + chunk.typeName() + ")";
    }
}

package org.jodide.iomd.internal;

import org.jodide.iomd.DiagnosticCode;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the diagnostics of one chunk, positioned relative to the chunk start. Offsets passed
 * in are offsets into the text the chunk is a slice of; line numbers are found only when the
 * first diagnostic is reported, so clean chunks cost nothing.
 */
final class DiagnosticSink {
    private final String text;
    private final int chunkStart;
    private final int chunkEnd;
    private LineMap lines;
    private List<ChunkDiagnostic> found;

    DiagnosticSink(String text, int chunkStart, int chunkEnd) {
        this.text = text;
        this.chunkStart = chunkStart;
        this.chunkEnd = chunkEnd;
    }

    void report(DiagnosticCode code, String message, int start, int end) {
        if (lines == null) {
            lines = new LineMap(text, chunkStart, chunkEnd);
            found = new ArrayList<>(2);
        }
        int s = Math.max(chunkStart, Math.min(start, chunkEnd));
        int e = Math.max(s, Math.min(end, chunkEnd));
        found.add(new ChunkDiagnostic(code, message, s - chunkStart, e - chunkStart, lines.line(s), lines.column(s)));
    }

    boolean hasErrors() {
        if (found != null) {
            for (ChunkDiagnostic d : found) {
                if (d.code().severity() == org.jodide.iomd.Severity.ERROR) {
                    return true;
                }
            }
        }
        return false;
    }

    List<ChunkDiagnostic> toList() {
        return found == null ? List.of() : List.copyOf(found);
    }
}

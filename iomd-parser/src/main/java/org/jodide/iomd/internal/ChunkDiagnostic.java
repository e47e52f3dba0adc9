package org.jodide.iomd.internal;

import org.jodide.iomd.Diagnostic;
import org.jodide.iomd.DiagnosticCode;
import org.jodide.iomd.SourceSpan;

/**
 * A diagnostic positioned relative to the start of its chunk, so it stays valid when the chunk
 * moves. Offsets are 0-based UTF-16 offsets from the chunk start; {@code line} is the 0-based
 * line within the chunk; {@code column} is 1-based (a chunk always starts at a line start, so
 * the column does not depend on where the chunk is).
 */
public record ChunkDiagnostic(DiagnosticCode code, String message, int start, int end, int line, int column) {

    /** The diagnostic for a chunk that starts at offset {@code chunkStart} on 0-based line {@code chunkLine}. */
    public Diagnostic at(int chunkStart, int chunkLine) {
        return new Diagnostic(code.severity(), code, message, new SourceSpan(chunkStart + start, chunkStart + end),
                chunkLine + line + 1, column);
    }
}

package org.jodide.iomd;

import java.util.List;
import java.util.Locale;

/**
 * One chunk of a notebook: its delimiter line (absent for the preamble) and the body after it.
 *
 * @param id         stable identifier; survives edits to other chunks
 * @param type       the kind of chunk
 * @param typeName   the type word as written in the delimiter ("" for the preamble and a bare {@code %%})
 * @param flags      the words after the type on the delimiter line, as written
 * @param span       the whole chunk, delimiter line included
 * @param bodySpan   the body: from after the delimiter's line break to the end of the chunk
 * @param bodyLine   0-based line number, in the whole notebook, of the body's first line
 * @param text       the whole notebook text this chunk was parsed from
 */
public record Chunk(String id, ChunkType type, String typeName, List<String> flags,
                    SourceSpan span, SourceSpan bodySpan, int bodyLine, String text) {

    public Chunk {
        flags = List.copyOf(flags);
    }

    /** The chunk's content, without its delimiter line. */
    public String body() {
        return text.substring(bodySpan.start(), bodySpan.end());
    }

    /**
     * What the chunk means: its body with the format's escapes removed. This is the code that
     * runs, the markdown that renders. (No escapes are defined yet, so it equals the body.)
     */
    public String content() {
        return body();
    }

    /** The chunk as written, delimiter line included. */
    public String source() {
        return text.substring(span.start(), span.end());
    }

    /** spec: the skipRunAll flag (any case) keeps a chunk out of Run All. */
    public boolean skipRunAll() {
        for (String flag : flags) {
            if (flag.toLowerCase(Locale.ROOT).equals("skiprunall")) {
                return true;
            }
        }
        return false;
    }
}

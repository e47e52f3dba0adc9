package org.jodide.core.kernel;

import org.jodide.core.Language;

/**
 * Code to run for one chunk.
 *
 * @param chunkId      the chunk the code comes from
 * @param firstLine    0-based line, in the notebook, of the code's first line (errors count from it)
 * @param order        the chunk's 0-based position in the notebook (where the report shows its
 *                     output), or -1 for code that is not a chunk (console input)
 * @param showInReport whether the run's output also shows at the chunk's place in the report
 */
public record ExecuteRequest(Language language, String chunkId, String code, int firstLine, int order,
                             boolean showInReport) {
    public ExecuteRequest {
        if (language == null || chunkId == null || code == null) {
            throw new IllegalArgumentException("language, chunkId and code are required");
        }
        if (firstLine < 0) {
            throw new IllegalArgumentException("firstLine must be >= 0, got " + firstLine);
        }
        if (showInReport && order < 0) {
            throw new IllegalArgumentException("output shown in the report needs the chunk's order, got " + order);
        }
    }

    /** Code whose output shows only in the editor (console input). */
    public ExecuteRequest(Language language, String chunkId, String code, int firstLine) {
        this(language, chunkId, code, firstLine, -1, false);
    }
}

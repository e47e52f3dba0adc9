package org.jodide.core.kernel;

import org.jodide.core.Language;

/**
 * Code to run for one chunk.
 *
 * @param chunkId   the chunk the code comes from
 * @param firstLine 0-based line, in the notebook, of the code's first line (errors count from it)
 */
public record ExecuteRequest(Language language, String chunkId, String code, int firstLine) {
    public ExecuteRequest {
        if (language == null || chunkId == null || code == null) {
            throw new IllegalArgumentException("language, chunkId and code are required");
        }
        if (firstLine < 0) {
            throw new IllegalArgumentException("firstLine must be >= 0, got " + firstLine);
        }
    }
}

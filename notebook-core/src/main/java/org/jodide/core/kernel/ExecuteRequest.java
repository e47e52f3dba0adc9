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
 * @param failureGroup 0, or the group of runs this one belongs to: when a run of a group fails, the
 *                     kernel skips the runs of the same group queued behind it
 *                     ({@link ExecutionListener#skipped}), as Run All stops at the first error
 * @param sourceName   what tracebacks call the code, or null: {@link SourceNames#of} its first line
 */
public record ExecuteRequest(Language language, String chunkId, String code, int firstLine, int order,
                             boolean showInReport, int failureGroup, String sourceName) {
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
        if (failureGroup < 0) {
            throw new IllegalArgumentException("failureGroup must be >= 0, got " + failureGroup);
        }
    }

    /** Code named by its first line. */
    public ExecuteRequest(Language language, String chunkId, String code, int firstLine, int order,
                          boolean showInReport, int failureGroup) {
        this(language, chunkId, code, firstLine, order, showInReport, failureGroup, null);
    }

    /** A run in no failure group: whatever happened to the runs before it, it runs. */
    public ExecuteRequest(Language language, String chunkId, String code, int firstLine, int order, boolean showInReport) {
        this(language, chunkId, code, firstLine, order, showInReport, 0);
    }

    /** Code whose output shows only in the editor (console input). */
    public ExecuteRequest(Language language, String chunkId, String code, int firstLine) {
        this(language, chunkId, code, firstLine, -1, false, 0);
    }
}

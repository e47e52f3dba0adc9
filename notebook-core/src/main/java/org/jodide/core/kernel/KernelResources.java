package org.jodide.core.kernel;

import org.jodide.core.protocol.EditorToFrame;

import java.util.List;

/**
 * What a notebook loads into its kernel besides code: language plugins and fetch chunks. Each
 * call is a run like {@link Kernel#execute}: the caller sends one at a time, in its run queue.
 */
public interface KernelResources {
    /** Registers a language plugin (its script's url already resolved). */
    void registerPlugin(String languageId, String url, String module, String evaluator, String asyncEvaluator,
                        ExecutionListener listener);

    /** Runs a chunk of a plugin language registered before. */
    void runPlugin(String languageId, String chunkId, String code, ExecutionListener listener);

    /** Loads a fetch chunk's lines (urls already resolved); the listener hears each line, then the chunk. */
    void fetch(String chunkId, List<EditorToFrame.FetchRequest> lines, FetchListener listener);
}

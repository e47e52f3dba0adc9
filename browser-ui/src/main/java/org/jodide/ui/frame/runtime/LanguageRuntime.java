package org.jodide.ui.frame.runtime;

import org.jodide.core.kernel.ExecutionListener;
import org.jodide.core.kernel.OutputStream;
import org.jodide.core.protocol.FrameToEditor;

import java.util.List;
import java.util.function.Consumer;

/**
 * One language the eval frame can run (JavaScript, Python in Pyodide, a plugin language), as the
 * frame sees it. The frame routes every run by language id through a {@link RuntimeRegistry};
 * nothing in the frame knows which runtime is which. All methods are called on the frame's main
 * thread; answers may come later (a runtime may live in a worker).
 *
 * <p>Lifecycle: {@link #load} once, then any number of {@link #run}s, one at a time (the editor's
 * run queue orders them; a runtime never queues a second time), then {@link #dispose}. A
 * {@link QueueingRuntime} is the exception: it takes the runs that follow before the one it runs ends.
 */
public interface LanguageRuntime {
    /** The notebook language id this runtime runs ("js", "py", or a plugin's id). */
    String languageId();

    /** The language's name in messages ("Python is not available: ..."); its id unless a runtime says better. */
    default String displayName() {
        return languageId();
    }

    /** Starts loading; the listener hears progress, then exactly one of ready or failed. */
    void load(LoadListener listener);

    /**
     * Runs one chunk's code. {@code listener.finished} is called exactly once, also when the run is
     * interrupted (with the error, e.g. a KeyboardInterrupt traceback) or the runtime fails.
     *
     * @param sourceName the readable name errors show for this code
     * @param firstLine  0-based notebook line of the code's first line; errors count from it
     */
    void run(String code, String sourceName, int firstLine, ExecutionListener listener);

    /** Full replacements for {@code token} (e.g. "os.path" for "os.pa"); an empty list when none. */
    void complete(String token, Consumer<List<String>> names);

    /**
     * Help on the name at the cursor, in code that is {@code before} and {@code after} it (signature,
     * type, value, docstring); "" when there is none.
     */
    void inspect(String before, String after, Consumer<String> text);

    /** The user's variables of this language, sorted by name. */
    void variables(Consumer<List<FrameToEditor.Variable>> variables);

    /** Asks the running code, if any, to stop; how it stops is {@link #interruptMode()}. */
    void interrupt();

    /** How {@link #interrupt} stops a run in this page. */
    InterruptMode interruptMode();

    /** Frees what the runtime holds (a worker, an interpreter); no call may follow. */
    void dispose();

    /**
     * Hears what this language's code prints or logs while none of its runs is going: a function a
     * chunk left behind (a timer, an event handler, a promise's callback, an asyncio task) that
     * prints after its run ended. Runtimes whose code cannot outlive its runs never call it (the
     * default). Called once, before {@link #load}.
     */
    default void onOutputOutsideRuns(OutputOutsideRuns listener) {
    }

    /** What code printed outside its runs (see {@link #onOutputOutsideRuns}). */
    @FunctionalInterface
    interface OutputOutsideRuns {
        /**
         * @param source the readable name of the code that printed: a chunk's when known
         *               ({@code js chunk at line 3}), else the language's ({@code Python}) or ""
         * @param text   as printed (whole lines, or a flushed line's start)
         */
        void printed(String source, OutputStream stream, String text);
    }

    /** How a runtime can stop running code. */
    enum InterruptMode {
        /** The run ends with an error and the runtime's state (variables) is kept. */
        KEEPS_STATE,
        /** Only a restart stops it: the state is lost. */
        RESTARTS,
        /** Runs finish on their own (synchronous JavaScript cannot be stopped from its own thread). */
        NONE
    }

    /** Hears a runtime load. */
    interface LoadListener {
        /** Bytes received and expected in all (0 when not known yet). */
        void progress(double loadedBytes, double totalBytes);

        /** @param description a readable name and version, e.g. "Python 3.13.2 (Pyodide 314.0.7)" */
        void ready(String description);

        void failed(String reason);

        /**
         * The runtime loads again after it was ready (a worker replaced after a Stop it did not
         * obey): its state is gone; progress, then ready or failed follow.
         */
        void reloading();
    }
}

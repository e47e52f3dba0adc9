package org.jodide.core.protocol;

import org.jodide.core.kernel.OutputStream;

import java.util.List;

/**
 * Messages the Python worker sends to the eval frame. Wire form: {@link WorkerCodec}. A
 * {@link Handler} must handle every message: adding one fails to compile until it is handled.
 */
public sealed interface WorkerToFrame {
    void accept(Handler handler);

    /** Receives each kind of message. */
    interface Handler {
        void loadProgress(LoadProgress message);

        void ready(Ready message);

        void loadFailed(LoadFailed message);

        void lost(Lost message);

        void output(Output message);

        void outsideRunOutput(OutsideRunOutput message);

        void display(Display message);

        void clearOutput(ClearOutput message);

        void inputRequest(InputRequest message);

        void finished(Finished message);

        void skipped(Skipped message);

        void completions(Completions message);

        void inspection(Inspection message);

        void homeListed(HomeListed message);

        void homeRead(HomeRead message);

        void variables(Variables message);

        void wheelStatus(WheelStatus message);

        void wheelDone(WheelDone message);
    }

    /** Bytes of Pyodide's big files received and expected in all (0 while not known). */
    record LoadProgress(int loadedBytes, int totalBytes) implements WorkerToFrame {
        @Override
        public void accept(Handler handler) {
            handler.loadProgress(this);
        }
    }

    /** Pyodide and the kernel are loaded. @param pyodideVersion e.g. "314.0.7" */
    record Ready(String pyodideVersion) implements WorkerToFrame {
        @Override
        public void accept(Handler handler) {
            handler.ready(this);
        }
    }

    /** Pyodide could not be loaded, and why. */
    record LoadFailed(String reason) implements WorkerToFrame {
        @Override
        public void accept(Handler handler) {
            handler.loadFailed(this);
        }
    }

    /**
     * The worker's Pyodide can no longer be used (a fatal error such as a stack overflow in C, or
     * {@code os._exit}), and why ("Python exited (…)", "Pyodide suffered a fatal error (…)"):
     * every later call into it would fail, so the kernel must restart.
     */
    record Lost(String reason) implements WorkerToFrame {
        @Override
        public void accept(Handler handler) {
            handler.lost(this);
        }
    }

    /** Text printed by run {@code runId}. */
    record Output(int runId, OutputStream stream, String text) implements WorkerToFrame {
        @Override
        public void accept(Handler handler) {
            handler.output(this);
        }
    }

    /** Text Python printed while no run was going (a callback's or an asyncio task's print after its run). */
    record OutsideRunOutput(OutputStream stream, String text) implements WorkerToFrame {
        @Override
        public void accept(Handler handler) {
            handler.outsideRunOutput(this);
        }
    }

    /**
     * A rich output of run {@code runId}; with a {@code displayId} (else null) one it can show again
     * in place, and {@code update}: it replaces what that id's displays show (see
     * {@code ExecutionListener.display(String, String, String, boolean)}).
     */
    record Display(int runId, String mimeType, String data, String displayId, boolean update) implements WorkerToFrame {
        /** A plain display. */
        public Display(int runId, String mimeType, String data) {
            this(runId, mimeType, data, null, false);
        }

        @Override
        public void accept(Handler handler) {
            handler.display(this);
        }
    }

    /** Run {@code runId} cleared what it has shown so far (Python's {@code clear_output}). */
    record ClearOutput(int runId) implements WorkerToFrame {
        @Override
        public void accept(Handler handler) {
            handler.clearOutput(this);
        }
    }

    /**
     * Run {@code runId} waits (blocked on the input buffer) for a line: the frame writes the
     * answer into the input buffer.
     */
    record InputRequest(int runId, String prompt, boolean password) implements WorkerToFrame {
        @Override
        public void accept(Handler handler) {
            handler.inputRequest(this);
        }
    }

    /**
     * Run {@code runId} ended: value (repr) or error (traceback), either may be null; it ran for
     * {@code kernelMillis} whole milliseconds, measured in the worker.
     */
    record Finished(int runId, String value, String error, int kernelMillis) implements WorkerToFrame {
        /** {@link #kernelMillis} of a run that was not measured. */
        public static final int NOT_TIMED = FrameToEditor.RunFinished.NOT_TIMED;

        @Override
        public void accept(Handler handler) {
            handler.finished(this);
        }
    }

    /** A queued run did not run: its failure group failed, or the frame dropped the queue. */
    record Skipped(int runId) implements WorkerToFrame {
        @Override
        public void accept(Handler handler) {
            handler.skipped(this);
        }
    }

    /** The answer to {@link FrameToWorker.ListHome}. */
    record HomeListed(int requestId, List<HomeFile> files) implements WorkerToFrame {
        public HomeListed {
            files = List.copyOf(files);
        }

        @Override
        public void accept(Handler handler) {
            handler.homeListed(this);
        }
    }

    /** The answer to {@link FrameToWorker.ReadHome}: the bytes (base64), or null and the error. */
    record HomeRead(int requestId, String base64, String error) implements WorkerToFrame {
        @Override
        public void accept(Handler handler) {
            handler.homeRead(this);
        }
    }

    /** The answer to {@link FrameToWorker.Inspect}: the help text, or "". */
    record Inspection(int requestId, String text) implements WorkerToFrame {
        @Override
        public void accept(Handler handler) {
            handler.inspection(this);
        }
    }

    /** The answer to {@link FrameToWorker.Complete}. */
    record Completions(int requestId, List<String> names) implements WorkerToFrame {
        public Completions {
            names = List.copyOf(names);
        }

        @Override
        public void accept(Handler handler) {
            handler.completions(this);
        }
    }

    /** The answer to {@link FrameToWorker.ListVariables}: Python variables, sorted by name. */
    record Variables(int requestId, List<FrameToEditor.Variable> variables) implements WorkerToFrame {
        public Variables {
            variables = List.copyOf(variables);
        }

        @Override
        public void accept(Handler handler) {
            handler.variables(this);
        }
    }

    /** Progress of a wheel install, one line for the user. */
    record WheelStatus(int requestId, String text) implements WorkerToFrame {
        @Override
        public void accept(Handler handler) {
            handler.wheelStatus(this);
        }
    }

    /** A wheel install ended; {@code error} is null when it worked. */
    record WheelDone(int requestId, String error) implements WorkerToFrame {
        @Override
        public void accept(Handler handler) {
            handler.wheelDone(this);
        }
    }
}

package org.jodide.core.protocol;

/**
 * Messages the eval frame sends to its Python worker (see {@code WorkerPythonRuntime} in
 * browser-ui). Wire form: {@link WorkerCodec}. A {@link Handler} must handle every message: adding
 * one fails to compile until every receiver handles it.
 */
public sealed interface FrameToWorker {
    void accept(Handler handler);

    /** Receives each kind of message. */
    interface Handler {
        void start(Start message);

        void run(Run message);

        void dropQueued(DropQueued message);

        void complete(Complete message);

        void inspect(Inspect message);

        void listVariables(ListVariables message);

        void installWheel(InstallWheel message);

        void putDataFile(PutDataFile message);

        void removeDataFile(RemoveDataFile message);

        void listHome(ListHome message);

        void readHome(ReadHome message);
    }

    /**
     * Load Pyodide (the first message). The interrupt and input buffers (SharedArrayBuffers) travel
     * beside this message, not in it.
     *
     * @param siteUrl          the site's absolute URL, ending with '/': the worker is a blob: script,
     *                         so relative URLs would not resolve
     * @param packageIndexUrl  the configured package index, or null for the official one
     * @param packageTimeoutMs how long a package load may take, in milliseconds
     * @param loadTimeoutMs    how long loading Python itself may take in all, in milliseconds
     */
    record Start(String siteUrl, String packageIndexUrl, int packageTimeoutMs, int loadTimeoutMs) implements FrameToWorker {
        @Override
        public void accept(Handler handler) {
            handler.start(this);
        }
    }

    /**
     * Run one chunk's code in {@code __main__}, after the runs sent before it: the frame sends runs
     * ahead, and the worker queues them. When a run of a failure group fails, the runs of that group
     * still queued are answered {@link WorkerToFrame.Skipped} instead of running.
     *
     * @param firstLine    0-based notebook line of the code's first line
     * @param failureGroup the Run All it belongs to, or 0 for none
     */
    record Run(int runId, String code, String sourceName, int firstLine, int failureGroup) implements FrameToWorker {
        @Override
        public void accept(Handler handler) {
            handler.run(this);
        }
    }

    /** Skip the queued runs (each answered {@link WorkerToFrame.Skipped}); the one running goes on. */
    record DropQueued() implements FrameToWorker {
        @Override
        public void accept(Handler handler) {
            handler.dropQueued(this);
        }
    }

    /** Help on the name at the cursor between {@code before} and {@code after}; answered by {@link WorkerToFrame.Inspection}. */
    record Inspect(int requestId, String before, String after) implements FrameToWorker {
        @Override
        public void accept(Handler handler) {
            handler.inspect(this);
        }
    }

    /** Names completing {@code token}; answered by {@link WorkerToFrame.Completions}. */
    record Complete(int requestId, String token) implements FrameToWorker {
        @Override
        public void accept(Handler handler) {
            handler.complete(this);
        }
    }

    /** The user's variables; answered by {@link WorkerToFrame.Variables}. */
    record ListVariables(int requestId) implements FrameToWorker {
        @Override
        public void accept(Handler handler) {
            handler.listVariables(this);
        }
    }

    /** Install a pure-Python wheel (a fetch chunk's wheel line); answered by {@link WorkerToFrame.WheelDone}. */
    record InstallWheel(int requestId, String url) implements FrameToWorker {
        @Override
        public void accept(Handler handler) {
            handler.installWheel(this);
        }
    }

    /**
     * Writes a data file into Python's home folder (as {@link EditorToFrame.PutDataFile}); its bytes come
     * just before it, in a message of their own under its name (static/src/main/js/page/message-bytes.js).
     */
    record PutDataFile(String name, String lastUpdated) implements FrameToWorker {
        public PutDataFile {
            DataFileNames.check(name);
            DataFileTimes.check(lastUpdated);
        }

        @Override
        public void accept(Handler handler) {
            handler.putDataFile(this);
        }
    }

    /** Lists Python's home folder; answered by {@link WorkerToFrame.HomeListed}. */
    record ListHome(int requestId) implements FrameToWorker {
        @Override
        public void accept(Handler handler) {
            handler.listHome(this);
        }
    }

    /** Reads a file of Python's home folder; answered by {@link WorkerToFrame.HomeRead}. */
    record ReadHome(int requestId, String name) implements FrameToWorker {
        public ReadHome {
            DataFileNames.check(name);
        }

        @Override
        public void accept(Handler handler) {
            handler.readHome(this);
        }
    }

    /** Deletes a data file from Python's home folder. */
    record RemoveDataFile(String name) implements FrameToWorker {
        public RemoveDataFile {
            DataFileNames.check(name);
        }

        @Override
        public void accept(Handler handler) {
            handler.removeDataFile(this);
        }
    }
}

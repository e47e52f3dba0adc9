package org.jodide.core.run;

import org.jodide.core.kernel.ExecutionListener;
import org.jodide.core.kernel.OutputStream;
import org.jodide.core.kernel.SerialQueue;
import org.jodide.iomd.Chunk;
import org.jodide.iomd.Notebook;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The notebook's one run queue: chunks of every language run one at a time, in the order they
 * were asked for. Run All and run above/below are batches that stop at the first error and say
 * which chunk failed. Tracks each chunk's {@link ChunkState}, including STALE when a chunk's
 * text changes after it ran (its output is kept, never deleted).
 *
 * <p>Code chunks go to the kernel without waiting for the ones before them
 * ({@link ChunkExecutor#pipelines}): the kernel queues and runs them in order, and skips the rest of
 * a batch after a failure. Anything else (markdown, CSS, fetch, plugin chunks, console input) starts
 * only once every chunk sent before it has finished, so each still sees what came before it.
 */
public final class NotebookRunner {
    private final ChunkExecutor executor;
    private final RunObserver observer;
    private final SerialQueue queue = new SerialQueue();
    private final Map<String, ChunkState> states = new HashMap<>();
    /** The content each chunk had when it last ran, to tell when it goes stale. */
    private final Map<String, String> ranContent = new HashMap<>();
    /** The result (DONE or ERROR) of each chunk's last run, restored when an edit is undone. */
    private final Map<String, ChunkState> lastResult = new HashMap<>();
    /** Bumped by {@link #cancelQueued}: tasks queued under an older generation are dropped. */
    private int generation;
    /** Chunks handed to the kernel's own queue ({@link ChunkExecutor#pipelines}) and not settled, in order: the first runs. */
    private final Deque<ChunkRun> sent = new ArrayDeque<>();
    /** The queue's current task when it waits for {@link #sent} to settle before it starts; null when none waits. */
    private Runnable waitingForSent;
    private int nextFailureGroup = 1;

    public NotebookRunner(ChunkExecutor executor, RunObserver observer) {
        this.executor = executor;
        this.observer = observer;
    }

    public ChunkState state(String chunkId) {
        return states.getOrDefault(chunkId, ChunkState.IDLE);
    }

    /** Queues one chunk (run chunk, run and advance). */
    public void run(Chunk chunk) {
        enqueue(List.of(chunk), false);
    }

    /** Queues every chunk not marked {@code skipRunAll}; stops at the first error. */
    public void runAll(Notebook notebook) {
        enqueue(runnable(notebook, notebook.chunks()), true);
    }

    /** Queues the chunks before {@code chunk} (not itself); stops at the first error. */
    public void runAbove(Notebook notebook, Chunk chunk) {
        List<Chunk> chunks = notebook.chunks();
        enqueue(runnable(notebook, chunks.subList(0, Math.max(0, chunks.indexOf(chunk)))), true);
    }

    /** Queues the chunks before {@code chunk}, then {@code chunk} itself ("run all cells above" of embedded cells); stops at the first error. */
    public void runThrough(Notebook notebook, Chunk chunk) {
        List<Chunk> chunks = notebook.chunks();
        enqueue(runnable(notebook, chunks.subList(0, chunks.indexOf(chunk) + 1)), true);
    }

    /** Queues {@code chunk} and the chunks after it; stops at the first error. */
    public void runBelow(Notebook notebook, Chunk chunk) {
        List<Chunk> chunks = notebook.chunks();
        int index = chunks.indexOf(chunk);
        enqueue(runnable(notebook, chunks.subList(Math.max(0, index), chunks.size())), true);
    }

    /**
     * The text changed: chunks whose content differs from what they last ran become STALE,
     * and come back to their result state if the edit is undone.
     */
    public void textChanged(Notebook notebook) {
        for (Chunk chunk : notebook.chunks()) {
            String ran = ranContent.get(chunk.id());
            ChunkState state = state(chunk.id());
            if (ran == null || state == ChunkState.QUEUED || state == ChunkState.RUNNING) {
                continue;
            }
            boolean changed = !ran.equals(chunk.content());
            if (changed && state != ChunkState.STALE) {
                setState(chunk.id(), ChunkState.STALE);
            } else if (!changed && state == ChunkState.STALE) {
                setState(chunk.id(), lastResult.getOrDefault(chunk.id(), ChunkState.DONE));
            }
        }
    }

    /**
     * Queues work that is not a chunk (a console input) in the same queue, so it runs after
     * what was asked for before it. Dropped by {@link #cancelQueued} like chunks.
     */
    public void runTask(SerialQueue.Task task) {
        int queuedIn = generation;
        queue.submit(done -> afterSentChunks(() -> {
            if (queuedIn != generation) {
                done.run();
            } else {
                task.start(done);
            }
        }));
    }

    /**
     * Drops everything queued (Stop, the kernel restarted, another notebook opened); chunks that were
     * waiting go back to their previous state. Chunks already in the kernel's queue are dropped there
     * too ({@link ChunkExecutor#dropQueued}); the one running goes on (Stop interrupts it).
     */
    public void cancelQueued() {
        generation++;
        if (!sent.isEmpty()) {
            executor.dropQueued();
        }
    }

    private List<Chunk> runnable(Notebook notebook, List<Chunk> chunks) {
        List<Chunk> selected = new ArrayList<>();
        for (Chunk chunk : chunks) {
            // spec: skipRunAll keeps a chunk out of Run All; preamble, raw and unknown chunks never run.
            if (!chunk.skipRunAll() && executor.runs(notebook, chunk)) {
                selected.add(chunk);
            }
        }
        return selected;
    }

    private void enqueue(List<Chunk> chunks, boolean stopOnError) {
        Batch batch = new Batch(stopOnError, generation, stopOnError ? nextFailureGroup++ : 0, chunks.size());
        for (Chunk chunk : chunks) {
            ChunkState before = state(chunk.id());
            setState(chunk.id(), ChunkState.QUEUED);
            queue.submit(done -> {
                if (executor.pipelines(chunk)) {
                    send(chunk, before, batch, done);
                } else {
                    afterSentChunks(() -> start(chunk, before, batch, done));
                }
            });
        }
    }

    /** Whether a chunk of {@code batch} must not run any more (an earlier one failed, or the queue was cancelled). */
    private boolean dropped(Batch batch) {
        return batch.cancelled || batch.generation != generation;
    }

    /** Leaves a chunk that will not run in its previous state. */
    private void skip(Chunk chunk, ChunkState before, Batch batch) {
        setState(chunk.id(), before);
        batch.skipped++;
        settled(batch);
    }

    /**
     * Hands a chunk to the kernel's own queue and lets the next one go at once: the kernel runs them
     * in order and skips the rest of a failed batch itself ({@link ChunkExecutor#enqueue}).
     */
    private void send(Chunk chunk, ChunkState before, Batch batch, Runnable done) {
        if (dropped(batch)) {
            skip(chunk, before, batch);
            done.run();
            return;
        }
        ChunkRun run = new ChunkRun(chunk, before, batch, this::sentChunkSettled);
        sent.addLast(run);
        if (sent.size() == 1) {
            run.begin();
        }
        executor.enqueue(chunk, batch.failureGroup, run);
        done.run();
    }

    /** Runs {@code next} once every chunk sent to the kernel's queue has finished (at once when none is left). */
    private void afterSentChunks(Runnable next) {
        if (sent.isEmpty()) {
            next.run();
        } else {
            waitingForSent = next;
        }
    }

    /** A sent chunk is settled: the next one runs now in the kernel, or what waited for them all starts. */
    private void sentChunkSettled(ChunkRun settled) {
        sent.remove(settled);
        ChunkRun next = sent.peekFirst();
        if (next != null) {
            // Shown as running now, unless it is sure to be skipped (it shows when its output comes).
            if (!dropped(next.batch)) {
                next.begin();
            }
        } else if (waitingForSent != null) {
            Runnable waiting = waitingForSent;
            waitingForSent = null;
            waiting.run();
        }
    }

    /** Starts a chunk that is not sent ahead (markdown, CSS, fetch, plugin): the queue waits for its end. */
    private void start(Chunk chunk, ChunkState before, Batch batch, Runnable done) {
        if (dropped(batch)) {
            skip(chunk, before, batch);
            done.run();
            return;
        }
        ChunkRun run = new ChunkRun(chunk, before, batch, settledRun -> done.run());
        run.begin();
        executor.execute(chunk, run);
    }

    /** The chunk ran: its state, what it ran (to tell when it goes stale), and a failure stopping its batch. */
    private void recordResult(Chunk chunk, Batch batch, String error) {
        ChunkState result = error == null ? ChunkState.DONE : ChunkState.ERROR;
        ranContent.put(chunk.id(), chunk.content());
        lastResult.put(chunk.id(), result);
        setState(chunk.id(), result);
        if (error != null && batch.stopOnError && !batch.cancelled) {
            batch.cancelled = true;
            batch.failed = chunk;
        }
    }

    /** One more chunk of {@code batch} ran or was skipped; once all have, a failed batch says where it stopped. */
    private void settled(Batch batch) {
        if (--batch.unsettled == 0 && batch.failed != null) {
            observer.batchStopped(batch.failed, batch.skipped);
        }
    }

    /**
     * One chunk's run as the runner follows it: its output goes to the observer's listener (made by
     * {@link #begin}, which shows the chunk as running), its end records the result, then
     * {@code afterSettled} lets what waits for it go on (the queue, or the next sent chunk), and
     * the batch counts it. A chunk run at once begins at once; one sent ahead begins when it becomes
     * the first of {@link #sent}, or when its output comes.
     */
    private final class ChunkRun implements ExecutionListener {
        final Chunk chunk;
        final ChunkState before;
        final Batch batch;
        private final Consumer<ChunkRun> afterSettled;
        private ExecutionListener output;
        private boolean settled;

        ChunkRun(Chunk chunk, ChunkState before, Batch batch, Consumer<ChunkRun> afterSettled) {
            this.chunk = chunk;
            this.before = before;
            this.batch = batch;
            this.afterSettled = afterSettled;
        }

        void begin() {
            if (output == null) {
                setState(chunk.id(), ChunkState.RUNNING);
                output = observer.started(chunk);
            }
        }

        @Override
        public void output(OutputStream stream, String text) {
            if (!settled) {
                begin();
                output.output(stream, text);
            }
        }

        @Override
        public void display(String mimeType, String data) {
            if (!settled) {
                begin();
                output.display(mimeType, data);
            }
        }

        @Override
        public void display(String mimeType, String data, String displayId, boolean update) {
            if (!settled) {
                begin();
                output.display(mimeType, data, displayId, update);
            }
        }

        @Override
        public void clearOutput() {
            if (!settled) {
                begin();
                output.clearOutput();
            }
        }

        @Override
        public void inputRequested(String prompt, boolean password, Consumer<String> answer) {
            if (settled) {
                answer.accept(null);
            } else {
                begin();
                output.inputRequested(prompt, password, answer);
            }
        }

        @Override
        public void timed(double milliseconds) {
            if (!settled) {
                begin();
                output.timed(milliseconds);
            }
        }

        @Override
        public void finished(String value, String error) {
            if (settled) {
                return;
            }
            settled = true;
            begin();
            output.finished(value, error);
            recordResult(chunk, batch, error);
            afterSettled.accept(this);
            settled(batch);
        }

        @Override
        public void skipped() {
            if (settled) {
                return;
            }
            settled = true;
            skip(chunk, before, batch);
            afterSettled.accept(this);
        }
    }

    private void setState(String chunkId, ChunkState state) {
        if (states.put(chunkId, state) != state) {
            observer.stateChanged(chunkId, state);
        }
    }

    /** Chunks queued together; a failure in a stop-on-error batch cancels the rest of it. */
    private static final class Batch {
        final boolean stopOnError;
        final int generation;
        /** The kernel's failure group of the batch's sent chunks: 0 when it does not stop on error. */
        final int failureGroup;
        /** Chunks of the batch that have neither run nor been skipped yet. */
        int unsettled;
        boolean cancelled;
        Chunk failed;
        int skipped;

        Batch(boolean stopOnError, int generation, int failureGroup, int size) {
            this.stopOnError = stopOnError;
            this.generation = generation;
            this.failureGroup = failureGroup;
            this.unsettled = size;
        }
    }
}

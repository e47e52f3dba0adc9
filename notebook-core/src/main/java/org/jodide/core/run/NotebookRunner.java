package org.jodide.core.run;

import org.jodide.core.kernel.ExecutionListener;
import org.jodide.core.kernel.OutputStream;
import org.jodide.core.kernel.SerialQueue;
import org.jodide.iomd.Chunk;
import org.jodide.iomd.Notebook;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The notebook's one run queue: chunks of every language run one at a time, in the order they
 * were asked for. Run All and run above/below are batches that stop at the first error and say
 * which chunk failed. Tracks each chunk's {@link ChunkState}, including STALE when a chunk's
 * text changes after it ran (its output is kept, never deleted).
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
        queue.submit(done -> {
            if (queuedIn != generation) {
                done.run();
            } else {
                task.start(done);
            }
        });
    }

    /** Drops everything queued (the kernel restarted); chunks that were waiting go back to their previous state. */
    public void cancelQueued() {
        generation++;
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
        Batch batch = new Batch(stopOnError, generation);
        for (Chunk chunk : chunks) {
            ChunkState before = state(chunk.id());
            setState(chunk.id(), ChunkState.QUEUED);
            queue.submit(done -> start(chunk, before, batch, done));
        }
    }

    private void start(Chunk chunk, ChunkState before, Batch batch, Runnable done) {
        if (batch.cancelled || batch.generation != generation) {
            setState(chunk.id(), before);
            batch.skipped++;
            done.run();
            return;
        }
        setState(chunk.id(), ChunkState.RUNNING);
        ExecutionListener output = observer.started(chunk);
        executor.execute(chunk, new ExecutionListener() {
            private boolean finished;

            @Override
            public void output(OutputStream stream, String text) {
                if (!finished) {
                    output.output(stream, text);
                }
            }

            @Override
            public void display(String mimeType, String data) {
                if (!finished) {
                    output.display(mimeType, data);
                }
            }

            @Override
            public void inputRequested(String prompt, boolean password, java.util.function.Consumer<String> answer) {
                if (finished) {
                    answer.accept(null);
                } else {
                    output.inputRequested(prompt, password, answer);
                }
            }

            @Override
            public void finished(String value, String error) {
                if (finished) {
                    return;
                }
                finished = true;
                output.finished(value, error);
                ChunkState result = error == null ? ChunkState.DONE : ChunkState.ERROR;
                ranContent.put(chunk.id(), chunk.content());
                lastResult.put(chunk.id(), result);
                setState(chunk.id(), result);
                if (error != null && batch.stopOnError && !batch.cancelled) {
                    batch.cancelled = true;
                    batch.failed = chunk;
                }
                done.run();
                if (batch.failed == chunk) {
                    observer.batchStopped(chunk, batch.skipped);
                }
            }
        });
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
        boolean cancelled;
        Chunk failed;
        int skipped;

        Batch(boolean stopOnError, int generation) {
            this.stopOnError = stopOnError;
            this.generation = generation;
        }
    }
}

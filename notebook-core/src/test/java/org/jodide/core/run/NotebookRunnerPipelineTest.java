package org.jodide.core.run;

import org.jodide.core.kernel.ExecutionListener;
import org.jodide.iomd.Chunk;
import org.jodide.iomd.ChunkType;
import org.jodide.iomd.IomdParser;
import org.jodide.iomd.Notebook;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The run queue with a kernel that queues code chunks itself ({@link ChunkExecutor#pipelines}), as
 * the eval frame does: code chunks are sent at once, the kernel runs them in order and skips the
 * rest of a failed batch; everything else waits for the code sent before it.
 */
class NotebookRunnerPipelineTest {
    private final IomdParser parser = IomdParser.create();

    /** A kernel queue like the frame's RunRouter: in order, failure groups, DropQueued. Markdown runs at once. */
    private static final class KernelQueue implements ChunkExecutor, RunObserver {
        record Sent(Chunk chunk, int group, ExecutionListener listener) {
        }

        final List<Sent> queue = new ArrayList<>();
        final Set<Integer> failedGroups = new HashSet<>();
        final List<String> log = new ArrayList<>();
        final List<String> consoleEntries = new ArrayList<>();
        Chunk stoppedAt;
        int skippedCount = -1;
        int sentCount;

        @Override
        public boolean pipelines(Chunk chunk) {
            return chunk.type() == ChunkType.PY || chunk.type() == ChunkType.JS;
        }

        @Override
        public void enqueue(Chunk chunk, int failureGroup, ExecutionListener listener) {
            sentCount++;
            queue.add(new Sent(chunk, failureGroup, listener));
        }

        @Override
        public void execute(Chunk chunk, ExecutionListener listener) {
            log.add("md " + chunk.content().trim());
            listener.finished(null, null);
        }

        @Override
        public void dropQueued() {
            while (queue.size() > 1) {
                queue.remove(1).listener().skipped();
            }
        }

        /** The running chunk ends; the kernel then skips what waits of a failed group. */
        void finishRunning(String error) {
            Sent running = queue.remove(0);
            log.add("ran " + running.chunk().content().trim());
            if (error != null && running.group() != 0) {
                failedGroups.add(running.group());
            }
            running.listener().finished(error == null ? "ok" : null, error);
            while (!queue.isEmpty() && failedGroups.contains(queue.get(0).group())) {
                queue.remove(0).listener().skipped();
            }
        }

        @Override
        public void stateChanged(String chunkId, ChunkState state) {
        }

        @Override
        public ExecutionListener started(Chunk chunk) {
            consoleEntries.add(chunk.content().trim());
            return ExecutionListener.onlyFinished((value, error) -> {
            });
        }

        @Override
        public void batchStopped(Chunk failed, int skipped) {
            stoppedAt = failed;
            skippedCount = skipped;
        }
    }

    private final KernelQueue kernel = new KernelQueue();
    private final NotebookRunner runner = new NotebookRunner(kernel, kernel);

    private ChunkState state(Notebook notebook, int index) {
        return runner.state(notebook.chunks().get(index).id());
    }

    @Test
    void runAllSendsEveryCodeChunkAtOnceAndShowsTheFirstAsRunning() {
        Notebook notebook = parser.parse("%% py\na\n%% js\nb\n%% py\nc\n");
        runner.runAll(notebook);
        assertEquals(3, kernel.sentCount, "all three sent without waiting");
        assertEquals(ChunkState.RUNNING, state(notebook, 0));
        assertEquals(ChunkState.QUEUED, state(notebook, 1));
        assertEquals(List.of("a"), kernel.consoleEntries, "only the running chunk has a console entry");

        kernel.finishRunning(null);
        assertEquals(ChunkState.DONE, state(notebook, 0));
        assertEquals(ChunkState.RUNNING, state(notebook, 1));
        kernel.finishRunning(null);
        kernel.finishRunning(null);
        assertEquals(List.of("a", "b", "c"), kernel.consoleEntries);
        for (int i = 0; i < 3; i++) {
            assertEquals(ChunkState.DONE, state(notebook, i));
        }
    }

    @Test
    void aFailureMakesTheKernelSkipTheRestOfTheBatchAndTheRunSaysWhereItStopped() {
        Notebook notebook = parser.parse("%% py\na\n%% py\nbad\n%% py\nc\n%% js\nd\n");
        runner.runAll(notebook);
        kernel.finishRunning(null);
        kernel.finishRunning("Traceback: boom");
        assertTrue(kernel.queue.isEmpty());
        assertEquals(List.of("a", "bad"), kernel.consoleEntries, "skipped chunks get no console entry");
        assertEquals("bad", kernel.stoppedAt.content().trim());
        assertEquals(2, kernel.skippedCount);
        assertEquals(ChunkState.ERROR, state(notebook, 1));
        assertEquals(ChunkState.IDLE, state(notebook, 2), "skipped chunks go back to their state");
        assertEquals(ChunkState.IDLE, state(notebook, 3));
    }

    @Test
    void markdownWaitsForTheCodeBeforeItAndTheCodeAfterItWaitsForTheMarkdown() {
        Notebook notebook = parser.parse("%% py\na\n%% md\nm\n%% py\nb\n");
        runner.runAll(notebook);
        assertEquals(1, kernel.sentCount);
        assertEquals(List.of(), kernel.log);
        kernel.finishRunning(null);
        assertEquals(List.of("ran a", "md m"), kernel.log);
        assertEquals(2, kernel.sentCount);
        kernel.finishRunning(null);
        assertEquals(List.of("ran a", "md m", "ran b"), kernel.log);
        assertEquals(ChunkState.DONE, state(notebook, 2));
    }

    @Test
    void markdownAfterAFailedChunkOfTheSameRunDoesNotRun() {
        Notebook notebook = parser.parse("%% py\nbad\n%% py\nc\n%% md\nm\n%% py\nd\n");
        runner.runAll(notebook);
        kernel.finishRunning("boom");
        assertEquals(List.of("ran bad"), kernel.log);
        assertEquals(2, kernel.sentCount, "d is never sent: the markdown before it did not run");
        assertEquals(3, kernel.skippedCount);
        assertEquals(ChunkState.IDLE, state(notebook, 2));
    }

    @Test
    void singleRunsAreSentAheadButAFailureDoesNotSkipTheOthers() {
        Notebook notebook = parser.parse("%% py\nbad\n%% py\ngood\n");
        runner.run(notebook.chunks().get(0));
        runner.run(notebook.chunks().get(1));
        assertEquals(2, kernel.sentCount);
        kernel.finishRunning("boom");
        kernel.finishRunning(null);
        assertEquals(ChunkState.DONE, state(notebook, 1));
        assertNull(kernel.stoppedAt);
    }

    @Test
    void cancellingDropsTheKernelsQueueAndLetsTheRunningChunkReport() {
        Notebook notebook = parser.parse("%% py\na\n%% py\nb\n%% py\nc\n");
        runner.runAll(notebook);
        runner.cancelQueued();
        assertEquals(1, kernel.queue.size(), "the kernel keeps only the running chunk");
        assertEquals(ChunkState.IDLE, state(notebook, 1));
        kernel.finishRunning("KeyboardInterrupt");
        assertEquals(ChunkState.ERROR, state(notebook, 0));
        assertEquals(List.of("a"), kernel.consoleEntries);

        // The queue works on afterwards.
        runner.run(notebook.chunks().get(2));
        assertEquals(ChunkState.RUNNING, state(notebook, 2));
        kernel.finishRunning(null);
        assertEquals(ChunkState.DONE, state(notebook, 2));
    }

    @Test
    void aConsoleInputWaitsForTheChunksSentBeforeIt() {
        Notebook notebook = parser.parse("%% py\na\n%% py\nb\n");
        runner.runAll(notebook);
        List<String> ran = new ArrayList<>();
        runner.runTask(done -> {
            ran.add("console");
            done.run();
        });
        assertEquals(List.of(), ran);
        kernel.finishRunning(null);
        assertEquals(List.of(), ran);
        kernel.finishRunning(null);
        assertEquals(List.of("console"), ran);
    }

    @Test
    void thousandsOfCodeChunksAreSentAtOnceAndSettleWithABoundedStack() {
        StringBuilder text = new StringBuilder();
        int chunks = 5_000;
        for (int i = 0; i < chunks; i++) {
            text.append("%% py\nx").append(i).append(" = ").append(i).append('\n');
        }
        Notebook notebook = parser.parse(text.toString());
        runner.runAll(notebook);
        assertEquals(chunks, kernel.sentCount);
        while (!kernel.queue.isEmpty()) {
            kernel.finishRunning(null);
        }
        assertEquals(ChunkState.DONE, state(notebook, chunks - 1));
        assertEquals(chunks, kernel.consoleEntries.size());
    }
}

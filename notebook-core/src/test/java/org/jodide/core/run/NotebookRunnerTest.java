package org.jodide.core.run;

import org.jodide.core.kernel.ExecutionListener;
import org.jodide.core.kernel.OutputStream;
import org.jodide.iomd.Chunk;
import org.jodide.iomd.IomdParser;
import org.jodide.iomd.Notebook;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class NotebookRunnerTest {
    private final IomdParser parser = IomdParser.create();

    /** Records what runs and lets the test finish each run when it wants, like a real asynchronous kernel. */
    private static final class Recorder implements ChunkExecutor, RunObserver {
        final List<Chunk> started = new ArrayList<>();
        final List<ExecutionListener> pending = new ArrayList<>();
        final List<String> transitions = new ArrayList<>();
        final List<String> outputs = new ArrayList<>();
        Chunk stoppedAt;
        int skipped = -1;

        @Override
        public void execute(Chunk chunk, ExecutionListener listener) {
            pending.add(listener);
        }

        @Override
        public void stateChanged(String chunkId, ChunkState state) {
            transitions.add(chunkId + ":" + state);
        }

        @Override
        public ExecutionListener started(Chunk chunk) {
            started.add(chunk);
            return new ExecutionListener() {
                @Override
                public void output(OutputStream stream, String text) {
                    outputs.add(text);
                }

                @Override
                public void display(String mimeType, String data) {
                    outputs.add(mimeType + ":" + data);
                }

                @Override
                public void finished(String value, String error) {
                    outputs.add(error != null ? "error:" + error : "value:" + value);
                }
            };
        }

        @Override
        public void batchStopped(Chunk failed, int skippedCount) {
            stoppedAt = failed;
            skipped = skippedCount;
        }

        void succeedNext() {
            pending.remove(0).finished("ok", null);
        }

        void failNext() {
            pending.remove(0).finished(null, "boom");
        }
    }

    private final Recorder recorder = new Recorder();
    private final NotebookRunner runner = new NotebookRunner(recorder, recorder);

    @Test
    void chunksRunOneAtATimeInOrderAcrossLanguages() {
        Notebook notebook = parser.parse("%% py\na\n%% js\nb\n%% py\nc\n");
        runner.runAll(notebook);
        assertEquals(1, recorder.started.size());
        assertEquals(ChunkState.RUNNING, runner.state(notebook.chunks().get(0).id()));
        assertEquals(ChunkState.QUEUED, runner.state(notebook.chunks().get(2).id()));
        recorder.succeedNext();
        recorder.succeedNext();
        recorder.succeedNext();
        assertEquals(List.of("a\n", "b\n", "c\n"), recorder.started.stream().map(Chunk::content).toList());
        for (Chunk chunk : notebook.chunks()) {
            assertEquals(ChunkState.DONE, runner.state(chunk.id()));
        }
    }

    @Test
    void runAllSkipsChunksMarkedSkipRunAllAndInertChunks() {
        Notebook notebook = parser.parse("preamble\n%% py skipRunAll\nslow\n%% raw\nx\n%% unknowntype\ny\n%% js\nfast\n");
        runner.runAll(notebook);
        recorder.succeedNext();
        assertEquals(List.of("fast\n"), recorder.started.stream().map(Chunk::content).toList());
    }

    @Test
    void runAllStopsAtTheFirstErrorAndSaysWhichChunkFailed() {
        Notebook notebook = parser.parse("%% py\na\n%% py\nbad\n%% py\nc\n%% js\nd\n");
        runner.runAll(notebook);
        recorder.succeedNext();
        recorder.failNext();
        assertEquals(2, recorder.started.size());
        assertEquals("bad\n", recorder.stoppedAt.content());
        assertEquals(2, recorder.skipped);
        assertEquals(ChunkState.ERROR, runner.state(notebook.chunks().get(1).id()));
        assertEquals(ChunkState.IDLE, runner.state(notebook.chunks().get(2).id()), "skipped chunks go back to their state");
        assertEquals(ChunkState.IDLE, runner.state(notebook.chunks().get(3).id()));
    }

    @Test
    void aSingleRunThatFailsDoesNotCancelLaterSingleRuns() {
        Notebook notebook = parser.parse("%% py\nbad\n%% py\ngood\n");
        runner.run(notebook.chunks().get(0));
        runner.run(notebook.chunks().get(1));
        recorder.failNext();
        recorder.succeedNext();
        assertEquals(2, recorder.started.size());
        assertNull(recorder.stoppedAt);
    }

    @Test
    void runAboveAndRunBelowTakeTheRightChunks() {
        Notebook notebook = parser.parse("%% py\na\n%% py\nb\n%% py\nc\n");
        Chunk middle = notebook.chunks().get(1);
        runner.runAbove(notebook, middle);
        recorder.succeedNext();
        runner.runBelow(notebook, middle);
        recorder.succeedNext();
        recorder.succeedNext();
        assertEquals(List.of("a\n", "b\n", "c\n"), recorder.started.stream().map(Chunk::content).toList());
    }

    @Test
    void runThroughRunsTheChunksAboveThenTheChunkItselfAndStopsAtTheFirstError() {
        Notebook notebook = parser.parse("%% py\na\n%% py\nb\n%% py\nc\n");
        runner.runThrough(notebook, notebook.chunks().get(1));
        recorder.succeedNext();
        recorder.succeedNext();
        assertEquals(List.of("a\n", "b\n"), recorder.started.stream().map(Chunk::content).toList());

        runner.runThrough(notebook, notebook.chunks().get(2));
        recorder.failNext();
        assertEquals(3, recorder.started.size(), "after a failure the rest of the batch does not start");
        assertEquals(notebook.chunks().get(0), recorder.stoppedAt);
    }

    @Test
    void editingARunChunkMarksItStaleAndUndoingTheEditRestoresItsState() {
        String text = "%% py\na = 1\n%% py\nb = 2\n";
        Notebook notebook = parser.parse(text);
        runner.runAll(notebook);
        recorder.succeedNext();
        recorder.failNext();
        String firstId = notebook.chunks().get(0).id();
        String secondId = notebook.chunks().get(1).id();

        Notebook edited = parser.reparse(notebook, new org.jodide.iomd.Edit(text.indexOf("1"), 1, "10"));
        assertEquals(firstId, edited.chunks().get(0).id(), "ids survive edits");
        runner.textChanged(edited);
        assertEquals(ChunkState.STALE, runner.state(firstId));
        assertEquals(ChunkState.ERROR, runner.state(secondId), "other chunks keep their state");

        Notebook undone = parser.reparse(edited, new org.jodide.iomd.Edit(text.indexOf("1"), 2, "1"));
        runner.textChanged(undone);
        assertEquals(ChunkState.DONE, runner.state(firstId));
    }

    @Test
    void cancellingDropsQueuedChunksButLetsTheRunningOneReport() {
        Notebook notebook = parser.parse("%% py\na\n%% py\nb\n");
        runner.runAll(notebook);
        runner.cancelQueued();
        recorder.failNext();
        assertEquals(1, recorder.started.size());
        assertEquals(ChunkState.ERROR, runner.state(notebook.chunks().get(0).id()));
        assertEquals(ChunkState.IDLE, runner.state(notebook.chunks().get(1).id()));
        assertEquals(List.of("error:boom"), recorder.outputs);
    }

    /** Issue 9: Run All of one py chunk and 2,000 md chunks overflowed the stack, and nothing ran afterwards. */
    @Test
    void runAllOfManyChunksThatFinishAtOnceBehindAnAsynchronousOneRunsThemAllWithABoundedStack() {
        StringBuilder text = new StringBuilder("%% py\nslow()\n");
        int markdownChunks = 10_000;
        for (int i = 0; i < markdownChunks; i++) {
            text.append("%% md\nmd ").append(i).append('\n');
        }
        Notebook notebook = parser.parse(text.toString());
        List<ExecutionListener> python = new ArrayList<>();
        List<String> ran = new ArrayList<>();
        int[] depth = {Integer.MAX_VALUE, 0};
        NotebookRunner markdownAtOnce = new NotebookRunner((chunk, listener) -> {
            if (chunk.type() == org.jodide.iomd.ChunkType.PY) {
                python.add(listener);
                return;
            }
            ran.add(chunk.content().trim());
            int frames = Thread.currentThread().getStackTrace().length;
            depth[0] = Math.min(depth[0], frames);
            depth[1] = Math.max(depth[1], frames);
            listener.finished(null, null);
        }, recorder);
        markdownAtOnce.runAll(notebook);
        assertEquals(1, python.size());

        python.remove(0).finished(null, null);

        assertEquals(markdownChunks, ran.size());
        assertEquals("md 0", ran.get(0));
        assertEquals("md " + (markdownChunks - 1), ran.get(markdownChunks - 1));
        assertEquals(true, depth[1] - depth[0] <= 2, "stack depth grew from " + depth[0] + " to " + depth[1]);
        Chunk last = notebook.chunks().get(notebook.chunks().size() - 1);
        assertEquals(ChunkState.DONE, markdownAtOnce.state(last.id()));

        // And the queue still runs what comes next.
        markdownAtOnce.run(notebook.chunks().get(0));
        assertEquals(1, python.size());
    }
}

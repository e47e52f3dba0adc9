package org.jodide.core.kernel;

import org.jodide.core.Language;
import org.jodide.core.protocol.FrameToEditor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RoutedKernelTest {
    /** A kernel that takes runs and ends them when the test says; it records what it was asked. */
    private static final class ScriptedKernel implements Kernel {
        final String name;
        final List<String> log;
        final List<ExecuteRequest> running = new ArrayList<>();
        final List<ExecutionListener> listeners = new ArrayList<>();
        KernelState state = KernelState.IDLE;
        boolean keepsState = true;
        StateListener stateListener = (state, detail) -> { };
        Consumer<List<FrameToEditor.Variable>> workspace = variables -> { };
        /** What it was told of the workspace pane, in order. */
        final List<Boolean> workspaceOnScreen = new ArrayList<>();
        /** What it was told of where Python runs, in order ("here" for null). */
        final List<String> pythonRunsIn = new ArrayList<>();

        ScriptedKernel(String name, List<String> log) {
            this.name = name;
            this.log = log;
        }

        void finish(String code, String error) {
            int index = indexOf(code);
            running.remove(index);
            listeners.remove(index).finished(error == null ? "ok" : null, error);
        }

        private int indexOf(String code) {
            for (int i = 0; i < running.size(); i++) {
                if (running.get(i).code().equals(code)) {
                    return i;
                }
            }
            throw new AssertionError(name + " is not running " + code + ": " + running);
        }

        @Override
        public void execute(ExecuteRequest request, ExecutionListener listener) {
            log.add(name + ":" + request.code());
            running.add(request);
            listeners.add(listener);
        }

        @Override
        public void dropQueued() {
            log.add(name + ":drop");
        }

        @Override
        public void restart() {
            log.add(name + ":restart");
        }

        @Override
        public void restart(String stoppedBecause) {
            log.add(name + ":restart(" + stoppedBecause + ")");
        }

        @Override
        public KernelState state() {
            return state;
        }

        @Override
        public boolean isRunning() {
            return !running.isEmpty();
        }

        @Override
        public boolean stopKeepsState() {
            return keepsState;
        }

        @Override
        public String stopNote() {
            return keepsState ? "" : name + " restarts";
        }

        @Override
        public void interrupt(int watchdogMs, Runnable restarted) {
            log.add(name + ":interrupt");
        }

        @Override
        public void onStateChange(StateListener listener) {
            stateListener = listener;
        }

        @Override
        public void complete(Language language, String token, int timeoutMs, Consumer<List<String>> names) {
            names.accept(List.of(name + ":" + token));
        }

        @Override
        public void inspect(Language language, String before, String after, int timeoutMs, Consumer<String> text) {
            text.accept(name + ":" + before + "|" + after);
        }

        @Override
        public void workspaceOnScreen(boolean onScreen) {
            workspaceOnScreen.add(onScreen);
        }

        @Override
        public void pythonRunsIn(Kernel python) {
            pythonRunsIn.add(python == null ? "here" : ((ScriptedKernel) python).name);
        }

        @Override
        public void onWorkspace(Consumer<List<FrameToEditor.Variable>> listener) {
            workspace = listener;
        }

        @Override
        public void onLoadProgress(LoadProgressListener listener) {
        }
    }

    /** What a run heard, in order. */
    private static final class Heard implements ExecutionListener {
        final List<String> events;
        final String code;

        Heard(List<String> events, String code) {
            this.events = events;
            this.code = code;
        }

        @Override
        public void output(OutputStream stream, String text) {
        }

        @Override
        public void display(String mimeType, String data) {
        }

        @Override
        public void finished(String value, String error) {
            events.add(code + (error == null ? " finished" : " failed"));
        }

        @Override
        public void skipped() {
            events.add(code + " skipped");
        }
    }

    private final List<String> sent = new ArrayList<>();
    private final List<String> heard = new ArrayList<>();
    private final ScriptedKernel frame = new ScriptedKernel("frame", sent);
    private final ScriptedKernel server = new ScriptedKernel("server", sent);
    /** What the report was asked to show: the chunk ids of the remote runs, as they were sent. */
    private final List<String> reported = new ArrayList<>();
    private final RoutedKernel kernel = new RoutedKernel(frame, (request, listener) -> {
        reported.add(request.chunkId());
        return listener;
    });

    private void run(Language language, String code, int failureGroup) {
        kernel.execute(new ExecuteRequest(language, "chunk-" + code, code, 0, 0, false, failureGroup), new Heard(heard, code));
    }

    @Test
    void withoutAnotherPythonEverythingGoesToTheLocalKernelAtOnce() {
        run(Language.PYTHON, "p1", 0);
        run(Language.JAVASCRIPT, "j1", 0);
        run(Language.PYTHON, "p2", 0);
        assertEquals(List.of("frame:p1", "frame:j1", "frame:p2"), sent, "the local kernel queues them itself");
        assertFalse(kernel.pythonIsRemote());
    }

    @Test
    void pythonGoesToTheChosenKernelAndARunForTheOtherKernelWaitsForEveryRunBeforeIt() {
        kernel.usePython(server);
        assertTrue(kernel.pythonIsRemote());
        run(Language.PYTHON, "p1", 0);
        run(Language.PYTHON, "p2", 0);
        run(Language.JAVASCRIPT, "j1", 0);
        run(Language.PYTHON, "p3", 0);
        assertEquals(List.of("server:p1", "server:p2"), sent, "consecutive runs of one kernel go on at once; j1 waits");

        server.finish("p1", null);
        assertEquals(List.of("server:p1", "server:p2"), sent, "j1 still waits for p2");
        server.finish("p2", null);
        assertEquals(List.of("server:p1", "server:p2", "frame:j1"), sent, "p3 waits for j1");
        frame.finish("j1", null);
        assertEquals(List.of("server:p1", "server:p2", "frame:j1", "server:p3"), sent);
        server.finish("p3", null);
        assertEquals(List.of("p1 finished", "p2 finished", "j1 finished", "p3 finished"), heard);
        assertFalse(kernel.isRunning());
    }

    @Test
    void runsOfTheOtherKernelShowInTheLocalReportWhenTheyAreSentThereAndTheirChunksShowOutput() {
        kernel.usePython(server);
        kernel.execute(new ExecuteRequest(Language.PYTHON, "shown", "p1", 3, 1, true, 0), new Heard(heard, "p1"));
        kernel.execute(new ExecuteRequest(Language.PYTHON, "hidden", "p2", 5, 2, false, 0), new Heard(heard, "p2"));
        kernel.execute(new ExecuteRequest(Language.JAVASCRIPT, "local", "j1", 7, 3, true, 0), new Heard(heard, "j1"));
        kernel.execute(new ExecuteRequest(Language.PYTHON, "later", "p3", 9, 4, true, 0), new Heard(heard, "p3"));
        assertEquals(List.of("shown"), reported, "a hideOutput chunk is not shown; the frame shows its own runs; p3 is not sent yet");
        server.finish("p1", null);
        server.finish("p2", null);
        frame.finish("j1", null);
        assertEquals(List.of("shown", "later"), reported);
    }

    @Test
    void aFailureSkipsTheHeldRunsOfItsGroupButNotOthers() {
        kernel.usePython(server);
        run(Language.PYTHON, "p1", 7);
        run(Language.JAVASCRIPT, "j1", 7);
        run(Language.PYTHON, "p2", 7);
        run(Language.JAVASCRIPT, "other", 0);
        server.finish("p1", "Traceback: NameError");
        assertEquals(List.of("p1 failed", "j1 skipped", "p2 skipped"), heard);
        assertEquals(List.of("server:p1", "frame:other"), sent, "a run of no group still runs");
    }

    @Test
    void stopDropsTheHeldRunsAndEachKernelsQueueAndInterruptsWhatRuns() {
        kernel.usePython(server);
        run(Language.PYTHON, "loop", 0);
        run(Language.JAVASCRIPT, "j1", 0);
        assertTrue(kernel.isRunning());
        assertTrue(kernel.stopKeepsState());
        kernel.dropQueued();
        kernel.interrupt(6000, () -> { });
        assertEquals(List.of("j1 skipped"), heard);
        assertEquals(List.of("server:loop", "frame:drop", "server:drop", "server:interrupt"), sent);

        server.finish("loop", "KeyboardInterrupt");
        run(Language.JAVASCRIPT, "j2", 0);
        assertEquals("frame:j2", sent.get(sent.size() - 1), "nothing left in flight: the next run goes at once");
    }

    @Test
    void stopSaysItRestartsWhenTheRunningKernelCannotInterrupt() {
        kernel.usePython(server);
        frame.keepsState = false;
        run(Language.PYTHON, "p1", 0);
        assertTrue(kernel.stopKeepsState(), "only the server runs, and it interrupts");
        server.finish("p1", null);
        run(Language.JAVASCRIPT, "spin", 0);
        assertFalse(kernel.stopKeepsState());
        assertEquals("frame restarts", kernel.stopNote());
    }

    @Test
    void restartRestartsBothKernelsAndSkipsTheHeldRuns() {
        kernel.usePython(server);
        run(Language.PYTHON, "p1", 0);
        run(Language.JAVASCRIPT, "j1", 0);
        kernel.restart("Stopped");
        assertEquals(List.of("j1 skipped"), heard);
        assertEquals(List.of("server:p1", "frame:restart(Stopped)", "server:restart(Stopped)"), sent);
    }

    @Test
    void completionGoesToTheKernelOfTheLanguage() {
        kernel.usePython(server);
        List<String> names = new ArrayList<>();
        kernel.complete(Language.PYTHON, "os.pa", 500, names::addAll);
        kernel.complete(Language.JAVASCRIPT, "Math.fl", 500, names::addAll);
        assertEquals(List.of("server:os.pa", "frame:Math.fl"), names);
    }

    @Test
    void theStateIsPythonsAndBusyWhileEitherRuns() {
        List<String> states = new ArrayList<>();
        kernel.onStateChange((state, detail) -> states.add(state + " " + detail));
        kernel.usePython(server);
        server.state = KernelState.LOADING;
        server.stateListener.changed(KernelState.LOADING, "Connecting to http://127.0.0.1:8888/");
        assertEquals(KernelState.LOADING, kernel.state());
        server.state = KernelState.IDLE;
        server.stateListener.changed(KernelState.IDLE, "Python 3.11 on http://127.0.0.1:8888/");
        frame.state = KernelState.BUSY;
        frame.stateListener.changed(KernelState.BUSY, "running js");
        assertEquals(KernelState.BUSY, kernel.state(), "a JavaScript run makes the notebook busy");
        assertEquals("BUSY Python 3.11 on http://127.0.0.1:8888/", states.get(states.size() - 1),
                "the detail stays where Python runs");

        kernel.usePython(null);
        frame.state = KernelState.FAILED;
        server.stateListener.changed(KernelState.IDLE, "a kernel no longer used");
        assertEquals(KernelState.FAILED, kernel.state(), "back in the browser, the frame's Python is the state");
        assertFalse(states.get(states.size() - 1).contains("no longer used"), "a kernel no longer used is not heard");
    }

    @Test
    void theWorkspaceShowsTheFramesJavaScriptAndTheServersPython() {
        List<List<FrameToEditor.Variable>> shown = new ArrayList<>();
        kernel.onWorkspace(shown::add);
        FrameToEditor.Variable js = new FrameToEditor.Variable(Language.JAVASCRIPT, "total", "number", "3");
        FrameToEditor.Variable localPy = new FrameToEditor.Variable(Language.PYTHON, "x", "int", "1");
        FrameToEditor.Variable remotePy = new FrameToEditor.Variable(Language.PYTHON, "df", "DataFrame", "...");
        frame.workspace.accept(List.of(js, localPy));
        assertEquals(List.of(js, localPy), shown.get(shown.size() - 1));
        kernel.usePython(server);
        server.workspace.accept(List.of(remotePy));
        assertEquals(List.of(js, remotePy), shown.get(shown.size() - 1), "the browser's Python variables are not the notebook's now");
        kernel.usePython(null);
        assertEquals(List.of(js, localPy), shown.get(shown.size() - 1));
    }

    @Test
    void whetherTheWorkspaceIsOnScreenReachesTheFrameAndThePythonKernelInUseIncludingOneChosenLater() {
        kernel.workspaceOnScreen(true);
        assertEquals(List.of(true), frame.workspaceOnScreen);
        kernel.usePython(server);
        assertEquals(List.of(true), server.workspaceOnScreen, "a kernel chosen later is told at once");
        kernel.workspaceOnScreen(false);
        assertEquals(List.of(true, false), frame.workspaceOnScreen);
        assertEquals(List.of(true, false), server.workspaceOnScreen);
        kernel.usePython(null);
        kernel.workspaceOnScreen(true);
        assertEquals(List.of(true, false, true), frame.workspaceOnScreen);
        assertEquals(List.of(true, false), server.workspaceOnScreen, "a kernel no longer used is not told");
    }

    @Test
    void theFrameIsToldWhenPythonMovesToAServerAndBack() {
        kernel.usePython(server);
        kernel.usePython(server);
        kernel.usePython(null);
        assertEquals(List.of("server", "here"), frame.pythonRunsIn, "told of each move, once, with the kernel Python runs in");
        assertEquals(List.of(), server.pythonRunsIn, "only the browser's kernel needs to know");
    }
}

package org.jodide.core.kernel;

import org.jodide.core.Language;
import org.jodide.core.protocol.FrameToEditor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The notebook's kernel when its Python may run somewhere else than its JavaScript: the eval frame
 * ({@code local}) runs JavaScript, and Python too until {@link #usePython} names another kernel (a
 * Jupyter server's). To the run queue it is one {@link Kernel} with that kernel's contract:
 *
 * <ul>
 *   <li>Runs happen one at a time in the order sent, across both kernels: runs for the kernel that
 *       is busy go straight on to it (it queues them), and a run for the other waits here until
 *       every run sent before it has finished.</li>
 *   <li>A failure group spans both: once a run of a group fails, the runs of that group still held
 *       here are skipped (each kernel skips the ones it has queued itself).</li>
 *   <li>Stop, Restart, completion and the workspace go to whichever kernel they concern; the state
 *       is Python's, busy while either runs.</li>
 * </ul>
 */
public final class RoutedKernel implements Kernel {
    private final Kernel local;
    private final RemoteRunReport report;
    private Kernel python;
    /** The kernel with runs in flight (sent and not finished), or null when none is. */
    private Kernel active;
    private int inFlight;
    /** Runs for the kernel that is not {@link #active}, in the order sent. */
    private final Deque<Held> held = new ArrayDeque<>();
    private final Set<Integer> failedGroups = new HashSet<>();
    private final List<StateListener> stateListeners = new ArrayList<>();
    private final List<Consumer<List<FrameToEditor.Variable>>> workspaceListeners = new ArrayList<>();
    private List<FrameToEditor.Variable> localVariables = List.of();
    private List<FrameToEditor.Variable> pythonVariables = List.of();
    private String lastDetail = "";
    private boolean workspaceOnScreen;

    private record Held(Kernel target, ExecuteRequest request, ExecutionListener listener) {
    }

    /**
     * @param local  the eval frame: JavaScript, and Python until {@link #usePython}
     * @param report where runs of another kernel show at their chunk's place (the local kernel's report)
     */
    public RoutedKernel(Kernel local, RemoteRunReport report) {
        this.local = local;
        this.report = report;
        this.python = local;
        local.onStateChange((state, detail) -> stateChanged(local, detail));
        local.onWorkspace(variables -> {
            localVariables = variables;
            publishWorkspace();
        });
    }

    /**
     * Runs Python in {@code kernel} from now on ({@code null}: in the local kernel again). Runs
     * already sent finish where they were sent. The kernel must not be one used before: it is
     * listened to from now on.
     */
    public void usePython(Kernel kernel) {
        Kernel next = kernel == null ? local : kernel;
        if (next == python) {
            return;
        }
        python = next;
        pythonVariables = List.of();
        local.pythonRunsIn(next == local ? null : next);
        if (next != local) {
            next.onStateChange((state, detail) -> stateChanged(next, detail));
            next.onWorkspace(variables -> {
                if (python == next) {
                    pythonVariables = variables;
                    publishWorkspace();
                }
            });
            next.workspaceOnScreen(workspaceOnScreen);
        }
        publishWorkspace();
        notifyState(state(), "");
    }

    /** Whether Python runs in a kernel other than the local one. */
    public boolean pythonIsRemote() {
        return python != local;
    }

    private Kernel targetOf(Language language) {
        return language == Language.PYTHON ? python : local;
    }

    @Override
    public void execute(ExecuteRequest request, ExecutionListener listener) {
        Kernel target = targetOf(request.language());
        if (held.isEmpty() && (active == null || active == target)) {
            send(target, request, listener);
        } else {
            held.add(new Held(target, request, listener));
        }
    }

    private void send(Kernel target, ExecuteRequest request, ExecutionListener listener) {
        active = target;
        inFlight++;
        ExecutionListener shown = target != local && request.showInReport() ? report.showing(request, listener) : listener;
        target.execute(request, new ForwardingListener(shown) {
            private boolean ended;

            @Override
            public void finished(String value, String error) {
                if (error != null && request.failureGroup() > 0) {
                    failedGroups.add(request.failureGroup());
                }
                super.finished(value, error);
                ended();
            }

            @Override
            public void skipped() {
                super.skipped();
                ended();
            }

            private void ended() {
                if (!ended) {
                    ended = true;
                    runEnded();
                }
            }
        });
    }

    private void runEnded() {
        inFlight--;
        if (inFlight > 0) {
            return;
        }
        active = null;
        // Send on every held run up to the next change of kernel (those after it wait again).
        while (!held.isEmpty() && (active == null || held.peek().target() == active)) {
            Held next = held.poll();
            if (next.request().failureGroup() > 0 && failedGroups.contains(next.request().failureGroup())) {
                next.listener().skipped();
            } else {
                send(next.target(), next.request(), next.listener());
            }
        }
    }

    @Override
    public void dropQueued() {
        skipHeld();
        local.dropQueued();
        if (python != local) {
            python.dropQueued();
        }
    }

    @Override
    public void restart() {
        restart(null);
    }

    /** Restarts Python and the local kernel (JavaScript's state is lost too, as with local Python). */
    @Override
    public void restart(String stoppedBecause) {
        skipHeld();
        failedGroups.clear();
        restartOne(local, stoppedBecause);
        if (python != local) {
            restartOne(python, stoppedBecause);
        }
    }

    /** Skips the runs held for the other kernel (they were never sent). */
    private void skipHeld() {
        List<Held> dropped = new ArrayList<>(held);
        held.clear();
        dropped.forEach(run -> run.listener().skipped());
    }

    private static void restartOne(Kernel kernel, String stoppedBecause) {
        if (stoppedBecause == null) {
            kernel.restart();
        } else {
            kernel.restart(stoppedBecause);
        }
    }

    /** Python's state, except that a run of the local kernel makes it busy. */
    @Override
    public KernelState state() {
        KernelState pythonState = python.state();
        if (python != local && pythonState == KernelState.IDLE && local.state() == KernelState.BUSY) {
            return KernelState.BUSY;
        }
        return pythonState;
    }

    private void stateChanged(Kernel source, String detail) {
        if (source != local && source != python) {
            return;  // a Python kernel no longer used
        }
        if (source == python || python == local) {
            lastDetail = detail;
        }
        notifyState(state(), lastDetail);
    }

    private void notifyState(KernelState state, String detail) {
        new ArrayList<>(stateListeners).forEach(listener -> listener.changed(state, detail));
    }

    @Override
    public boolean isRunning() {
        return local.isRunning() || (python != local && python.isRunning());
    }

    /** Whether Stop keeps the state of every kernel that runs now. */
    @Override
    public boolean stopKeepsState() {
        return (!local.isRunning() || local.stopKeepsState()) && (python == local || !python.isRunning() || python.stopKeepsState());
    }

    @Override
    public String stopNote() {
        if (local.isRunning() && !local.stopKeepsState()) {
            return local.stopNote();
        }
        return python.stopKeepsState() ? "" : python.stopNote();
    }

    @Override
    public void interrupt(int watchdogMs, Runnable restarted) {
        if (local.isRunning()) {
            local.interrupt(watchdogMs, restarted);
        }
        if (python != local && python.isRunning()) {
            python.interrupt(watchdogMs, restarted);
        }
    }

    @Override
    public void onStateChange(StateListener listener) {
        stateListeners.add(listener);
    }

    @Override
    public void complete(Language language, String token, int timeoutMs, Consumer<List<String>> names) {
        targetOf(language).complete(language, token, timeoutMs, names);
    }

    @Override
    public void inspect(Language language, String before, String after, int timeoutMs, Consumer<String> text) {
        targetOf(language).inspect(language, before, after, timeoutMs, text);
    }

    @Override
    public void onWorkspace(Consumer<List<FrameToEditor.Variable>> listener) {
        workspaceListeners.add(listener);
    }

    @Override
    public void workspaceOnScreen(boolean onScreen) {
        workspaceOnScreen = onScreen;
        local.workspaceOnScreen(onScreen);
        if (python != local) {
            python.workspaceOnScreen(onScreen);
        }
    }

    /** The local kernel's variables (without Python's, when Python runs elsewhere) and Python's. */
    private void publishWorkspace() {
        List<FrameToEditor.Variable> all = new ArrayList<>();
        for (FrameToEditor.Variable variable : localVariables) {
            if (python == local || variable.language() != Language.PYTHON) {
                all.add(variable);
            }
        }
        if (python != local) {
            all.addAll(pythonVariables);
        }
        List<FrameToEditor.Variable> shown = List.copyOf(all);
        new ArrayList<>(workspaceListeners).forEach(listener -> listener.accept(shown));
    }

    @Override
    public void onLoadProgress(LoadProgressListener listener) {
        local.onLoadProgress(listener);
    }
}

package org.jodide.ui.jupyter;

import org.jodide.core.Language;
import org.jodide.core.jupyter.BrowserOnlyModules;
import org.jodide.core.jupyter.JupyterTraceback;
import org.jodide.core.kernel.ExecuteRequest;
import org.jodide.core.kernel.ExecutionListener;
import org.jodide.core.kernel.FirstAnswer;
import org.jodide.core.kernel.Kernel;
import org.jodide.core.kernel.KernelState;
import org.jodide.core.kernel.OutputClearing;
import org.jodide.core.kernel.OutputStream;
import org.jodide.core.kernel.SourceNames;
import org.jodide.core.protocol.FrameToEditor;
import org.teavm.jso.JSObject;
import org.teavm.jso.browser.Window;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Python on a Jupyter server, as the notebook's {@link Kernel}: runs go to the remote kernel one at
 * a time (so that a failure skips the rest of its group, and Stop drops what waits); output, rich
 * displays (the richest form of each mime bundle), {@code input()} and tracebacks (in notebook
 * lines, {@link JupyterTraceback}) come back to the run's listener. Stop is an interrupt: the
 * kernel keeps its variables. The kernel dying or the connection failing ends the run with why.
 */
public final class JupyterKernel implements Kernel {
    private final JupyterSession session;
    private final Deque<Run> waiting = new ArrayDeque<>();
    private final Set<Integer> failedGroups = new HashSet<>();
    private final List<StateListener> stateListeners = new ArrayList<>();
    private final List<Consumer<List<FrameToEditor.Variable>>> workspaceListeners = new ArrayList<>();
    private boolean workspaceOnScreen;
    /** Runs ended while the workspace pane was off screen: list when it shows. */
    private boolean workspaceStale;
    private Run current;
    private KernelState state = KernelState.IDLE;
    private String detail;
    /** The run counter of the last run started; a watchdog compares it to see whether its run is still on. */
    private int runsStarted;
    /**
     * A restart asked here is under way: the kernel's and the connection's statuses meanwhile
     * (restarting, reconnecting, idle) are its steps, and it is ready only when it says so.
     */
    private boolean restarting;

    /** One run: its request, its listener, and whether it has ended (the kernel may answer late). */
    private static final class Run {
        final ExecuteRequest request;
        final ExecutionListener listener;
        boolean ended;

        Run(ExecuteRequest request, ExecutionListener listener) {
            this.request = request;
            this.listener = listener;
        }
    }

    JupyterKernel(JupyterSession session) {
        this.session = session;
        this.detail = "Python: " + session.describe();
        session.onStatus(this::statusChanged);
    }

    /** The server's address (never its token), for the user. */
    public String serverUrl() {
        return session.getServerUrl();
    }

    /**
     * Writes {@code ipynbText} as the notebook {@code path} on the server: {@code saved} hears the
     * path written and the address opening it in JupyterLab there, or {@code failed} why not (and
     * whether a file is there, which {@code replace} writes over).
     */
    public void saveNotebook(String path, String ipynbText, boolean replace, BiConsumer<String, String> saved,
                             SaveFailure failed) {
        session.saveNotebook(path, ipynbText, replace, saved::accept, failed::failed);
    }

    /**
     * Copies the user's data files ({@code {name: {bytes, lastUpdated}}}, as the editor reads them)
     * into the server's root folder, where its kernels start, never over a file the server has:
     * {@code copied} hears the names written and those the server kept, or {@code failed} why not.
     */
    public void copyDataFiles(JSObject files, BiConsumer<List<String>, List<String>> copied, Consumer<String> failed) {
        session.copyDataFiles(files, (written, kept) -> copied.accept(names(written), names(kept)), failed::accept);
    }

    private static List<String> names(String joined) {
        return joined.isEmpty() ? List.of() : List.of(joined.split("\n"));
    }

    /** A folder or a notebook (.ipynb, .iomd, .py) of a folder of the server: its name and its path from the server's root. */
    public record ServerEntry(String name, String path, boolean folder) {
    }

    /** The folders and notebooks of the server's folder {@code path} ("" for its root), folders first; or why not. */
    public void listFolder(String path, Consumer<List<ServerEntry>> listed, Consumer<String> failed) {
        session.listFolder(path, entries -> {
            List<ServerEntry> found = new ArrayList<>();
            for (int i = 0; i < entries.getLength(); i++) {
                JupyterSession.Entry entry = entries.get(i);
                found.add(new ServerEntry(entry.getName(), entry.getPath(), entry.isFolder()));
            }
            listed.accept(found);
        }, failed::accept);
    }

    /** The text of the notebook file {@code path} on the server (an .ipynb as its JSON); or why not. */
    public void readNotebook(String path, Consumer<String> read, Consumer<String> failed) {
        session.readNotebook(path, read::accept, failed::accept);
    }

    /** Why a notebook was not saved on the server; {@code exists}: a file is at the path. */
    @FunctionalInterface
    public interface SaveFailure {
        void failed(String message, boolean exists);
    }

    /**
     * Calls {@code listener} with what the kernel prints after the run that printed it ended (a
     * thread or an asyncio task a chunk started): ipykernel sends it for a request already answered.
     */
    public void onOutputOutsideRuns(BiConsumer<OutputStream, String> listener) {
        session.onOutputOutsideRuns((name, text) -> listener.accept(OutputStream.ofStreamName(name), text));
    }

    /** Shuts the remote kernel down; runs in flight end with {@code because}. */
    public void close(String because) {
        endAll(because);
        session.dispose();
    }

    @Override
    public void execute(ExecuteRequest request, ExecutionListener listener) {
        if (request.language() != Language.PYTHON) {
            listener.finished(null, "A Jupyter kernel runs Python only; " + request.language().id() + " runs in the browser.");
            return;
        }
        waiting.add(new Run(request, listener));
        startNext();
    }

    private void startNext() {
        if (restarting) {
            return;  // the restart's end starts what waits
        }
        while (current == null && !waiting.isEmpty()) {
            Run next = waiting.poll();
            int group = next.request.failureGroup();
            if (group > 0 && failedGroups.contains(group)) {
                next.ended = true;
                next.listener.skipped();
                continue;
            }
            start(next);
        }
        if (current == null) {
            setState(state == KernelState.FAILED ? KernelState.FAILED : KernelState.IDLE, detail);
            refreshWorkspace();
        }
    }

    private void start(Run run) {
        current = run;
        runsStarted++;
        setState(KernelState.BUSY, detail);
        String[] value = {null};
        OutputClearing clearing = new OutputClearing(run.listener);
        JupyterSession.RunEvents events = JupyterSession.RunEvents.create();
        events.setStream((name, text) -> {
            if (!run.ended) {
                clearing.beforeOutput();
                run.listener.output(OutputStream.ofStreamName(name), text);
            }
        });
        events.setDisplay((mimeType, data, displayId, update) -> {
            if (run.ended) {
                return;
            }
            if (!update) {
                clearing.beforeOutput();
            }
            run.listener.display(mimeType, data, displayId.isEmpty() ? null : displayId, update);
        });
        events.setValue(text -> value[0] = text);
        events.setClear(wait -> {
            if (!run.ended) {
                clearing.clear(wait);
            }
        });
        events.setInput((prompt, password, reply) -> {
            if (!run.ended) {
                run.listener.inputRequested(prompt, password, answer -> {
                    // As Jupyter's front ends do (the kernel prints neither): the question and its answer
                    // stay in the output; a password shows as nothing.
                    if (!run.ended) {
                        run.listener.output(OutputStream.STDOUT, prompt + (password || answer == null ? "" : answer) + "\n");
                    }
                    reply.text(answer == null ? "" : answer);
                });
            }
        });
        events.setTimed(milliseconds -> {
            if (!run.ended) {
                run.listener.timed(milliseconds);
            }
        });
        events.setDone(error -> finish(run, value[0], error == null ? null : inNotebookLines(run.request, error)));
        session.run(run.request.code(), events);
    }

    private static String inNotebookLines(ExecuteRequest request, String traceback) {
        String name = request.sourceName() != null ? request.sourceName() : SourceNames.of(request.language(), request.firstLine());
        return BrowserOnlyModules.withHint(JupyterTraceback.inNotebookLines(traceback, request.firstLine(), name));
    }

    private void finish(Run run, String value, String error) {
        if (run.ended) {
            return;
        }
        run.ended = true;
        if (error != null && run.request.failureGroup() > 0) {
            failedGroups.add(run.request.failureGroup());
        }
        if (current == run) {
            current = null;
        }
        run.listener.finished(value, error);
        startNext();
    }

    /** Ends the run in flight with {@code because} and skips every waiting one. */
    private void endAll(String because) {
        dropQueued();
        if (current != null) {
            finish(current, null, because);
        }
    }

    @Override
    public void dropQueued() {
        List<Run> dropped = new ArrayList<>(waiting);
        waiting.clear();
        dropped.forEach(run -> {
            run.ended = true;
            run.listener.skipped();
        });
    }

    @Override
    public void restart() {
        restart("The Jupyter kernel was restarted; this run was stopped.");
    }

    @Override
    public void restart(String stoppedBecause) {
        failedGroups.clear();
        restarting = true;
        endAll(stoppedBecause);
        setState(KernelState.LOADING, "Restarting the Jupyter kernel: " + session.describe());
        session.restart(() -> {
            restarting = false;
            setState(KernelState.IDLE, detail);
            startNext();
        }, message -> {
            restarting = false;
            setState(KernelState.FAILED, "The Jupyter kernel did not restart: " + message);
        });
    }

    @Override
    public KernelState state() {
        return state;
    }

    @Override
    public boolean isRunning() {
        return current != null;
    }

    @Override
    public boolean stopKeepsState() {
        return true;
    }

    @Override
    public String stopNote() {
        return "";
    }

    /** Interrupts the kernel; when the run goes on past {@code watchdogMs}, the kernel restarts. */
    @Override
    public void interrupt(int watchdogMs, Runnable restarted) {
        if (current == null) {
            return;
        }
        int interrupted = runsStarted;
        session.interrupt(message -> {
            if (current != null) {
                finish(current, null, "Stop could not interrupt the Jupyter kernel: " + message);
            }
        });
        Window.setTimeout(() -> {
            if (current != null && runsStarted == interrupted) {
                restart("The Jupyter kernel did not stop within " + watchdogMs / 1000 + " s, so it was restarted; its variables are lost.");
                restarted.run();
            }
        }, watchdogMs);
    }

    @Override
    public void onStateChange(StateListener listener) {
        stateListeners.add(listener);
    }

    private void setState(KernelState newState, String newDetail) {
        state = newState;
        for (StateListener listener : new ArrayList<>(stateListeners)) {
            listener.changed(newState, newDetail);
        }
    }

    /**
     * The remote kernel's and the connection's status (kernel-status.js). A run in flight cannot
     * finish when the kernel dies or the connection drops (the kernel's replies are lost): it ends
     * at once with why, and the status says what happens next.
     */
    private void statusChanged(String status, String statusDetail) {
        String server = session.getServerUrl();
        if (restarting && !"dead".equals(status) && !"disconnected".equals(status)) {
            return;
        }
        switch (status) {
            case "dead", "disconnected" -> {
                String why = statusDetail.isEmpty() ? "The Jupyter kernel at " + server + " is " + status + "." : statusDetail;
                setState(KernelState.FAILED, why);
                endAll(why + " Reconnect in the Kernel menu, or use Python in the browser.");
            }
            case "reconnecting" -> {
                endAll("The connection to the Jupyter server at " + server + " was lost during this run (is the server"
                        + " still up?): what it printed after that is lost, and it may still be running there.");
                setState(KernelState.LOADING, "Reconnecting to the Jupyter server at " + server + "…");
            }
            case "restarting", "autorestarting" -> {
                // Our own restart has ended its runs already: a run still in flight means the kernel died
                // (the server restarts it) or was restarted from elsewhere.
                endAll("The Jupyter kernel died during this run (or was restarted from elsewhere), and the server"
                        + " restarted it: its variables are lost.");
                setState(KernelState.LOADING, statusDetail.isEmpty() ? "The Jupyter kernel is restarting…" : statusDetail);
            }
            case "starting" ->
                    setState(KernelState.LOADING, statusDetail.isEmpty() ? "Jupyter kernel " + status + "…" : statusDetail);
            case "connected", "idle" -> {
                if (state == KernelState.FAILED || state == KernelState.LOADING) {
                    setState(current == null ? KernelState.IDLE : KernelState.BUSY, detail);
                }
            }
            default -> { }
        }
    }

    @Override
    public void complete(Language language, String token, int timeoutMs, Consumer<List<String>> names) {
        FirstAnswer<List<String>> answer = new FirstAnswer<>(names);
        Window.setTimeout(answer.orElse(List.of())::run, timeoutMs);
        session.complete(token, token.length(), found -> {
            List<String> list = new ArrayList<>(found.getLength());
            for (int i = 0; i < found.getLength(); i++) {
                list.add(found.get(i).stringValue());
            }
            answer.accept(list);
        });
    }

    /** How long a js chunk's read of a server variable may take before it fails (a copy of a big array crosses the network). */
    private static final int READ_GLOBAL_TIMEOUT_MS = 60_000;

    /**
     * A copy of the kernel's global {@code name} (kernel-bridge.js {@code readGlobal}), or why not;
     * no answer within {@link #READ_GLOBAL_TIMEOUT_MS} fails saying so.
     */
    @Override
    public void readPythonGlobal(String name, GlobalCopyListener listener) {
        FirstAnswer<Runnable> answer = new FirstAnswer<>(Runnable::run);
        Runnable late = answer.orElse(() -> listener.failed("The Jupyter kernel on " + session.getServerUrl()
                + " did not send a copy of \"" + name + "\" within " + READ_GLOBAL_TIMEOUT_MS / 1000 + " s."));
        Window.setTimeout(late::run, READ_GLOBAL_TIMEOUT_MS);
        session.readGlobal(name, json -> answer.accept(() -> listener.copied(json)),
                why -> answer.accept(() -> listener.failed(why)));
    }

    @Override
    public void inspect(Language language, String before, String after, int timeoutMs, Consumer<String> text) {
        FirstAnswer<String> answer = new FirstAnswer<>(text);
        Window.setTimeout(answer.orElse("")::run, timeoutMs);
        session.inspect(before + after, before.length(), answer::accept);
    }

    @Override
    public void onWorkspace(Consumer<List<FrameToEditor.Variable>> listener) {
        workspaceListeners.add(listener);
    }

    @Override
    public void workspaceOnScreen(boolean onScreen) {
        workspaceOnScreen = onScreen;
        if (onScreen && workspaceStale && current == null && waiting.isEmpty()) {
            refreshWorkspace();
        }
    }

    /** Lists the variables for the workspace pane, or, while it is off screen, once it shows. */
    private void refreshWorkspace() {
        if (workspaceListeners.isEmpty() || state == KernelState.FAILED) {
            return;
        }
        if (!workspaceOnScreen) {
            workspaceStale = true;
            return;
        }
        workspaceStale = false;
        session.variables(found -> {
            List<FrameToEditor.Variable> variables = new ArrayList<>(found.getLength());
            for (int i = 0; i < found.getLength(); i++) {
                JupyterSession.Variable variable = found.get(i);
                variables.add(new FrameToEditor.Variable(Language.PYTHON, variable.getName(), variable.getType(), variable.getRepr()));
            }
            List<FrameToEditor.Variable> shown = List.copyOf(variables);
            new ArrayList<>(workspaceListeners).forEach(listener -> listener.accept(shown));
        });
    }

    @Override
    public void onLoadProgress(LoadProgressListener listener) {
        // Nothing downloads: the kernel runs on the server.
    }
}

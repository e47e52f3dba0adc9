package org.jodide.ui.frame;

import org.jodide.core.Language;
import org.jodide.core.kernel.ExecutionListener;
import org.jodide.core.kernel.OutputStream;
import org.jodide.core.protocol.EditorToFrame;
import org.jodide.core.protocol.FrameToEditor;
import org.jodide.iomd.FetchKind;
import org.jodide.ui.frame.runtime.RuntimeRegistry;

import java.util.List;
import java.util.function.Consumer;

/**
 * Runs a fetch chunk in the eval frame: data, js and css lines ({@link FetchLoader}), plugin lines
 * ({@link PluginHost}) and wheel lines (installed by the runtime of {@code py}, which must be a
 * {@link WheelInstaller}). Reports each line as it settles, then the chunk.
 */
final class FetchRun {
    private final RuntimeRegistry registry;
    private final PluginHost plugins;
    private final Consumer<FrameToEditor> send;

    FetchRun(RuntimeRegistry registry, PluginHost plugins, Consumer<FrameToEditor> send) {
        this.registry = registry;
        this.plugins = plugins;
        this.send = send;
    }

    /**
     * spec: all lines of a fetch chunk load in parallel; the chunk ends when every line has settled:
     * {@code ended} hears it finish, with an error when a line failed.
     */
    void run(EditorToFrame.RunFetch fetch, ExecutionListener ended) {
        List<EditorToFrame.FetchRequest> lines = fetch.lines();
        int[] pending = {lines.size()};
        int[] failed = {0};
        Runnable finishIfSettled = () -> {
            if (pending[0] == 0) {
                String error = failed[0] == 0 ? null
                        : failed[0] + " of " + lines.size() + " fetch line" + (lines.size() == 1 ? "" : "s") + " failed";
                ended.finished(null, error);
            }
        };
        for (int i = 0; i < lines.size(); i++) {
            int index = i;
            EditorToFrame.FetchRequest line = lines.get(i);
            PluginHost.Registered settled = (error, detail, language) -> {
                send.accept(new FrameToEditor.FetchLineDone(fetch.runId(), index, error, detail == null ? "" : detail,
                        language));
                pending[0]--;
                if (error != null) {
                    failed[0]++;
                }
                finishIfSettled.run();
            };
            if (line.kind() == FetchKind.WHEEL) {
                installWheel(fetch.runId(), line.url(), (error, detail) -> settled.settled(error, detail, null));
            } else if (line.kind() == FetchKind.PLUGIN) {
                plugins.registerFromUrl(line.url(), settled);
            } else {
                FetchLoader.load(line, (error, detail) -> settled.settled(error, detail, null));
            }
        }
        finishIfSettled.run();
    }

    /** spec: a wheel line installs a pure-Python wheel into the kernel (Pyodide's loadPackage, with a deadline). */
    private void installWheel(int runId, String url, FetchLoader.Done settled) {
        registry.whenLoaded(Language.PYTHON.id(), runtime -> {
            if (!(runtime instanceof WheelInstaller)) {
                settled.settled("the " + runtime.displayName() + " runtime cannot install wheels", "");
                return;
            }
            ((WheelInstaller) runtime).installWheel(url,
                    progress -> send.accept(new FrameToEditor.StreamOutput(runId, OutputStream.STATUS, progress + "\n")),
                    error -> settled.settled(error, error == null ? "installed" : ""));
        }, reason -> settled.settled(reason, ""));
    }
}

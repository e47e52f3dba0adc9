package org.jodide.ui.editor;

import org.jodide.core.Language;
import org.jodide.core.kernel.ExecuteRequest;
import org.jodide.core.kernel.ExecutionListener;
import org.jodide.core.kernel.FetchListener;
import org.jodide.core.kernel.ForwardingListener;
import org.jodide.core.kernel.Kernel;
import org.jodide.core.kernel.KernelResources;
import org.jodide.core.kernel.OutputStream;
import org.jodide.core.protocol.EditorToFrame;
import org.jodide.core.run.ChunkExecutor;
import org.jodide.core.run.InOrderRelease;
import org.jodide.iomd.Chunk;
import org.jodide.iomd.ChunkType;
import org.jodide.iomd.Notebook;
import org.jodide.iomd.PluginSpec;
import org.jodide.iomd.Diagnostic;
import org.jodide.iomd.FetchKind;
import org.jodide.iomd.FetchLine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Optional;

/** Runs a chunk by its kind: markdown and CSS go to the report, JS and Python to the kernel. */
final class ChunkDispatcher implements ChunkExecutor {
    private final Kernel kernel;
    private final KernelResources resources;
    private final ReportPublisher report;
    private String baseUrl;
    /** Languages registered by plugin chunks in the current kernel. */
    private final Set<String> pluginLanguages = new HashSet<>();

    ChunkDispatcher(Kernel kernel, KernelResources resources, ReportPublisher report, String baseUrl) {
        this.kernel = kernel;
        this.resources = resources;
        this.report = report;
        this.baseUrl = baseUrl;
    }

    /** The kernel restarted: plugins must be registered again in the new frame. */
    void forgetPlugins() {
        pluginLanguages.clear();
    }

    /** spec: relative URLs resolve against the notebook's own location. */
    void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Code chunks: the frame queues them and runs them in order. */
    @Override
    public boolean pipelines(Chunk chunk) {
        return Language.of(chunk.type()).isPresent();
    }

    @Override
    public void enqueue(Chunk chunk, int failureGroup, ExecutionListener listener) {
        Optional<Language> language = Language.of(chunk.type());
        if (language.isEmpty()) {
            execute(chunk, listener);
            return;
        }
        // spec: a chunk's output shows at its place in the report, unless it is flagged hideOutput.
        kernel.execute(new ExecuteRequest(language.get(), chunk.id(), chunk.content(), chunk.bodyLine(),
                report.orderOf(chunk), !chunk.hideOutput(), failureGroup), listener);
    }

    @Override
    public void dropQueued() {
        kernel.dropQueued();
    }

    @Override
    public void execute(Chunk chunk, ExecutionListener listener) {
        if (Language.of(chunk.type()).isPresent()) {
            enqueue(chunk, 0, listener);
            return;
        }
        switch (chunk.type()) {
            case MD:
            case CSS:
                report.publish(chunk, true);
                listener.finished(null, null);
                break;
            case FETCH:
                fetch(chunk, listener);
                break;
            case PLUGIN:
                registerPlugin(chunk, listener);
                break;
            case UNKNOWN:
                if (pluginLanguages.contains(chunk.typeName())) {
                    resources.runPlugin(chunk.typeName(), chunk.id(), chunk.content(), listener);
                    break;
                }
                listener.finished(null, "No language plugin named " + chunk.typeName()
                        + " is registered: a plugin chunk must run first.");
                break;
            default:
                listener.finished(null, "%% " + chunk.typeName() + " chunks do not run in this version of Jodide.");
        }
    }

    @Override
    public boolean runs(Notebook notebook, Chunk chunk) {
        if (chunk.type() != ChunkType.UNKNOWN) {
            return ChunkExecutor.super.runs(notebook, chunk);
        }
        if (pluginLanguages.contains(chunk.typeName())) {
            return true;
        }
        // A plugin chunk above, run in the same batch, will register the language first; so may
        // a fetch chunk's plugin line (whose language is known only once it has loaded).
        for (Chunk earlier : notebook.chunks()) {
            if (earlier.equals(chunk)) {
                return false;
            }
            if (earlier.plugin().map(spec -> spec.languageId().equals(chunk.typeName())).orElse(false)) {
                return true;
            }
            if (earlier.fetchLines().stream().anyMatch(line -> line.kind() == FetchKind.PLUGIN)) {
                return true;
            }
        }
        return false;
    }

    /** spec: a plugin chunk's JSON is validated by the parser; a valid one registers its language, as in Iodide. */
    private void registerPlugin(Chunk chunk, ExecutionListener listener) {
        Optional<PluginSpec> spec = chunk.plugin();
        if (spec.isEmpty()) {
            StringBuilder problems = new StringBuilder("The plugin chunk is not valid:");
            for (Diagnostic diagnostic : chunk.diagnostics()) {
                problems.append("\n  line ").append(diagnostic.line()).append(':').append(diagnostic.column())
                        .append(": ").append(diagnostic.message());
            }
            listener.finished(null, problems.toString());
            return;
        }
        PluginSpec plugin = spec.get();
        if (plugin.definesBuiltInLanguage()) {
            // spec (docs/iodide.md, section 4): Iodide's notebooks loaded Python this way; it is built in here.
            listener.output(OutputStream.STATUS, "The language " + plugin.languageId() + " is built into Jodide:"
                    + " this plugin chunk (" + plugin.displayName() + ", " + plugin.url() + ") loads nothing.\n");
            listener.finished(null, null);
            return;
        }
        String url = plugin.resolveUrl(baseUrl);
        resources.registerPlugin(plugin.languageId(), url, plugin.module(), plugin.evaluator(),
                plugin.asyncEvaluator().orElse(null), new ForwardingListener(listener) {
                    @Override
                    public void finished(String value, String error) {
                        if (error == null) {
                            pluginLanguages.add(plugin.languageId());
                            listener.output(OutputStream.STATUS, "Registered the language " + plugin.displayName()
                                    + ": %% " + plugin.languageId() + " chunks now run.\n");
                        }
                        super.finished(value, error);
                    }
                });
    }

    /**
     * spec: each bad fetch line gets a diagnostic and the good lines still work. The chunk fails
     * when any line is bad or fails to load, so the chunks queued after it do not run on missing data.
     */
    private void fetch(Chunk chunk, ExecutionListener listener) {
        int problems = 0;
        for (Diagnostic diagnostic : chunk.diagnostics()) {
            if (diagnostic.isError()) {
                problems++;
                listener.output(OutputStream.STDERR, "✗ line " + diagnostic.line() + ":" + diagnostic.column()
                        + ": " + diagnostic.message() + "\n");
            }
        }
        List<FetchLine> lines = new ArrayList<>();
        List<EditorToFrame.FetchRequest> requests = new ArrayList<>();
        String base = baseUrl;
        for (FetchLine line : chunk.fetchLines()) {
            lines.add(line);
            requests.add(new EditorToFrame.FetchRequest(line.kind(), line.variableName().orElse(null), line.resolve(base),
                    EditorToFrame.FetchRequest.dataFileOf(line.kind(), line.url())));
        }
        int badLines = problems;
        // Lines settle in any order; they are reported in line order (a line waits for the ones above it).
        InOrderRelease<String[]> report = new InOrderRelease<>(lines.size(), (settled, index) -> {
            FetchLine line = lines.get(index);
            String what = source(chunk, line);
            String error = settled[0];
            String detail = settled[1];
            if (error == null) {
                listener.output(OutputStream.STDOUT, "✓ line " + lineOf(chunk, line) + ": " + what
                        + (detail.isEmpty() ? "" : " (" + detail + ")") + "\n");
            } else {
                listener.output(OutputStream.STDERR, "✗ line " + lineOf(chunk, line) + ": " + what + " — " + error + "\n");
            }
        });
        resources.fetch(chunk.id(), requests, new FetchListener(listener) {
            @Override
            public void lineDone(int index, String error, String detail, String language) {
                if (language != null) {
                    pluginLanguages.add(language);
                }
                report.settle(index, new String[] {error, detail});
            }

            @Override
            public void finished(String value, String error) {
                report.releaseSettled();
                if (error == null && badLines > 0) {
                    error = badLines + " fetch line" + (badLines == 1 ? " is" : "s are") + " invalid";
                } else if (error != null && badLines > 0) {
                    error = error + "; " + badLines + " more invalid";
                }
                super.finished(value, error);
            }
        });
    }

    /** The text of a fetch line as written. */
    private static String source(Chunk chunk, FetchLine line) {
        int offset = chunk.span().start();
        return chunk.source().substring(line.span().start() - offset, line.span().end() - offset);
    }

    /** 1-based notebook line of a fetch line. */
    private static int lineOf(Chunk chunk, FetchLine line) {
        String source = chunk.source();
        int end = line.span().start() - chunk.span().start();
        int breaks = 0;
        for (int i = 0; i < end; i++) {
            char c = source.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= source.length() || source.charAt(i + 1) != '\n'))) {
                breaks++;
            }
        }
        return chunk.line() + breaks + 1;
    }

    /** Whether running {@code chunk} shows an entry in the console (code does; markdown and CSS show in the report). */
    static boolean showsInConsole(Chunk chunk) {
        switch (chunk.type()) {
            case MD:
            case CSS:
                return false;
            default:
                return true;
        }
    }
}

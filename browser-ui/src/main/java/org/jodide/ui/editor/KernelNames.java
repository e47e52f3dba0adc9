package org.jodide.ui.editor;

import org.jodide.core.kernel.Kernel;
import org.jodide.iomd.ChunkType;
import org.jodide.ui.codemirror.CompletionOption;
import org.jodide.ui.codemirror.CompletionRequest;
import org.jodide.ui.codemirror.CompletionResult;
import org.jodide.ui.codemirror.EditorOptions;

import java.util.List;
import java.util.function.Supplier;

/**
 * A CodeMirror editor's {@code complete} and {@code inspect} callbacks (completion.js,
 * context-help.js) answered by a {@link Completer} and a {@link HelpSource}: the notebook's editor
 * ({@link CodeMirrorEditor}) and the cells embedded in documentation pages, whose kernel starts on
 * their first Run.
 */
public final class KernelNames {
    /** What Shift+Tab says in an embedded cell before any cell has run: there is no kernel to ask yet. */
    public static final String NOT_STARTED = "No help yet: names come from the page's Python once a cell has run.";

    private KernelNames() {
    }

    static EditorOptions.CompleteHandler complete(Completer completer) {
        return (request, resolver) -> answer(completer, request, resolver);
    }

    static EditorOptions.InspectHandler inspect(HelpSource help) {
        return (request, resolver) -> help.help(ChunkType.fromKeyword(request.getLanguage()), request.getBefore(),
                request.getAfter(), resolver::resolve);
    }

    /** Completion from the kernel {@code kernel} gives, or nothing while it gives null (not started). */
    public static EditorOptions.CompleteHandler complete(Supplier<? extends Kernel> kernel) {
        return complete((request, names) -> {
            Kernel started = kernel.get();
            if (started == null) {
                names.accept(List.of());
            } else {
                new KernelCompleter(started).complete(request, names);
            }
        });
    }

    /** Help from the kernel {@code kernel} gives, or {@link #NOT_STARTED} while it gives null. */
    public static EditorOptions.InspectHandler inspect(Supplier<? extends Kernel> kernel) {
        return inspect((type, before, after, text) -> {
            Kernel started = kernel.get();
            if (started == null) {
                text.accept(NOT_STARTED);
            } else {
                new KernelHelp(started).help(type, before, after, text);
            }
        });
    }

    private static void answer(Completer completer, CompletionRequest request, CompletionResult.Resolver resolver) {
        Completer.Request asked = new Completer.Request(ChunkType.fromKeyword(request.getLanguage()),
                request.getChunkText(), request.getLineText(), request.getPos());
        int from = asked.cursor() - asked.token().length();
        completer.complete(asked, names -> {
            if (names.isEmpty()) {
                resolver.resolve(null);
                return;
            }
            CompletionResult result = CompletionResult.create();
            result.setFrom(from);
            for (String name : names) {
                result.getOptions().push(CompletionOption.of(name, name.endsWith("(") ? "function" : "variable"));
            }
            resolver.resolve(result);
        });
    }
}

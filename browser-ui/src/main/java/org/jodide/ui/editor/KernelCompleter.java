package org.jodide.ui.editor;

import org.jodide.core.Language;
import org.jodide.core.kernel.Kernel;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Completes Python and JavaScript names in code chunks from the live kernel in the eval frame.
 * A frame busy running code cannot answer; after {@link #TIMEOUT_MS} the editor gets no names
 * rather than waiting.
 */
final class KernelCompleter implements Completer {
    /** How long (ms) to wait for the frame's answer. */
    static final int TIMEOUT_MS = 1500;

    private final Kernel kernel;

    KernelCompleter(Kernel kernel) {
        this.kernel = kernel;
    }

    @Override
    public void complete(Request request, Consumer<List<String>> names) {
        Optional<Language> language = Language.of(request.type());
        String token = request.token();
        if (language.isEmpty() || token.isEmpty()) {
            names.accept(List.of());
            return;
        }
        kernel.complete(language.get(), token, TIMEOUT_MS, names);
    }
}

package org.jodide.ui.editor;

import org.jodide.core.Language;
import org.jodide.core.kernel.Kernel;
import org.jodide.iomd.ChunkType;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * Help on Python and JavaScript names in code chunks from the live kernel (the eval frame, or a
 * Jupyter server). A kernel busy running code cannot answer; after {@link #TIMEOUT_MS} the editor
 * shows that there is no help rather than waiting.
 */
final class KernelHelp implements HelpSource {
    /** How long (ms) to wait for the kernel's answer: a Jupyter server is further than the frame. */
    static final int TIMEOUT_MS = 3000;
    /** Said instead of nothing when code is running: a busy kernel answers no questions. */
    static final String BUSY = "Code is running: help on names comes once it stops (the kernel answers nothing meanwhile).";

    private final Kernel kernel;

    KernelHelp(Kernel kernel) {
        this.kernel = kernel;
    }

    @Override
    public void help(ChunkType type, String before, String after, Consumer<String> text) {
        Optional<Language> language = Language.of(type);
        if (language.isEmpty()) {
            text.accept("");
            return;
        }
        kernel.inspect(language.get(), before, after, TIMEOUT_MS,
                help -> text.accept(help.isEmpty() && kernel.isRunning() ? BUSY : help));
    }
}

package org.jodide.ui.frame;

import java.util.function.Consumer;

/** A runtime that installs Python wheels (a fetch chunk's {@code wheel:} lines). */
public interface WheelInstaller {
    /**
     * @param progress hears each step, for the chunk's output
     * @param done     gets null once installed, else why not
     */
    void installWheel(String url, Consumer<String> progress, Consumer<String> done);
}

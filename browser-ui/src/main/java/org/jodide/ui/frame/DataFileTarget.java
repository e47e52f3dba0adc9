package org.jodide.ui.frame;

import org.jodide.core.protocol.HomeFile;
import org.jodide.pyodide.DataFile;

import java.util.List;
import java.util.function.BiConsumer;

/**
 * A runtime that keeps the user's data files where its code finds them (Python's home folder):
 * it writes every file it was given once it is loaded, and again after it restarts, and each new
 * one as it comes.
 */
public interface DataFileTarget {
    /** Why Python's folder cannot be shown yet. */
    String STARTING = "Python is still starting: its folder shows once it is ready.";
    /** Why Python's folder cannot be shown while code runs. */
    String RUNNING = "Python is running code: its folder shows once it stops.";

    /** Writes (or replaces) the file, now or once loaded. */
    void putDataFile(DataFile file);

    /** Forgets the file and deletes it. */
    void removeDataFile(String name);

    /**
     * The files of Python's home folder, those added and those Python wrote: {@code answer} hears
     * them, or none and why they cannot be listed now (Python starting, or running code).
     */
    void listHome(BiConsumer<List<HomeFile>, String> answer);

    /** One file of Python's home folder: {@code answer} hears its bytes (base64), or null and why not. */
    void readHome(String name, BiConsumer<String, String> answer);
}

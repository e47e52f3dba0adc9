package org.jodide.ui.frame;

/**
 * A runtime that keeps the user's data files where its code finds them (Python's home folder):
 * it writes every file it was given once it is loaded, and again after it restarts, and each new
 * one as it comes.
 */
public interface DataFileTarget {
    /** Writes (or replaces) the file, given base64-encoded, now or once loaded. */
    void putDataFile(String name, String base64);

    /** Forgets the file and deletes it. */
    void removeDataFile(String name);
}

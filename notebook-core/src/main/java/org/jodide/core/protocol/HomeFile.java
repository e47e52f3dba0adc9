package org.jodide.core.protocol;

/** A file in Python's home folder, as the Files dialog lists it: its name and size in bytes. */
public record HomeFile(String name, int size) {
    public HomeFile {
        DataFileNames.check(name);
        if (size < 0) {
            throw new IllegalArgumentException("size must be >= 0, was " + size);
        }
    }
}

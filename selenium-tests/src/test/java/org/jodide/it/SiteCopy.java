package org.jodide.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A copy of the built site made of symbolic links, with some of its files left out, for ITs of a
 * host that lacks a file (or serves a broken one written in its place).
 */
final class SiteCopy {
    private SiteCopy() {
    }

    /**
     * Links {@code site} into {@code copy} but the files {@code leftOut} names (paths relative to the
     * site, {@code "pyodide/pyodide.asm.wasm"}): a folder holding one of them is made afresh and its
     * other entries linked one by one; everything else is linked whole.
     */
    static void linkExcept(Path site, Path copy, Set<String> leftOut) throws IOException {
        try (Stream<Path> entries = Files.list(site)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                String name = entry.getFileName().toString();
                if (leftOut.contains(name)) {
                    continue;
                }
                Set<String> inside = leftOut.stream().filter(path -> path.startsWith(name + "/"))
                        .map(path -> path.substring(name.length() + 1)).collect(Collectors.toSet());
                if (inside.isEmpty()) {
                    Files.createSymbolicLink(copy.resolve(name), entry);
                } else {
                    linkExcept(entry, Files.createDirectory(copy.resolve(name)), inside);
                }
            }
        }
    }
}

package org.jodide.ui;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The code TeaVM compiles for the browser (iomd-parser, notebook-core, browser-ui) makes no immutable
 * map or set by copying: TeaVM's {@code Map.copyOf}, {@code Set.copyOf}, {@code Map.ofEntries} and the
 * unmodifiable collectors build a table of exactly their size with linear probing, so a lookup among
 * n keys scans up to n entries. {@code Notebook.chunkById} made one of every chunk id and a first Run
 * All of 1,000 chunks spent ~15 % of its time in those scans. Use a {@code HashMap} (behind
 * {@code Collections.unmodifiableMap} where it is shared). {@code Map.of} and {@code Set.of} of a few
 * constants are fine.
 */
class TeaVmCollectionsTest {
    private static final Pattern COPIED = Pattern.compile(
            "\\b(?:Map|Set)\\.copyOf\\(|\\bMap\\.ofEntries\\(|\\btoUnmodifiable(?:Map|Set)\\(");
    private static final List<Path> BROWSER_SOURCES = List.of(
            Path.of("../iomd-parser/src/main/java"), Path.of("../notebook-core/src/main/java"), Path.of("src/main/java"));

    @Test
    void browserCodeMakesNoCopiedImmutableMapsOrSets() throws IOException {
        List<String> found = new ArrayList<>();
        int files = 0;
        for (Path root : BROWSER_SOURCES) {
            assertTrue(Files.isDirectory(root), root.toAbsolutePath() + " is not a directory");
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path file : paths.filter(path -> path.toString().endsWith(".java")).toList()) {
                    files++;
                    List<String> lines = read(file);
                    for (int i = 0; i < lines.size(); i++) {
                        Matcher matcher = COPIED.matcher(lines.get(i));
                        if (matcher.find()) {
                            found.add(file + ":" + (i + 1) + ": " + matcher.group());
                        }
                    }
                }
            }
        }
        assertTrue(files > 100, "found only " + files + " source files");
        assertEquals(List.of(), found);
    }

    @Test
    void thePatternFindsWhatItForbids() {
        for (String line : List.of("map = Map.copyOf(ids);", "Set.copyOf(names)", "Map.ofEntries(entry)",
                ".collect(Collectors.toUnmodifiableMap(k, v))", ".collect(Collectors.toUnmodifiableSet())")) {
            assertTrue(COPIED.matcher(line).find(), line);
        }
        for (String line : List.of("Map.of(\"a\", 1)", "Set.of(\"py\")", "List.copyOf(items)", "Collections.unmodifiableMap(ids)")) {
            assertFalse(COPIED.matcher(line).find(), line);
        }
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

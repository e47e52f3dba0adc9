package org.jodide.iomd.ipynb;

import org.jodide.iomd.IomdParser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The examples of a spec document (docs/ipynb.md, docs/percent.md, docs/iodide.md): blocks fenced by
 * {@code ````KIND} and {@code ````}, whose parts are split at lines holding only {@code .}.
 */
final class SpecExamples {
    /** One example: its kind (the fence's word), where it is, and its parts. */
    record Example(String kind, Path document, int docLine, List<String> parts) {
        @Override
        public String toString() {
            return kind + " at " + document.getFileName() + " line " + docLine;
        }
    }

    private SpecExamples() {
    }

    /** The examples of {@code document} whose kind starts with {@code kindPrefix}, in order. */
    static List<Example> read(Path document, String kindPrefix) throws IOException {
        String[] lines = Files.readString(document, StandardCharsets.UTF_8).split("\n", -1);
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].startsWith("````" + kindPrefix)) {
                continue;
            }
            int open = i;
            String kind = lines[i].substring(4).trim();
            List<String> parts = new ArrayList<>();
            List<String> part = new ArrayList<>();
            for (i++; !lines[i].equals("````"); i++) {
                if (lines[i].equals(".")) {
                    parts.add(text(part));
                    part = new ArrayList<>();
                } else {
                    part.add(lines[i]);
                }
            }
            parts.add(text(part));
            examples.add(new Example(kind, document, open + 1, parts));
        }
        return examples;
    }

    /**
     * An opening example's outcome: {@code opened} is the .iomd of its second part, with the notes of
     * its third (none when there is no third part), and a notebook the parser reads without errors.
     */
    static void assertOpened(Example example, IpynbImport.Imported opened) {
        assertEquals(example.parts().get(1), opened.iomd(), example.toString());
        String notes = opened.notes().isEmpty() ? "" : String.join("\n", opened.notes()) + "\n";
        assertEquals(example.parts().size() > 2 ? example.parts().get(2) : "", notes, example + ": notes");
        assertFalse(IomdParser.create().parse(opened.iomd()).hasErrors(), example + ": parses without errors");
    }

    /** Lines as a text: each ends with a line break; no lines is the empty text. */
    private static String text(List<String> lines) {
        return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
    }
}

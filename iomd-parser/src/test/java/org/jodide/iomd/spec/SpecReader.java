package org.jodide.iomd.spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the numbered examples of docs/iomd.md. An example is a block fenced by {@code ````example}
 * and {@code ````}: the iomd input, a line holding only {@code .}, then the expected chunks. In the
 * input, physical line breaks are ignored and {@code ␊} stands for \n, {@code ␍} for \r and
 * {@code →} for a tab, so every byte of the input is visible.
 */
public final class SpecReader {
    public static final Path SPEC = Path.of("..", "docs", "iomd.md");
    private static final String OPEN = "````example";
    private static final String CLOSE = "````";

    private SpecReader() {
    }

    public static List<SpecExample> readExamples() {
        try {
            return parse(Files.readString(SPEC, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the spec at " + SPEC.toAbsolutePath(), e);
        }
    }

    static List<SpecExample> parse(String doc) {
        List<SpecExample> examples = new ArrayList<>();
        String[] lines = doc.split("\n", -1);
        String section = "";
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith("## ")) {
                section = line.substring(3).replaceFirst("^[0-9.]+\\s+", "").trim();
            } else if (line.startsWith(OPEN)) {
                int open = i;
                String info = line.substring(OPEN.length()).trim();
                String baseUrl = info.startsWith("base=") ? info.substring(5) : null;
                StringBuilder input = new StringBuilder();
                i++;
                while (!lines[i].equals(".")) {
                    input.append(lines[i]);
                    i++;
                }
                i++;
                List<String> expected = new ArrayList<>();
                while (!lines[i].equals(CLOSE)) {
                    expected.add(lines[i]);
                    i++;
                }
                examples.add(new SpecExample(examples.size() + 1, section, open + 1, baseUrl,
                        decode(input.toString()), String.join("\n", expected)));
            }
        }
        return examples;
    }

    /** The visible notation of the spec turned into the characters it stands for. */
    static String decode(String visible) {
        return visible.replace("␊", "\n").replace("␍", "\r").replace("→", "\t");
    }

    /** Characters turned into the visible notation. */
    public static String encode(String text) {
        return text.replace("\n", "␊").replace("\r", "␍").replace("\t", "→");
    }
}

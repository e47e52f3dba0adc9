package org.jodide.core.markdown;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The renderer's output on a corpus of real-world markdown (see corpus/NOTICE.md) is what it was
 * when the corpus was frozen: a change of flexmark's options, of its version or of the way the
 * renderer is built or shared shows here as a changed document. One reused renderer renders
 * every document twice, so state left over from one document would show too.
 *
 * <p>{@code -Djodide.corpus.update=true} rewrites the expected HTML (the source folder's, found
 * from the working directory) instead of comparing.
 */
class MarkdownRendererCorpusTest {
    private static final Path SOURCE = Path.of("src/test/resources/org/jodide/core/markdown/corpus");

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    @TestFactory
    Stream<DynamicTest> everyDocumentRendersAsFrozen() throws IOException, URISyntaxException {
        Path corpus = Path.of(getClass().getResource("corpus").toURI());
        List<Path> documents;
        try (Stream<Path> files = Files.list(corpus)) {
            documents = files.filter(file -> file.toString().endsWith(".md") && !file.endsWith("NOTICE.md"))
                    .sorted().toList();
        }
        assertFalse(documents.isEmpty(), "no documents in " + corpus);
        boolean update = Boolean.getBoolean("jodide.corpus.update");
        return Stream.concat(documents.stream(), documents.stream()).map(document -> DynamicTest.dynamicTest(
                document.getFileName().toString(), () -> {
                    String html = renderer.render(Files.readString(document, StandardCharsets.UTF_8));
                    String name = document.getFileName().toString().replaceFirst("\\.md$", ".html");
                    if (update) {
                        Files.writeString(SOURCE.resolve(name), html, StandardCharsets.UTF_8);
                    } else {
                        assertEquals(Files.readString(corpus.resolve(name), StandardCharsets.UTF_8), html);
                    }
                }));
    }
}

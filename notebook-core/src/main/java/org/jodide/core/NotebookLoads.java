package org.jodide.core;

import org.jodide.iomd.Chunk;
import org.jodide.iomd.ChunkType;
import org.jodide.iomd.FetchLine;
import org.jodide.iomd.Notebook;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a notebook loads from the network when it runs, as its text declares it: the URLs of its
 * fetch lines and of its plugin chunks, resolved against the notebook's address, in notebook
 * order, each once. The trust banner names them before an untrusted notebook runs (Python
 * packages its imports need are not listed: only running the code knows them).
 *
 * <pre>{@code
 * NotebookLoads.of(IomdParser.create().parse("%% fetch\ntext: t = data.csv\n"), "https://x.org/nb/a.iomd")
 *     // ["https://x.org/nb/data.csv"]
 * }</pre>
 */
public final class NotebookLoads {
    private NotebookLoads() {
    }

    /** @param baseUrl the notebook's own address (relative URLs resolve against it), or null */
    public static List<String> of(Notebook notebook, String baseUrl) {
        Set<String> urls = new LinkedHashSet<>();
        for (Chunk chunk : notebook.chunks()) {
            if (chunk.type() == ChunkType.FETCH) {
                for (FetchLine line : chunk.fetchLines()) {
                    urls.add(line.resolve(baseUrl));
                }
            }
            chunk.plugin().ifPresent(plugin -> urls.add(plugin.resolveUrl(baseUrl)));
        }
        return new ArrayList<>(urls);
    }

    /**
     * The URLs as one phrase for a sentence, at most {@code shown} of them, then how many more:
     * {@code "a, b and 3 more"}; empty when there are none.
     */
    public static String phrase(List<String> urls, int shown) {
        if (urls.isEmpty()) {
            return "";
        }
        List<String> named = urls.subList(0, Math.min(shown, urls.size()));
        int more = urls.size() - named.size();
        if (more > 0) {
            return String.join(", ", named) + " and " + more + " more";
        }
        if (named.size() == 1) {
            return named.get(0);
        }
        return String.join(", ", named.subList(0, named.size() - 1)) + " and " + named.get(named.size() - 1);
    }
}

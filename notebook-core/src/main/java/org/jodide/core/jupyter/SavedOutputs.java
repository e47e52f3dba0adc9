package org.jodide.core.jupyter;

import org.jodide.core.kernel.ExecutionListener;
import org.jodide.core.kernel.OutputStream;
import org.jodide.core.output.AnsiEscapes;
import org.jodide.iomd.Chunk;
import org.jodide.iomd.Notebook;
import org.jodide.iomd.ipynb.CellOutput;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Shows the outputs a Jupyter notebook was saved with as if a run had just shown them (under the
 * chunk, in the report), until the chunk runs: each output is told to a listener as a run tells it.
 *
 * <pre>{@code
 * SavedOutputs.replay(opened.outputs().get(index), listener);
 * }</pre>
 */
public final class SavedOutputs {
    /**
     * The mime types the notebook's outputs render ({@link ExecutionListener#display}), in the
     * order a bundle's forms are preferred: as a Jupyter server's outputs are shown (kernel-bridge.js).
     */
    public static final List<String> SHOWN_MIME_TYPES = List.of("text/html", "text/markdown", "text/latex",
            "image/svg+xml", "image/png", "image/jpeg", "text/plain");

    private SavedOutputs() {
    }

    /**
     * The outputs {@code saved} with the chunks of {@code savedWith} (by chunk index), moved to the
     * chunks of {@code shown}, the same notebook after edits: a run goes to the chunk of the same
     * type and content (blank lines at its end aside) at the same index, else to the first such chunk that has none yet; a run
     * whose chunk was changed or deleted is left out.
     */
    public static Map<Integer, CellOutput.Run> matching(Map<Integer, CellOutput.Run> saved, Notebook savedWith, Notebook shown) {
        Map<Integer, CellOutput.Run> moved = new TreeMap<>();
        List<Chunk> chunks = shown.chunks();
        for (Map.Entry<Integer, CellOutput.Run> entry : new TreeMap<>(saved).entrySet()) {
            int index = entry.getKey();
            if (index >= savedWith.chunks().size()) {
                continue;
            }
            Chunk original = savedWith.chunk(index);
            int target = index < chunks.size() && !moved.containsKey(index) && sameCell(original, chunks.get(index)) ? index : -1;
            for (int i = 0; target < 0 && i < chunks.size(); i++) {
                if (!moved.containsKey(i) && sameCell(original, chunks.get(i))) {
                    target = i;
                }
            }
            if (target >= 0) {
                moved.put(target, entry.getValue());
            }
        }
        return moved;
    }

    /** Same type and content; the blank lines that separate a chunk from the next do not count. */
    private static boolean sameCell(Chunk a, Chunk b) {
        return a.typeName().equals(b.typeName()) && a.content().stripTrailing().equals(b.content().stripTrailing());
    }

    /** Tells {@code listener} the run's outputs in order, then finishes it with the value and error among them. */
    public static void replay(CellOutput.Run run, ExecutionListener listener) {
        String value = null;
        String error = null;
        for (CellOutput output : run.outputs()) {
            if (output instanceof CellOutput.Stream stream) {
                listener.output(OutputStream.ofStreamName(stream.name()), stream.text());
            } else if (output instanceof CellOutput.DisplayData display) {
                show(display.data(), listener);
            } else if (output instanceof CellOutput.ExecuteResult result) {
                String shown = shownMimeType(result.data());
                if ("text/plain".equals(shown)) {
                    value = result.data().get(shown);
                } else {
                    show(result.data(), listener);
                }
            } else {
                error = errorText((CellOutput.Error) output);
            }
        }
        listener.finished(value, error);
    }

    private static void show(Map<String, String> bundle, ExecutionListener listener) {
        String mime = shownMimeType(bundle);
        if (mime != null) {
            listener.display(mime, bundle.get(mime));
        }
    }

    /** The form of a bundle that shows here, or null when it has none (a widget's state alone). */
    static String shownMimeType(Map<String, String> bundle) {
        for (String mime : SHOWN_MIME_TYPES) {
            if (bundle.containsKey(mime)) {
                return mime;
            }
        }
        return null;
    }

    /** The traceback as the notebook shows errors (IPython colours it: the colours go), else the exception's name and message. */
    static String errorText(CellOutput.Error error) {
        if (!error.traceback().isEmpty()) {
            return AnsiEscapes.plainText(String.join("\n", error.traceback()));
        }
        return error.evalue().isEmpty() ? error.ename() : error.ename() + ": " + error.evalue();
    }
}

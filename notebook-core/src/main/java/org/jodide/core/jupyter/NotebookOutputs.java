package org.jodide.core.jupyter;

import org.jodide.core.kernel.ExecutionListener;
import org.jodide.core.kernel.OutputStream;
import org.jodide.core.kernel.RunTiming;
import org.jodide.core.output.TextPieces;
import org.jodide.iomd.ipynb.CellOutput;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What each chunk's latest run showed, kept as Jupyter keeps a cell's outputs, so that Download
 * .ipynb gives the notebook with them (docs/ipynb.md, section 2): printed text by stream, rich
 * displays (updated in place by their display id, from any later run, as on screen), the value
 * and the error, numbered by execution count in the order the runs started.
 *
 * <pre>{@code
 * ExecutionListener recorder = outputs.recorder(chunk.id(), timing);   // hears the run beside its views
 * IpynbExport.write(notebook, outputs);
 * }</pre>
 */
public final class NotebookOutputs implements CellOutput.Runs {
    /** Printed characters kept per run and stream; more is cut with a line saying so (the console offers the whole text). */
    public static final int MAX_TEXT_CHARS = 1 << 20;

    private final Map<String, Recorded> latest = new HashMap<>();
    /** The displays shown with each display id, which an update changes wherever they are. */
    private final Map<String, List<Shown>> displays = new HashMap<>();
    private int executionCount;

    /** Starts recording a run of {@code chunkId} whose times are not known; see {@link #recorder(String, RunTiming)}. */
    public ExecutionListener recorder(String chunkId) {
        return recorder(chunkId, null);
    }

    /**
     * Starts recording a run of {@code chunkId}, which replaces its earlier one; the listener hears
     * the run. Once {@code timing} (null: not known) has ended, the run keeps when it started and
     * ended, which Download .ipynb writes as JupyterLab does.
     */
    public ExecutionListener recorder(String chunkId, RunTiming timing) {
        Recorded run = new Recorded(chunkId, ++executionCount);
        run.timing = timing;
        latest.put(chunkId, run);
        return run;
    }

    /**
     * Keeps {@code run}, saved with an opened Jupyter notebook, as the latest run of {@code chunkId}
     * until the chunk runs; the runs after it are counted on from its execution count.
     */
    public void restore(String chunkId, CellOutput.Run run) {
        Recorded restored = new Recorded(chunkId, run.executionCount());
        restored.items.addAll(run.outputs());
        restored.savedTimes = run.times();
        latest.put(chunkId, restored);
        executionCount = Math.max(executionCount, run.executionCount());
    }

    /**
     * Forgets the latest run of {@code chunkId} (the user cleared its output): the cell has no
     * outputs and no execution count until the chunk runs again, as after Jupyter's Clear Outputs.
     * Runs after it are still counted on from the last count given.
     */
    public void forget(String chunkId) {
        latest.remove(chunkId);
    }

    @Override
    public CellOutput.Run of(String chunkId) {
        Recorded run = latest.get(chunkId);
        return run == null ? null : run.snapshot();
    }

    /** A rich output as shown now: an update of its display id changes it. */
    private static final class Shown {
        String mimeType;
        String data;

        Shown(String mimeType, String data) {
            this.mimeType = mimeType;
            this.data = data;
        }
    }

    /** Printed text of one stream, between two other outputs. */
    private static final class Printed {
        final String stream;
        /** Kept as it came and joined for an export: a StringBuilder copied each piece character by character in the browser. */
        final TextPieces text = new TextPieces();
        boolean cut;

        Printed(String stream) {
            this.stream = stream;
        }
    }

    private final class Recorded implements ExecutionListener {
        private final String chunkId;
        private final int count;
        /** {@link Printed}, {@link Shown} and finished {@link CellOutput}s, in order. */
        private final List<Object> items = new ArrayList<>();
        /** How the run is timed while it runs here; null when it is not, or was saved. */
        private RunTiming timing;
        /** When a run saved with the notebook started and ended; null when not known. */
        private CellOutput.RunTimes savedTimes;

        Recorded(String chunkId, int count) {
            this.chunkId = chunkId;
            this.count = count;
        }

        @Override
        public void output(OutputStream stream, String text) {
            String name = stream == OutputStream.STDERR ? "stderr" : "stdout";
            Printed printed = items.isEmpty() || !(items.get(items.size() - 1) instanceof Printed last)
                    || !last.stream.equals(name) ? null : last;
            if (printed == null) {
                printed = new Printed(name);
                items.add(printed);
            }
            int room = MAX_TEXT_CHARS - printed.text.length();
            if (text.length() <= room) {
                printed.text.add(text);
            } else if (!printed.cut) {
                printed.text.add(text.substring(0, Math.max(0, room)));
                printed.cut = true;
            }
        }

        @Override
        public void display(String mimeType, String data) {
            items.add(new Shown(mimeType, data));
        }

        @Override
        public void display(String mimeType, String data, String displayId, boolean update) {
            if (displayId == null) {
                display(mimeType, data);
            } else if (update) {
                for (Shown shown : displays.getOrDefault(displayId, List.of())) {
                    shown.mimeType = mimeType;
                    shown.data = data;
                }
            } else {
                Shown shown = new Shown(mimeType, data);
                items.add(shown);
                displays.computeIfAbsent(displayId, id -> new ArrayList<>()).add(shown);
            }
        }

        @Override
        public void clearOutput() {
            items.clear();
        }

        @Override
        public void finished(String value, String error) {
            if (value != null) {
                items.add(new CellOutput.ExecuteResult(count, Map.of("text/plain", value)));
            }
            if (error != null) {
                items.add(error(error));
            }
        }

        @Override
        public void skipped() {
            // Not run: the chunk keeps no outputs of this run (nor of earlier ones, which are gone from the screen too).
            items.clear();
        }

        CellOutput.Run snapshot() {
            List<CellOutput> outputs = new ArrayList<>();
            for (Object item : items) {
                if (item instanceof Printed printed) {
                    String text = overwritten(printed.text.joined());
                    outputs.add(new CellOutput.Stream(printed.stream, printed.cut
                            ? text + "\n[output cut at " + MAX_TEXT_CHARS + " characters]\n" : text));
                } else if (item instanceof Shown shown) {
                    Map<String, String> data = new LinkedHashMap<>();
                    data.put(shown.mimeType, shown.data);
                    outputs.add(new CellOutput.DisplayData(data));
                } else {
                    outputs.add((CellOutput) item);
                }
            }
            return new CellOutput.Run(count, outputs, timing != null ? timing.times() : savedTimes);
        }

        @Override
        public String toString() {
            return "run " + count + " of " + chunkId;
        }
    }

    /**
     * Printed text as a terminal leaves it: in each line, what a carriage return went back over is
     * gone (a progress bar keeps its last state), as Jupyter keeps a stream.
     */
    static String overwritten(String text) {
        if (text.indexOf('\r') < 0) {
            return text;
        }
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int cut = line.lastIndexOf('\r', line.length() - 2);
            String kept = cut < 0 ? line : line.substring(cut + 1);
            out.append(kept.endsWith("\r") ? kept.substring(0, kept.length() - 1) : kept);
            if (i < lines.length - 1) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    /**
     * An error as nbformat keeps it: the exception's name and message (a Python traceback's last
     * line; a JavaScript error's first), and the traceback's lines.
     */
    static CellOutput.Error error(String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1);
        }
        String summary = "";
        if (text.startsWith("Traceback") && !lines.isEmpty()) {
            summary = lines.get(lines.size() - 1);
        } else if (!lines.isEmpty()) {
            summary = lines.get(0);
        }
        Matcher exception = ExceptionLine.PATTERN.matcher(summary.strip());
        if (exception.matches()) {
            return new CellOutput.Error(exception.group(1), exception.group(2) == null ? "" : exception.group(2), lines);
        }
        return new CellOutput.Error("Error", summary.strip(), lines);
    }

    /**
     * The exception line of a traceback ({@code ValueError: bad}), compiled when an error is first
     * recorded: as a static field of this class it was compiled as the editor page started (its
     * session makes a NotebookOutputs), ~8 ms of TeaVM's regex compiler running cold.
     */
    private static final class ExceptionLine {
        static final Pattern PATTERN = Pattern.compile("^([A-Za-z_][\\w.]*)(?::\\s?(.*))?$");
    }
}

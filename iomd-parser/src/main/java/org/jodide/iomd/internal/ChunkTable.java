package org.jodide.iomd.internal;

import org.jodide.iomd.Edit;

import java.util.Arrays;
import java.util.List;

/**
 * The chunks of one version of a notebook: position-independent {@link ChunkNode}s plus where each
 * one starts. Immutable. {@link #apply} re-parses only the chunks an edit touches and shares every
 * other node with the previous version.
 *
 * <p>Offsets are 0-based UTF-16 offsets; lines are 0-based.
 */
public final class ChunkTable {
    private final ChunkNode[] nodes;
    private final int[] starts;
    private final int[] lines;
    private final int length;
    private final int nextId;

    private ChunkTable(ChunkNode[] nodes, int[] starts, int[] lines, int length, int nextId) {
        this.nodes = nodes;
        this.starts = starts;
        this.lines = lines;
        this.length = length;
        this.nextId = nextId;
    }

    /** Parses {@code text} from scratch; ids are {@code c0}, {@code c1}, ... in order. */
    public static ChunkTable parse(String text) {
        List<ChunkNode> nodes = ChunkScanner.scan(text, TypeContext.NONE, 0);
        return fromNodes(nodes.toArray(new ChunkNode[0]), text.length(), nodes.size());
    }

    /**
     * Parses {@code text} from scratch, giving each chunk the id of the chunk of this table with the
     * same source where one can be found (see {@link IdMatcher#matchBySource}); other chunks get
     * fresh ids.
     */
    public ChunkTable parseMatching(String text) {
        List<ChunkNode> parsed = ChunkScanner.scan(text, TypeContext.NONE, -1);
        String[] ids = IdMatcher.matchBySource(Arrays.asList(nodes), parsed);
        int[] counter = {nextId};
        return fromNodes(withIds(parsed, ids, counter), text.length(), counter[0]);
    }

    /** The nodes with the given ids, and fresh ids (counted by {@code counter[0]}) where an id is null. */
    private static ChunkNode[] withIds(List<ChunkNode> parsed, String[] ids, int[] counter) {
        ChunkNode[] out = new ChunkNode[parsed.size()];
        for (int j = 0; j < out.length; j++) {
            String id = ids[j] != null ? ids[j] : "c" + counter[0]++;
            out[j] = parsed.get(j).withId(id);
        }
        return out;
    }

    private static ChunkTable fromNodes(ChunkNode[] nodes, int length, int nextId) {
        int n = nodes.length;
        int[] starts = new int[n];
        int[] lines = new int[n];
        int start = 0;
        int line = 0;
        for (int i = 0; i < n; i++) {
            starts[i] = start;
            lines[i] = line;
            start += nodes[i].length();
            line += nodes[i].lineCount();
        }
        return new ChunkTable(nodes, starts, lines, length, nextId);
    }

    public int size() {
        return nodes.length;
    }

    public ChunkNode node(int index) {
        return nodes[index];
    }

    /** 0-based offset of chunk {@code index}'s first character. */
    public int start(int index) {
        return starts[index];
    }

    /** 0-based line of chunk {@code index}'s first line. */
    public int line(int index) {
        return lines[index];
    }

    /** Length of the whole text, in UTF-16 code units. */
    public int length() {
        return length;
    }

    /** Number of lines of the text: line breaks + 1. */
    public int lineCount() {
        int n = nodes.length;
        return n == 0 ? 1 : lines[n - 1] + nodes[n - 1].lineCount() + 1;
    }

    /** Index of the chunk that holds offset {@code offset} (the last chunk starting at or before it), or -1 before the first. */
    public int indexAt(int offset) {
        int lo = 0;
        int hi = nodes.length - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (starts[mid] <= offset) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    /** Index of the chunk that starts at {@code offset}, or -1. */
    public int indexStartingAt(int offset) {
        int i = indexAt(offset);
        return i >= 0 && starts[i] == offset ? i : -1;
    }

    /** The whole text, rebuilt from the chunks. */
    public String text() {
        StringBuilder out = new StringBuilder(length);
        for (ChunkNode node : nodes) {
            node.appendSource(out);
        }
        return out.toString();
    }

    /**
     * This table with {@code edit} applied. Only the chunks from the one holding {@code edit.start() - 2}
     * to the one holding {@code edit.removedEnd()} are parsed again; later chunks are shared (and
     * re-typed when they are bare {@code %%} chunks whose inherited type changed).
     *
     * @throws IllegalArgumentException if the edit reaches past the end of the text
     */
    public Splice apply(Edit edit) {
        if (edit.removedEnd() > length) {
            throw new IllegalArgumentException("edit [" + edit.start() + ", " + edit.removedEnd()
                    + ") is outside a text of length " + length);
        }
        int n = nodes.length;
        if (n == 0) {
            List<ChunkNode> fresh = ChunkScanner.scan(edit.inserted(), TypeContext.NONE, nextId);
            return new Splice(fromNodes(fresh.toArray(new ChunkNode[0]), edit.inserted().length(), nextId + fresh.size()),
                    0, fresh.size(), 0);
        }
        // A delimiter is decided by the two characters at a line start and the break before it,
        // so a chunk whose first two characters the edit leaves alone keeps its start.
        int a = indexAt(Math.max(0, edit.start() - 2));
        int b = indexAt(Math.min(edit.removedEnd(), length - 1));
        int regionStart = starts[a];
        int regionEnd = starts[b] + nodes[b].length();
        int editStart = edit.start() - regionStart;
        int editEnd = edit.removedEnd() - regionStart;
        int delta = edit.delta();

        StringBuilder region = new StringBuilder(regionEnd - regionStart + Math.max(delta, 0));
        int oldBreaks = 0;
        int[] oldStarts = new int[b - a + 1];
        for (int i = a; i <= b; i++) {
            oldStarts[i - a] = starts[i] - regionStart;
            oldBreaks += nodes[i].lineCount();
            nodes[i].appendSource(region);
        }
        region.replace(editStart, editEnd, edit.inserted());
        TypeContext context = a == 0 ? TypeContext.NONE : nodes[a - 1].outgoing();
        List<ChunkNode> parsed = ChunkScanner.scan(region.toString(), context, -1);
        int k = parsed.size();
        int[] newStarts = new int[k];
        int newBreaks = 0;
        for (int j = 0, s = 0; j < k; j++) {
            newStarts[j] = s;
            s += parsed.get(j).length();
            newBreaks += parsed.get(j).lineCount();
        }
        String[] ids = IdMatcher.matchRegion(Arrays.asList(nodes).subList(a, b + 1), oldStarts, parsed, newStarts,
                editStart, editEnd, delta);
        int[] counter = {nextId};
        ChunkNode[] matched = withIds(parsed, ids, counter);

        int suffix = n - b - 1;
        int size = a + k + suffix;
        ChunkNode[] newNodes = new ChunkNode[size];
        int[] newStartArr = new int[size];
        int[] newLines = new int[size];
        System.arraycopy(nodes, 0, newNodes, 0, a);
        System.arraycopy(starts, 0, newStartArr, 0, a);
        System.arraycopy(lines, 0, newLines, 0, a);
        int line = lines[a];
        for (int j = 0; j < k; j++) {
            newNodes[a + j] = matched[j];
            newStartArr[a + j] = regionStart + newStarts[j];
            newLines[a + j] = line;
            line += matched[j].lineCount();
        }
        int lineDelta = newBreaks - oldBreaks;
        System.arraycopy(nodes, b + 1, newNodes, a + k, suffix);
        for (int j = 0; j < suffix; j++) {
            newStartArr[a + k + j] = starts[b + 1 + j] + delta;
            newLines[a + k + j] = lines[b + 1 + j] + lineDelta;
        }
        // spec: a bare %% inherits the type of the chunk above, so bare chunks after the region
        // follow a change of the region's last type, up to the first typed delimiter.
        TypeContext inherited = k > 0 ? matched[k - 1].outgoing() : context;
        int retyped = 0;
        for (int j = a + k; j < size && newNodes[j].isBare() && !newNodes[j].resolvedFrom(inherited); j++) {
            newNodes[j] = newNodes[j].retyped(inherited);
            inherited = newNodes[j].outgoing();
            retyped++;
        }
        ChunkTable table = new ChunkTable(newNodes, newStartArr, newLines, length + delta, counter[0]);
        return new Splice(table, a, k, retyped);
    }

    /**
     * The result of {@link #apply}: the new table, and which of its chunks are new.
     *
     * @param table    the chunks after the edit
     * @param first    index of the first re-parsed chunk; chunks before it are unchanged, at the same place
     * @param parsed   number of re-parsed chunks
     * @param retyped  number of chunks after them that kept their text but changed type
     */
    public record Splice(ChunkTable table, int first, int parsed, int retyped) {
    }
}

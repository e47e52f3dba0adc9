package org.jodide.iomd.internal;

import org.jodide.iomd.Edit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The chunks of one version of a notebook: position-independent {@link ChunkNode}s grouped in
 * {@link Block}s of about {@value #BLOCK}, plus where each block starts. Immutable.
 *
 * <p>{@link #apply} re-parses only the chunks an edit touches and rebuilds only their blocks;
 * every other block is shared with the previous version. So an edit costs the size of the
 * touched chunks, plus {@value #BLOCK}-odd chunks, plus one entry per block (a 40,000-chunk
 * notebook has about 600 blocks), instead of one entry per chunk.
 *
 * <p>Offsets are 0-based UTF-16 offsets; lines are 0-based; chunk indexes are 0-based.
 */
public final class ChunkTable {
    static final int BLOCK = 64;

    private final Block[] blocks;
    /** Index of the first chunk of each block; one more entry holds the number of chunks. */
    private final int[] firsts;
    /** Offset of each block's first character. */
    private final int[] offsets;
    /** Line of each block's first line. */
    private final int[] lineStarts;
    private final int length;
    private final int nextId;

    private ChunkTable(Block[] blocks, int length, int nextId) {
        this.blocks = blocks;
        this.length = length;
        this.nextId = nextId;
        firsts = new int[blocks.length + 1];
        offsets = new int[blocks.length];
        lineStarts = new int[blocks.length];
        int first = 0;
        int offset = 0;
        int line = 0;
        for (int k = 0; k < blocks.length; k++) {
            firsts[k] = first;
            offsets[k] = offset;
            lineStarts[k] = line;
            first += blocks[k].size();
            offset += blocks[k].length;
            line += blocks[k].breaks;
        }
        firsts[blocks.length] = first;
    }

    /** Parses {@code text} from scratch; ids are {@code c0}, {@code c1}, ... in order. */
    public static ChunkTable parse(String text) {
        ChunkNode[] nodes = ChunkScanner.scan(text, TypeContext.NONE, 0);
        return new ChunkTable(split(nodes, nodes.length), text.length(), nodes.length);
    }

    /**
     * Parses {@code text} from scratch, giving each chunk the id of the chunk of this table with the
     * same source where one can be found (see {@link IdMatcher#matchBySource}); other chunks get
     * fresh ids.
     */
    public ChunkTable parseMatching(String text) {
        ChunkNode[] parsed = ChunkScanner.scan(text, TypeContext.NONE, -1);
        int[] ids = IdMatcher.matchBySource(allNodes(), Arrays.asList(parsed));
        int[] counter = {nextId};
        ChunkNode[] nodes = withIds(parsed, ids, counter);
        return new ChunkTable(split(nodes, nodes.length), text.length(), counter[0]);
    }

    /** {@code nodes[0, count)} cut into blocks of about {@value #BLOCK}. */
    private static Block[] split(ChunkNode[] nodes, int count) {
        int m = (count + BLOCK - 1) / BLOCK;
        Block[] out = new Block[m];
        for (int k = 0; k < m; k++) {
            out[k] = new Block(nodes, (int) ((long) count * k / m), (int) ((long) count * (k + 1) / m));
        }
        return out;
    }

    /** The nodes with the given id numbers, and fresh ones (counted by {@code counter[0]}) where a number is -1. */
    private static ChunkNode[] withIds(ChunkNode[] parsed, int[] ids, int[] counter) {
        ChunkNode[] out = new ChunkNode[parsed.length];
        for (int j = 0; j < out.length; j++) {
            out[j] = parsed[j].withId(ids[j] >= 0 ? ids[j] : counter[0]++);
        }
        return out;
    }

    private List<ChunkNode> allNodes() {
        List<ChunkNode> all = new ArrayList<>(size());
        for (Block block : blocks) {
            all.addAll(Arrays.asList(block.nodes));
        }
        return all;
    }

    public int size() {
        return firsts[blocks.length];
    }

    /** Number of blocks. */
    public int blockCount() {
        return blocks.length;
    }

    /** The block holding chunk {@code index}. */
    public int blockOf(int index) {
        int lo = 0;
        int hi = blocks.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (firsts[mid] <= index) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** Index of the first chunk of block {@code block}. */
    public int blockFirst(int block) {
        return firsts[block];
    }

    /** Number of chunks in block {@code block}. */
    public int blockSize(int block) {
        return blocks[block].size();
    }

    /** Whether block {@code block} of this table is block {@code otherBlock} of {@code other}, at the same place. */
    public boolean sameBlock(int block, ChunkTable other, int otherBlock) {
        return blocks[block] == other.blocks[otherBlock] && offsets[block] == other.offsets[otherBlock]
                && lineStarts[block] == other.lineStarts[otherBlock] && firsts[block] == other.firsts[otherBlock];
    }

    public ChunkNode node(int index) {
        int k = blockOf(index);
        return blocks[k].nodes[index - firsts[k]];
    }

    /** 0-based offset of chunk {@code index}'s first character. */
    public int start(int index) {
        int k = blockOf(index);
        return offsets[k] + blocks[k].starts[index - firsts[k]];
    }

    /** 0-based line of chunk {@code index}'s first line. */
    public int line(int index) {
        int k = blockOf(index);
        return lineStarts[k] + blocks[k].lines[index - firsts[k]];
    }

    /** Length of the whole text, in UTF-16 code units. */
    public int length() {
        return length;
    }

    /** Number of lines of the text: line breaks + 1. */
    public int lineCount() {
        int last = blocks.length - 1;
        return last < 0 ? 1 : lineStarts[last] + blocks[last].breaks + 1;
    }

    /** Index of the chunk that holds offset {@code offset} (the last chunk starting at or before it), or -1 before the first. */
    public int indexAt(int offset) {
        if (blocks.length == 0 || offset < 0) {
            return -1;
        }
        int lo = 0;
        int hi = blocks.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (offsets[mid] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return firsts[lo] + blocks[lo].indexAt(offset - offsets[lo]);
    }

    /** Index of the chunk that starts at {@code offset}, or -1. */
    public int indexStartingAt(int offset) {
        int i = indexAt(offset);
        return i >= 0 && start(i) == offset ? i : -1;
    }

    /** The whole text, rebuilt from the chunks. */
    public String text() {
        StringBuilder out = new StringBuilder(length);
        for (Block block : blocks) {
            for (ChunkNode node : block.nodes) {
                node.appendSource(out);
            }
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
        int n = size();
        if (n == 0) {
            ChunkNode[] fresh = ChunkScanner.scan(edit.inserted(), TypeContext.NONE, nextId);
            ChunkTable table = new ChunkTable(split(fresh, fresh.length), edit.inserted().length(), nextId + fresh.length);
            return new Splice(table, 0, table.size(), 0, table.blockCount());
        }
        // A delimiter is decided by the two characters at a line start and the break before it,
        // so a chunk whose first two characters the edit leaves alone keeps its start.
        int a = indexAt(Math.max(0, edit.start() - 2));
        int b = indexAt(Math.min(edit.removedEnd(), length - 1));
        int regionStart = start(a);
        int editStart = edit.start() - regionStart;
        int editEnd = edit.removedEnd() - regionStart;

        List<ChunkNode> replaced = new ArrayList<>(b - a + 1);
        int[] oldStarts = new int[b - a + 1];
        StringBuilder region = new StringBuilder();
        for (int i = a, offset = 0; i <= b; i++) {
            ChunkNode node = node(i);
            replaced.add(node);
            oldStarts[i - a] = offset;
            offset += node.length();
            node.appendSource(region);
        }
        region.replace(editStart, editEnd, edit.inserted());
        TypeContext context = a == 0 ? TypeContext.NONE : node(a - 1).outgoing();
        ChunkNode[] parsed = ChunkScanner.scan(region.toString(), context, -1);
        int k = parsed.length;
        int[] newStarts = new int[k];
        for (int j = 0, s = 0; j < k; j++) {
            newStarts[j] = s;
            s += parsed[j].length();
        }
        int[] ids = IdMatcher.matchRegion(replaced, oldStarts, Arrays.asList(parsed), newStarts,
                editStart, editEnd, edit.delta());
        int[] counter = {nextId};
        ChunkNode[] matched = withIds(parsed, ids, counter);

        // spec: a bare %% inherits the type of the chunk above, so bare chunks after the region
        // follow a change of the region's last type, up to the first typed delimiter.
        List<ChunkNode> retyped = new ArrayList<>();
        TypeContext inherited = k > 0 ? matched[k - 1].outgoing() : context;
        int c = b;
        while (c + 1 < n && node(c + 1).isBare() && !node(c + 1).resolvedFrom(inherited)) {
            ChunkNode node = node(c + 1).retyped(inherited);
            retyped.add(node);
            inherited = node.outgoing();
            c++;
        }

        // Rebuild the blocks from the one holding chunk a to the one holding chunk c.
        int firstBlock = blockOf(a);
        int lastBlock = blockOf(c);
        int keptBefore = a - firsts[firstBlock];
        int rebuilt = keptBefore + k + retyped.size() + (firsts[lastBlock + 1] - c - 1);
        if (rebuilt < BLOCK / 2 && lastBlock + 1 < blocks.length) {
            lastBlock++; // too small a block: take the next one in
        } else if (rebuilt < BLOCK / 2 && firstBlock > 0) {
            firstBlock--;
        }
        ChunkNode[] nodes = new ChunkNode[firsts[lastBlock + 1] - firsts[firstBlock] - (c - a + 1) + k + retyped.size()];
        int count = 0;
        for (int i = firsts[firstBlock]; i < a; i++) {
            nodes[count++] = node(i);
        }
        for (ChunkNode node : matched) {
            nodes[count++] = node;
        }
        for (ChunkNode node : retyped) {
            nodes[count++] = node;
        }
        for (int i = c + 1; i < firsts[lastBlock + 1]; i++) {
            nodes[count++] = node(i);
        }
        Block[] middle = split(nodes, count);
        Block[] all = new Block[firstBlock + middle.length + blocks.length - lastBlock - 1];
        System.arraycopy(blocks, 0, all, 0, firstBlock);
        System.arraycopy(middle, 0, all, firstBlock, middle.length);
        System.arraycopy(blocks, lastBlock + 1, all, firstBlock + middle.length, blocks.length - lastBlock - 1);
        ChunkTable table = new ChunkTable(all, length + edit.delta(), counter[0]);
        return new Splice(table, a, a + k + retyped.size(), firstBlock, firstBlock + middle.length);
    }

    /**
     * The result of {@link #apply}.
     *
     * @param table       the chunks after the edit
     * @param first       index of the first re-parsed chunk; chunks before it are unchanged, at the same place
     * @param after       index of the first chunk after the re-parsed and re-typed ones; from there on,
     *                    chunks are the old ones (their node objects), moved by the edit
     * @param firstBlock  index of the first rebuilt block; blocks before it are shared with the old table
     * @param afterBlocks index of the first block after the rebuilt ones (blocks from there on are shared)
     */
    public record Splice(ChunkTable table, int first, int after, int firstBlock, int afterBlocks) {
    }
}
